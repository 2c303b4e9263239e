using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Cards;
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
public sealed class StartImport(AppDbContext db, ImportQueue queue, TimeProvider clock)
{
    public async Task<(Result Result, TaskImport? Job)> TaskListAsync(Actor actor, int campaignId, string? fileName, Stream? upload, CancellationToken ct)
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
            return (Result.Refused($"专项清查“{campaign.Name}”已结束,不能再导入。"), null);
        }
        if (Refusal(actor, upload) is { } refused)
        {
            return (refused, null);
        }
        var file = await BytesAsync(upload!, ct);
        var job = TaskImport.For(actor.Scope.TenantId, campaign.Id, fileName, new MemoryStream(file), actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.TaskImports.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(new(job.Kind, job.Id, job.TenantId, file));
        return (Result.Done($"{campaign.Code}:{job.FileName}"), job);
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
        if (Refusal(actor, upload) is { } refused)
        {
            return (refused, null);
        }
        var file = await BytesAsync(upload!, ct);
        var job = CardImport.For(actor.Scope.TenantId, town.Id, fileName, new MemoryStream(file), actor.UserId, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.CardImports.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(new(job.Kind, job.Id, job.TenantId, file));
        return (Result.Done($"社保卡台账 {town.Name}:{job.FileName}"), job);
    }

    /// <summary>The file is held in memory until it is read (it holds ID numbers, so never on disk): read only once it is accepted.</summary>
    private static async Task<byte[]> BytesAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private Result? Refusal(Actor actor, Stream? file) =>
        file is null || file.Length == 0 ? Result.Refused($"请选择要导入的文件({TaskFile.Formats})。")
        : file.Length > TaskFile.MaxBytes ? Result.Refused($"文件大小 {file.Length / 1024 / 1024} MB,超过上限 {TaskFile.MaxBytes / 1024 / 1024} MB。请按村(社区)拆分后分批导入。")
        : queue.Waiting(actor.Scope.TenantId) >= ImportQueue.MaxPerCounty
            ? Result.Refused($"本县已有 {ImportQueue.MaxPerCounty} 个文件正在排队或导入。请等其中一个完成后再上传。")
        : null;
}
