using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// An uploaded file recorded and queued for import, a task list into a campaign or a bank export into a town's
/// card register: both run in the background through <see cref="RunImport"/>, with progress, cancel and the
/// report of refused rows.
/// </summary>
public sealed class StartImport(AppDbContext db, ImportNode node, PersonalDataProtector protector, TimeProvider clock, ImportSettings settings)
{
    public async Task<(Result Result, TaskImport? Job)> TaskListAsync(Actor actor, int campaignId, string? fileName, Stream? upload, CancellationToken ct)
    {
        var (refused, campaign) = await IntoCampaignAsync(actor, campaignId, CampaignKind.Audit, upload, ct);
        if (refused is not null)
        {
            return (refused, null);
        }
        var job = TaskImport.For(actor.Scope.TenantId, campaign!.Id, fileName, upload!, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        await QueueAsync(job, upload!, ct);
        return (Result.Done($"{campaign.Code}:{job.FileName}"), job);
    }

    /// <summary>The list of people without a card (数据比对名单) into an issuance campaign.</summary>
    public async Task<(Result Result, ComparisonImport? Job)> ComparisonListAsync(Actor actor, int campaignId, string? fileName, Stream? upload, CancellationToken ct)
    {
        var (refused, campaign) = await IntoCampaignAsync(actor, campaignId, CampaignKind.Issuance, upload, ct);
        if (refused is not null)
        {
            return (refused, null);
        }
        var job = ComparisonImport.For(actor.Scope.TenantId, campaign!.Id, fileName, upload!, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        await QueueAsync(job, upload!, ct);
        return (Result.Done($"{campaign.Code} 比对名单:{job.FileName}"), job);
    }

    /// <summary>The campaign a file goes into, or why it may not: not found, not the actor's to manage, closed, of the other kind, a bad file.</summary>
    private async Task<(Result? Refused, Campaign? Campaign)> IntoCampaignAsync(Actor actor, int campaignId, CampaignKind kind, Stream? upload, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, campaignId, ct) is not var (campaign, owner))
        {
            return (Result.NotFound, null);
        }
        if (!Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.Manage))
        {
            return (Result.Denied, null);
        }
        if (campaign.IsClosed)
        {
            return (Result.Refused($"{campaign.KindName}“{campaign.Name}”已结束,不能再导入。"), null);
        }
        if (campaign.Kind != kind)
        {
            return (Result.Refused(kind == CampaignKind.Issuance
                ? $"“{campaign.Name}”是专项清查,请导入清查任务数据;比对名单只能导入应发尽发活动。"
                : $"“{campaign.Name}”是应发尽发活动,请导入数据比对名单。"), null);
        }
        return (await RefusalAsync(upload, ct), campaign);
    }

    public async Task<(Result Result, CardImport? Job)> CardRegisterAsync(Actor actor, int townId, string? fileName, Stream? upload, CancellationToken ct)
    {
        var town = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == townId && u.Level == OrgLevel.Town, ct);
        if (town is null)
        {
            return (Result.NotFound, null);
        }
        if (!Access.Access.CanImportCards(actor.Scope, town))
        {
            return (Result.Denied, null);
        }
        if (await RefusalAsync(upload, ct) is { } refused)
        {
            return (refused, null);
        }
        var job = CardImport.For(actor.Scope.TenantId, town.Id, fileName, upload!, actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        await QueueAsync(job, upload!, ct);
        return (Result.Done($"社保卡台账 {town.Name}:{job.FileName}"), job);
    }

    /// <summary>The job and its file, encrypted, in one transaction: a node sees a job only once its file is whole.</summary>
    private async Task QueueAsync(ImportJob job, Stream upload, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(job);
        await db.SaveChangesAsync(ct);
        await ImportFiles.SaveAsync(db, job, upload, protector, ct);
        await tx.CommitAsync(ct);
        node.Nudge();
    }

    private async Task<Result?> RefusalAsync(Stream? file, CancellationToken ct) =>
        file is null || file.Length == 0 ? Result.Refused($"请选择要导入的文件({TaskFile.Formats})。")
        : file.Length > settings.MaxFileBytes ? Result.Refused($"文件大小 {file.Length / 1024 / 1024} MB,超过上限 {settings.MaxFileMegabytes} MB。请按村(社区)拆分后分批导入。")
        : await db.ImportJobs.CountAsync(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running, ct) >= ImportNode.MaxPerCounty
            ? Result.Refused($"本县已有 {ImportNode.MaxPerCounty} 个文件正在排队或导入。请等其中一个完成后再上传。")
        : null;
}
