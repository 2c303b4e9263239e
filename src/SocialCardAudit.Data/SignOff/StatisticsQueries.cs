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
    /// The statistics of every village of the campaigns, counted by the database in one pass each: the county's
    /// overview must not load every row of every town. Town totals are sums of these.
    /// </summary>
    public static async Task<Dictionary<(int Campaign, int Village), VillageStatistics>> VillageTotalsAsync(
        AppDbContext db, IReadOnlyCollection<int> campaignIds, CancellationToken ct)
    {
        // Rows and findings are counted apart, each from its covering index, not joined: a county holds millions of rows.
        var rows = await db.TaskRows.Where(r => campaignIds.Contains(r.CampaignId))
            .GroupBy(r => new { r.CampaignId, r.VillageId })
            .Select(g => new { g.Key.CampaignId, g.Key.VillageId, Rows = g.Count(), Groups = g.Select(r => r.ResidentGroupId).Distinct().Count() })
            .ToListAsync(ct);
        var outcomes = (await db.VerificationRecords.Where(v => campaignIds.Contains(v.CampaignId))
                .GroupBy(v => new { v.CampaignId, v.VillageId, v.Outcome })
                .Select(g => new { g.Key.CampaignId, g.Key.VillageId, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => (x.CampaignId, x.VillageId));
        var flagged = await db.SuspiciousIssues.Where(i => i.ClosedAtUtc == null && campaignIds.Contains(i.CampaignId))
            .GroupBy(i => new { i.CampaignId, i.VillageId })
            .Select(g => new { g.Key.CampaignId, g.Key.VillageId, Rows = g.Select(i => i.TaskRowId).Distinct().Count() })
            .ToDictionaryAsync(x => (x.CampaignId, x.VillageId), x => x.Rows, ct);
        return rows.ToDictionary(r => (r.CampaignId, r.VillageId), r =>
        {
            var found = outcomes[(r.CampaignId, r.VillageId)].ToList();
            int Of(Domain.Verification.Outcome o) => found.Where(x => x.Outcome == o).Sum(x => x.Count);
            return new VillageStatistics(r.Rows, r.Groups, Of(Domain.Verification.Outcome.ReceivedInUse), Of(Domain.Verification.Outcome.ReceivedDeceased),
                Of(Domain.Verification.Outcome.NotReceivedHandedIn), Of(Domain.Verification.Outcome.NotReceivedDeceased),
                r.Rows - found.Sum(x => x.Count), flagged.GetValueOrDefault((r.CampaignId, r.VillageId)));
        });
    }

    /// <summary>
    /// The digest of exactly what a village's signature covers, from the database as it is now: the counts and
    /// every finding, field by field. Signing stores it; verifying recomputes it with the stored one's algorithm.
    /// </summary>
    public static async Task<(string Digest, VillageStatistics Statistics, List<long> OpenRows)> DigestAsync(
        AppDbContext db, int campaignId, int villageId, CancellationToken ct, DigestAlgorithm algorithm = DigestAlgorithm.Sha256,
        IReadOnlyDictionary<long, string>? openReasons = null)
    {
        var states = (await RowStatesAsync(db, campaignId, [villageId], ct))[villageId];
        var statistics = VillageStatistics.Compute(states);
        var findings = (await db.VerificationRecords.AsNoTracking().Where(v => v.CampaignId == campaignId && v.VillageId == villageId).ToListAsync(ct))
            .Select(v => (v.TaskRowId, SignedContent.Line(v.TaskRowId, v.Version, v.ToFinding())));
        var digest = SignedContent.Digest(SignedContent.Canonical(villageId, campaignId, statistics, findings, openReasons), algorithm);
        return (digest, statistics, states.Where(s => s.Outcome is null).Select(s => s.RowId).ToList());
    }
}
