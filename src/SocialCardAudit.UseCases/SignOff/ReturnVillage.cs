using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.SignOff;

/// <param name="Rows">A reason per person, by task row.</param>
/// <param name="Selected">People ticked in the list, who get <paramref name="SelectionReason"/> unless they have their own.</param>
public sealed record ReturnVillageCommand(int CampaignId, int VillageId, string? Reason, IReadOnlyDictionary<long, string>? Rows,
    IReadOnlyCollection<long>? Selected = null, string? SelectionReason = null);

/// <summary>The town office returns a submitted village with a general reason, reasons per person, or both; its rows reopen.</summary>
public sealed class ReturnVillage(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, ReturnVillageCommand c, CancellationToken ct) =>
        VillageSubmissions.MoveAsync(db, c.CampaignId, c.VillageId, village => Access.Access.CanReview(actor.Scope, village), async (_, _, submission) =>
        {
            var rows = SharedReason.Fill(c.Rows, c.Selected ?? [], c.SelectionReason);
            var named = rows.Keys.ToList();
            var villageRows = await db.TaskRows.Where(r => r.CampaignId == c.CampaignId && r.VillageId == c.VillageId && named.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            submission.Return(c.Reason, rows, villageRows.ToHashSet(), actor.UserId, time.GetUtcNow().UtcDateTime);
        }, "已退回,核查员可以修改核查结果。", ct);
}
