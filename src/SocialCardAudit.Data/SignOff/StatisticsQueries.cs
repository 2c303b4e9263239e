using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Data.SignOff;

/// <summary>Reads what the classified statistics are computed from; the arithmetic is the Domain's.</summary>
public static class StatisticsQueries
{
    /// <summary>Each row of the villages: its outcome, group and whether an issue about it is open.</summary>
    public static async Task<Dictionary<int, List<RowState>>> RowStatesAsync(AppDbContext db, int campaignId, IReadOnlyCollection<int> villageIds, CancellationToken ct)
    {
        var rows = await db.TaskRows
            .Where(r => r.CampaignId == campaignId && villageIds.Contains(r.VillageId))
            .Select(r => new
            {
                r.Id, r.VillageId, r.ResidentGroupId,
                Outcome = db.VerificationRecords.Where(v => v.TaskRowId == r.Id).Select(v => (Domain.Verification.Outcome?)v.Outcome).FirstOrDefault(),
                Flagged = db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null),
            })
            .ToListAsync(ct);
        var byVillage = villageIds.ToDictionary(id => id, _ => new List<RowState>());
        foreach (var r in rows)
        {
            byVillage[r.VillageId].Add(new RowState(r.Id, r.Outcome, r.ResidentGroupId, r.Flagged));
        }
        return byVillage;
    }

    /// <summary>The finding versions a village's statistics rest on, for the signed digest.</summary>
    public static Task<List<(long RowId, int Version)>> FindingVersionsAsync(AppDbContext db, int campaignId, int villageId, CancellationToken ct) =>
        db.VerificationRecords.Where(v => v.CampaignId == campaignId && v.VillageId == villageId)
            .Select(v => new ValueTuple<long, int>(v.TaskRowId, v.Version)).ToListAsync(ct);
}
