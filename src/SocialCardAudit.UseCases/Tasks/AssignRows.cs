using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.SignOff;

namespace SocialCardAudit.UseCases.Tasks;

/// <param name="VerifierId">The verifier to give the rows to; empty to take them back.</param>
/// <param name="RowIds">The rows ticked; when none, every row of <paramref name="GroupId"/>.</param>
public sealed record AssignRowsCommand(int CampaignId, int VillageId, string? VerifierId, IReadOnlyCollection<long> RowIds, int? GroupId);

/// <summary>
/// The village clerk (or its town office) gives task rows to a verifier of the village, or takes them back; every
/// change of hands is kept (who gave which row to whom, when). Not while the village's statistics are signed.
/// </summary>
public sealed class AssignRows(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, AssignRowsCommand c, CancellationToken ct)
    {
        if (await CampaignLookup.FindVillageAsync(db, c.CampaignId, c.VillageId, ct) is not var (_, village))
        {
            return Result.NotFound;
        }
        if (!Access.Access.CanAssign(actor.Scope, village))
        {
            return Result.Denied;
        }
        var state = await db.VillageSubmissions.Where(v => v.CampaignId == c.CampaignId && v.VillageId == c.VillageId)
            .Select(v => (SubmissionState?)v.State).SingleOrDefaultAsync(ct);
        if (VillageSubmission.LockReason(state) is { } locked)
        {
            return Result.Refused("未分配:" + locked);
        }
        var to = string.IsNullOrEmpty(c.VerifierId) ? null : c.VerifierId;
        if (to is not null && !await IsVerifierOfAsync(to, village.Id, ct))
        {
            return Result.Refused("所选核查员不属于本村(社区)或已停用。");
        }
        var rows = db.TaskRows.Where(r => r.CampaignId == c.CampaignId && r.VillageId == c.VillageId);
        rows = c.RowIds.Count > 0 ? rows.Where(r => c.RowIds.Contains(r.Id))
            : c.GroupId is { } groupId ? rows.Where(r => r.ResidentGroupId == groupId)
            : rows.Where(_ => false);
        var selected = await rows.ToListAsync(ct);
        if (selected.Count == 0)
        {
            return Result.Refused("请先勾选任务,或选择一个居民小组。");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var row in selected.Where(r => r.VerifierId != to))
        {
            db.TaskAssignments.Add(new TaskAssignment { TaskRowId = row.Id, FromVerifierId = row.VerifierId, ToVerifierId = to, ByUserId = actor.UserId, AtUtc = now });
            row.AssignTo(to, now);
            changed++;
        }
        await db.SaveChangesAsync(ct);
        if (to is null)
        {
            return Result.Done($"已收回 {changed} 条任务。");
        }
        var name = await db.Users.Where(u => u.Id == to).Select(u => u.FullName).SingleAsync(ct);
        return Result.Done($"已将 {changed} 条任务分配给 {name}。" + (selected.Count > changed ? $"({selected.Count - changed} 条原本就是该核查员的)" : ""));
    }

    /// <summary>An enabled verifier account of this village.</summary>
    private async Task<bool> IsVerifierOfAsync(string userId, int villageId, CancellationToken ct) =>
        await (from u in db.Users
               where u.Id == userId && u.OrgUnitId == villageId && !u.IsDisabled
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.Verifier
               select u.Id).AnyAsync(ct);
}
