using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Data.Reports;

/// <summary>
/// The weekly report's figures as the database has them now, per village, each counted by one GROUP BY so a
/// county of a million rows is read once and never row by row. The arithmetic above a village is the Domain's.
/// </summary>
public static class ProgressQueries
{
    public static async Task<Dictionary<int, Progress>> VillagesAsync(AppDbContext db, int campaignId, CancellationToken ct)
    {
        // Two counts that each read one index, instead of joining a million rows to their findings.
        var rows = await db.TaskRows.Where(r => r.CampaignId == campaignId)
            .GroupBy(r => r.VillageId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var outcomes = (await db.VerificationRecords.Where(v => v.CampaignId == campaignId)
                .GroupBy(v => new { v.VillageId, v.Outcome }).Select(g => new { g.Key.VillageId, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.VillageId);
        var flagged = await db.SuspiciousIssues.Where(i => i.CampaignId == campaignId && i.ClosedAtUtc == null)
            .GroupBy(i => i.VillageId).Select(g => new { g.Key, Rows = g.Select(i => i.TaskRowId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Rows, ct);
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
        return rows.Keys.Union(cards.Keys.Select(k => k.VillageId)).ToDictionary(village => village, village =>
        {
            int Of(Outcome o) => outcomes[village].Where(x => x.Outcome == o).Sum(x => x.Count);
            return new Progress(rows.GetValueOrDefault(village), outcomes[village].Sum(x => x.Count), Of(Outcome.ReceivedInUse), Of(Outcome.ReceivedDeceased),
                Of(Outcome.NotReceivedHandedIn), Of(Outcome.NotReceivedDeceased), flagged.GetValueOrDefault(village),
                fraud.TryGetValue(village, out var f) ? f.Cases : 0, f?.Recovered ?? 0m,
                cards.GetValueOrDefault((village, CardState.InStock)), cards.GetValueOrDefault((village, CardState.Lost)));
        });
    }

    /// <summary>One village's figures per verifier (rows not yet given to anyone under the empty id), for the drill-down.</summary>
    public static async Task<Dictionary<string, Progress>> VerifiersAsync(AppDbContext db, int campaignId, int villageId, CancellationToken ct)
    {
        var rows = await (from r in db.TaskRows
                          where r.CampaignId == campaignId && r.VillageId == villageId
                          join v in db.VerificationRecords on r.Id equals v.TaskRowId into found
                          from v in found.DefaultIfEmpty()
                          group new { Outcome = (Outcome?)v.Outcome } by r.VerifierId into g
                          select new
                          {
                              Verifier = g.Key,
                              Rows = g.Count(),
                              Verified = g.Count(x => x.Outcome != null),
                              InUse = g.Count(x => x.Outcome == Outcome.ReceivedInUse),
                              ReceivedDeceased = g.Count(x => x.Outcome == Outcome.ReceivedDeceased),
                              HandedIn = g.Count(x => x.Outcome == Outcome.NotReceivedHandedIn),
                              NotReceivedDeceased = g.Count(x => x.Outcome == Outcome.NotReceivedDeceased),
                          })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Verifier ?? "", r => new Progress(r.Rows, r.Verified, r.InUse, r.ReceivedDeceased, r.HandedIn, r.NotReceivedDeceased, 0, 0, 0m));
    }
}
