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

    /// <summary>
    /// The statistics of whole campaigns (a town's total each), counted by the database in one pass: the county's
    /// overview must not load every row of every town.
    /// </summary>
    public static async Task<Dictionary<int, VillageStatistics>> CampaignTotalsAsync(AppDbContext db, IReadOnlyCollection<int> campaignIds, CancellationToken ct)
    {
        var counts = await (from r in db.TaskRows
                            where campaignIds.Contains(r.CampaignId)
                            join v in db.VerificationRecords on r.Id equals v.TaskRowId into found
                            from v in found.DefaultIfEmpty()
                            group new { r.ResidentGroupId, Outcome = (Domain.Verification.Outcome?)v.Outcome } by r.CampaignId into g
                            select new
                            {
                                CampaignId = g.Key,
                                Rows = g.Count(),
                                Groups = g.Select(x => x.ResidentGroupId).Distinct().Count(),
                                InUse = g.Count(x => x.Outcome == Domain.Verification.Outcome.ReceivedInUse),
                                ReceivedDeceased = g.Count(x => x.Outcome == Domain.Verification.Outcome.ReceivedDeceased),
                                HandedIn = g.Count(x => x.Outcome == Domain.Verification.Outcome.NotReceivedHandedIn),
                                NotReceivedDeceased = g.Count(x => x.Outcome == Domain.Verification.Outcome.NotReceivedDeceased),
                                Open = g.Count(x => x.Outcome == null),
                            })
            .ToListAsync(ct);
        var flagged = await db.SuspiciousIssues.Where(i => i.ClosedAtUtc == null)
            .Join(db.TaskRows.Where(r => campaignIds.Contains(r.CampaignId)), i => i.TaskRowId, r => r.Id, (i, r) => new { r.CampaignId, r.Id })
            .Distinct().GroupBy(x => x.CampaignId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var result = campaignIds.ToDictionary(id => id, _ => VillageStatistics.Compute([]));
        foreach (var c in counts)
        {
            result[c.CampaignId] = new VillageStatistics(c.Rows, c.Groups, c.InUse, c.ReceivedDeceased, c.HandedIn, c.NotReceivedDeceased,
                c.Open, flagged.GetValueOrDefault(c.CampaignId));
        }
        return result;
    }

    /// <summary>
    /// The SHA-256 of exactly what a village's signature covers, from the database as it is now: the counts
    /// and every finding, field by field. Signing stores it; verifying compares it.
    /// </summary>
    public static async Task<(string Digest, VillageStatistics Statistics, List<long> OpenRows)> DigestAsync(
        AppDbContext db, int campaignId, int villageId, CancellationToken ct)
    {
        var states = (await RowStatesAsync(db, campaignId, [villageId], ct))[villageId];
        var statistics = VillageStatistics.Compute(states);
        var findings = (await db.VerificationRecords.AsNoTracking().Where(v => v.CampaignId == campaignId && v.VillageId == villageId).ToListAsync(ct))
            .Select(v => (v.TaskRowId, SignedContent.Line(v.TaskRowId, v.Version, v.ToFinding())));
        var digest = SignedContent.Digest(SignedContent.Canonical(villageId, campaignId, statistics, findings));
        return (digest, statistics, states.Where(s => s.Outcome is null).Select(s => s.RowId).ToList());
    }
}
