using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.UseCases.Statistics;

/// <summary>
/// The one source of the counts: 附件4, the sign-off digest, the town total, the weekly report and the home pages
/// all read them here. The counting rule is the Domain's <see cref="VillageStatistics.Compute"/>; the GROUP BY of
/// <see cref="VillageTotalsAsync"/> is the same rule done by the database (a test holds them equal), and the
/// weekly report's <see cref="Progress"/> is built from it with the report's extra figures.
/// </summary>
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
                Outcome = db.VerificationRecords.Where(v => v.TaskRowId == r.Id).Select(v => (Outcome?)v.Outcome).FirstOrDefault(),
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
        AppDbContext db, IReadOnlyCollection<int> campaignIds, CancellationToken ct, IReadOnlyCollection<int>? villageIds = null)
    {
        // Rows and findings are counted apart, each from its covering index, not joined: a county holds millions of rows.
        var rows = await db.TaskRows.Where(r => campaignIds.Contains(r.CampaignId) && (villageIds == null || villageIds.Contains(r.VillageId)))
            .GroupBy(r => new { r.CampaignId, r.VillageId })
            .Select(g => new { g.Key.CampaignId, g.Key.VillageId, Rows = g.Count(), Groups = g.Select(r => r.ResidentGroupId).Distinct().Count() })
            .ToListAsync(ct);
        var outcomes = (await db.VerificationRecords.Where(v => campaignIds.Contains(v.CampaignId) && (villageIds == null || villageIds.Contains(v.VillageId)))
                .GroupBy(v => new { v.CampaignId, v.VillageId, v.Outcome })
                .Select(g => new { g.Key.CampaignId, g.Key.VillageId, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => (x.CampaignId, x.VillageId));
        var flagged = await db.SuspiciousIssues.Where(i => i.ClosedAtUtc == null && campaignIds.Contains(i.CampaignId) && (villageIds == null || villageIds.Contains(i.VillageId)))
            .GroupBy(i => new { i.CampaignId, i.VillageId })
            .Select(g => new { g.Key.CampaignId, g.Key.VillageId, Rows = g.Select(i => i.TaskRowId).Distinct().Count() })
            .ToDictionaryAsync(x => (x.CampaignId, x.VillageId), x => x.Rows, ct);
        return rows.ToDictionary(r => (r.CampaignId, r.VillageId), r =>
        {
            var found = outcomes[(r.CampaignId, r.VillageId)].ToList();
            int Of(Outcome o) => found.Where(x => x.Outcome == o).Sum(x => x.Count);
            return new VillageStatistics(r.Rows, r.Groups, Of(Outcome.ReceivedInUse), Of(Outcome.ReceivedDeceased),
                Of(Outcome.NotReceivedHandedIn), Of(Outcome.NotReceivedDeceased),
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

    /// <summary>
    /// The weekly report's figures per village: the statistics above with the village's fraud cases, money
    /// recovered, and cards in stock and lost from the register (whatever the campaign). A village with cards but
    /// no rows still has a line.
    /// </summary>
    public static async Task<Dictionary<int, Progress>> ProgressAsync(AppDbContext db, int campaignId, CancellationToken ct)
    {
        var statistics = (await VillageTotalsAsync(db, [campaignId], ct)).ToDictionary(s => s.Key.Village, s => s.Value);
        var fraud = await db.FraudCases.Where(c => c.CampaignId == campaignId)
            .GroupBy(c => c.VillageId)
            .Select(g => new { g.Key, Cases = g.Count(), Recovered = g.Sum(c => db.Set<FraudRecovery>().Where(r => r.CaseId == c.Id).Sum(r => (decimal?)r.Amount) ?? 0m) })
            .ToDictionaryAsync(g => g.Key, ct);
        // The villages' cards in stock and lost, from the register's (VillageId, State) index.
        var cards = (await db.Cards
                .Where(c => (c.State == CardState.InStock || c.State == CardState.Lost)
                            && db.Set<CampaignVillage>().Any(v => v.CampaignId == campaignId && v.VillageId == c.VillageId))
                .GroupBy(c => new { c.VillageId, c.State }).Select(g => new { g.Key.VillageId, g.Key.State, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => (x.VillageId, x.State), x => x.Count);
        return statistics.Keys.Union(cards.Keys.Select(k => k.VillageId)).ToDictionary(village => village, village =>
            Progress.Of(statistics.GetValueOrDefault(village) ?? VillageStatistics.Empty,
                fraud.TryGetValue(village, out var f) ? f.Cases : 0, f?.Recovered ?? 0m,
                cards.GetValueOrDefault((village, CardState.InStock)), cards.GetValueOrDefault((village, CardState.Lost))));
    }

    /// <summary>One village's figures per verifier (rows not yet given to anyone under the empty id), for the drill-down.</summary>
    public static async Task<Dictionary<string, Progress>> VerifierProgressAsync(AppDbContext db, int campaignId, int villageId, CancellationToken ct)
    {
        var rows = await (from r in db.TaskRows
                          where r.CampaignId == campaignId && r.VillageId == villageId
                          select new
                          {
                              r.Id, r.VerifierId, r.ResidentGroupId,
                              Outcome = db.VerificationRecords.Where(v => v.TaskRowId == r.Id).Select(v => (Outcome?)v.Outcome).FirstOrDefault(),
                              Flagged = db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null),
                          })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.VerifierId ?? "").ToDictionary(g => g.Key, g => Progress.Of(
            VillageStatistics.Compute([.. g.Select(r => new RowState(r.Id, r.Outcome, r.ResidentGroupId, r.Flagged))]), 0, 0m, 0, 0));
    }
}
