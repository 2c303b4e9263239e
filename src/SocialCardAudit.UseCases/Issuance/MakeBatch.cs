using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>
/// 制卡: the town office puts its verified people into a making batch for one bank, 批量 or 即时. Only a living
/// person verified with all nine elements and a photo goes in (the Domain's rule); if any chosen person may not,
/// nothing is batched and each reason is named.
/// </summary>
public sealed class MakeBatch(AppDbContext db, TimeProvider clock)
{
    public async Task<(Result Result, IssuanceBatch? Batch)> HandleAsync(Actor actor, int campaignId, int bankId, MakingRoute route,
        IReadOnlyCollection<long> caseIds, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleOrDefaultAsync(c => c.Id == campaignId && c.Kind == Domain.Campaigns.CampaignKind.Issuance, ct);
        if (campaign is null)
        {
            return (Result.NotFound, null);
        }
        if (actor.Scope.Role != Domain.Organization.Roles.TownOffice || !campaign.CoversTown(actor.Scope.UnitId))
        {
            return (Result.Denied, null);
        }
        var townId = actor.Scope.UnitId;
        if (campaign.IsClosed)
        {
            return (Result.Refused($"应发尽发“{campaign.Name}”已结束,不能再制卡。"), null);
        }
        if (!await db.Banks.AnyAsync(b => b.Id == bankId, ct))
        {
            return (Result.Refused("请选择制卡银行。", "BankId"), null);
        }
        if (caseIds.Count == 0)
        {
            return (Result.Refused("请至少选择一人。"), null);
        }
        var cases = await Access.Access.IssuanceCases(db, actor.Scope).Where(c => c.CampaignId == campaignId && caseIds.Contains(c.Id)).ToListAsync(ct);
        if (cases.Count != caseIds.Distinct().Count())
        {
            return (Result.Denied, null); // someone of another town, or not in this campaign
        }
        var today = (await db.CountyClockAsync(campaign.TenantId, clock, ct)).Today;
        var number = (await db.IssuanceBatches.Where(b => b.CampaignId == campaignId).MaxAsync(b => (int?)b.Number, ct) ?? 0) + 1;
        var batch = new IssuanceBatch
        {
            TenantId = campaign.TenantId, CampaignId = campaignId, TownId = townId, BankId = bankId, Route = route, Number = number,
            CreatedById = actor.UserId, CreatedByName = actor.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.IssuanceBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        var refusals = new List<string>();
        var withPhoto = (await db.IssuanceAttachments.Where(a => caseIds.Contains(a.CaseId) && a.Kind == IssuanceAttachmentKind.Photo)
            .Select(a => a.CaseId).ToListAsync(ct)).ToHashSet();
        foreach (var c in cases)
        {
            try
            {
                c.AddToBatch(batch.Id, route, today);
            }
            catch (DomainException e)
            {
                refusals.Add(e.Message);
            }
            if (!withPhoto.Contains(c.Id) && c.Stage == IssuanceStage.InBatch)
            {
                refusals.Add($"{c.Name}的照片未找到,请重新采集。"); // the photo itself, not only the mark that one was taken
            }
        }
        if (refusals.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (Result.Refused($"未生成制卡批次,{refusals.Count} 人不能制卡:" + string.Join(" ", refusals.Take(20)) + (refusals.Count > 20 ? " ……" : "")), null);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (new Result(Status.Conflict, "他人刚刚生成了制卡批次或办理了其中的人员,未保存。请刷新后重试。"), null);
        }
        return (Result.Done($"已生成第 {number} 批{IssuanceBatch.DisplayName(route)}批次,共 {cases.Count} 人。请下载制卡名单交银行,制卡结果回来后在本批次登记或导入。"), batch);
    }
}
