using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Reports;

namespace SocialCardAudit.UseCases.Demo;

/// <summary>
/// Made-up progress for a demo campaign, so the dashboard and the weekly report show something real: a share
/// of its open rows get findings spread over the campaign's weeks, and each week that has ended is frozen at
/// its end, giving the weekly trend. Outcomes by hundreds: 70 in use, 10 received and deceased, 12 handed in,
/// 8 not received and deceased, each with the fields its outcome requires.
/// </summary>
public static class DemoProgress
{
    public static async Task<int> AddAsync(DbContextOptions<AppDbContext> options, int tenantId, string campaignCode, double share, DateTime nowUtc, CancellationToken ct)
    {
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var county = await db.CountyClockAsync(tenantId, TimeProvider.System, ct);
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Code == campaignCode, ct);
        var rows = await db.TaskRows.Where(r => r.CampaignId == campaign.Id && !db.VerificationRecords.Any(v => v.TaskRowId == r.Id))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.VillageId, r.Phone, r.VerifierId }).ToListAsync(ct);
        var chosen = rows.Where((_, i) => i * 37 % 100 < share * 100).ToList();
        // The made-up findings pass the same rules as real ones.
        var context = new FindingContext(county.Local(nowUtc), campaign.StartDate, null, await db.Banks.Select(b => b.Name).ToListAsync(ct));
        var weeks = new List<ReportWeek>();
        for (var w = ReportWeek.Of(campaign.StartDate); w.CompareTo(ReportWeek.Of(campaign.EndDate)) <= 0; w = ReportWeek.Of(w.Monday.AddDays(7)))
        {
            weeks.Add(w);
        }
        for (var k = 0; k < weeks.Count; k++)
        {
            var week = weeks[k];
            // More rows early than late, as a campaign goes: the share of week k falls with k.
            var from = chosen.Count * k * (2 * weeks.Count - k + 1) / (weeks.Count * (weeks.Count + 1));
            var to = chosen.Count * (k + 1) * (2 * weeks.Count - k) / (weeks.Count * (weeks.Count + 1));
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var versions = new List<VerificationVersion>();
                using (var records = new PreparedInsert<VerificationRecord>(db))
                {
                    for (var i = from; i < to; i++)
                    {
                        var row = chosen[i];
                        var day = week.Monday.AddDays(i % 5);
                        var visited = (day < campaign.StartDate ? campaign.StartDate : day).ToDateTime(new TimeOnly(10, 0));
                        var record = new VerificationRecord { TenantId = tenantId, TaskRowId = row.Id, CampaignId = campaign.Id, VillageId = row.VillageId };
                        versions.Add(record.Record(Finding(i, visited, row.Phone), context, row.VerifierId ?? "seed", county.ToUtc(visited)));
                        records.Insert(record);
                    }
                }
                // One bulk write at a time on the connection: the versions after the records.
                using (var writer = new PreparedInsert<VerificationVersion>(db))
                {
                    versions.ForEach(v => writer.Insert(v));
                }
                await tx.CommitAsync(ct);
            }
            if (week.EndUtc(county) <= nowUtc && !await db.WeeklySnapshots.AnyAsync(s => s.CampaignId == campaign.Id && s.Year == week.Year && s.Week == week.Week, ct))
            {
                await WeeklyReports.FreezeAsync(db, campaign, week, null, week.EndUtc(county), week.Sunday, ct);
            }
        }
        return chosen.Count;
    }

    private static Finding Finding(int i, DateTime visited, string? phone) => Sample((i % 100) switch
    {
        < 70 => Outcome.ReceivedInUse,
        < 80 => Outcome.ReceivedDeceased,
        < 92 => Outcome.NotReceivedHandedIn,
        _ => Outcome.NotReceivedDeceased,
    }, visited, phone);

    /// <summary>A complete made-up finding of an outcome, as 附件2 wants it filled (the card handed in to 邮政银行).</summary>
    public static Finding Sample(Outcome outcome, DateTime visited, string? phone = null)
    {
        var finding = new Finding { VisitedAt = visited, Phone = phone ?? "13800000000", Signature = SignatureKind.Self };
        var proxy = finding with { Signature = SignatureKind.Proxy, ProxyName = "家属", ProxyRelation = "儿子" };
        return outcome switch
        {
            Outcome.ReceivedInUse => finding with { Outcome = outcome },
            Outcome.ReceivedDeceased => proxy with { Outcome = outcome, DeclaredToCounty = true },
            Outcome.NotReceivedHandedIn => finding with { Outcome = outcome, HandedInTo = HandedInTo.Bank, HandedInBank = "邮政银行", HandedInDate = DateOnly.FromDateTime(visited).AddDays(-30) },
            _ => proxy with { Outcome = outcome, DeathDate = DateOnly.FromDateTime(visited).AddDays(-90), CardWhereabouts = "已交镇社会事业综合服务中心" },
        };
    }
}
