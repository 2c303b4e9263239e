using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.UseCases.Reports;

public static class WeeklyReports
{
    /// <summary>The report for <paramref name="villages"/> (the user's part of the campaign), or every village of it when null.</summary>
    public static async Task<WeeklyReport> BuildAsync(AppDbContext db, Campaign campaign, ReportWeek week, IReadOnlySet<int>? villages, CountyClock clock, CancellationToken ct)
    {
        var current = await FrozenAsync(db, campaign.Id, week, ct);
        var figures = current?.Lines ?? await LiveAsync(db, campaign, ct);
        var previous = (await FrozenAsync(db, campaign.Id, week.Previous, ct))?.Lines;
        var ids = campaign.Villages.Select(v => v.VillageId).Where(id => villages is null || villages.Contains(id)).ToList();
        var units = await db.OrgUnits.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Code, Town = u.ParentId!.Value }).ToListAsync(ct);
        var townIds = units.Select(u => u.Town).Distinct().ToList();
        var towns = await db.OrgUnits.Where(u => townIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Name, u.Code), ct);
        var asOf = clock.Today < week.Sunday ? clock.Today : week.Sunday;

        ReportLine Line(int id, string name, Progress p, Progress? before, SubmissionState? state) =>
            new(id, name, p, before is null ? null : p.Since(before), state,
                Deadline.Of(campaign.EndDate, asOf, p, state ?? (p.Open == 0 ? SubmissionState.Approved : SubmissionState.InProgress)));

        Progress? Before(int village) => previous is null ? null : previous.TryGetValue(village, out var p) ? p.Item1 : Progress.Zero;

        var townReports = units.GroupBy(u => u.Town).OrderBy(g => towns[g.Key].Code, StringComparer.Ordinal).Select(g =>
        {
            var lines = g.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u =>
            {
                var (p, state) = figures.TryGetValue(u.Id, out var f) ? f : (Progress.Zero, SubmissionState.InProgress);
                return Line(u.Id, u.Name, p, Before(u.Id), state);
            }).ToList();
            var sum = Progress.Sum(lines.Select(l => l.Figures));
            var before = previous is null ? null : Progress.Sum(g.Select(u => Before(u.Id)!));
            return new TownReport(Line(g.Key, towns[g.Key].Name, sum, before, null), lines);
        }).ToList();
        var total = Progress.Sum(townReports.Select(t => t.Town.Figures));
        var totalBefore = previous is null ? null : Progress.Sum(townReports.SelectMany(t => t.Villages).Select(v => Before(v.UnitId)!));
        return new WeeklyReport(campaign.Id, campaign.Code, campaign.Name, campaign.StartDate, campaign.EndDate, week, week.CampaignWeek(campaign.StartDate),
            current?.TakenAtUtc, previous is not null, townReports, Line(0, "合计", total, totalBefore, null));
    }

    /// <summary>Rows verified at the end of every frozen week of the campaign, oldest first, within the villages given (all when null).</summary>
    public static async Task<List<(ReportWeek Week, int Verified)>> TrendAsync(AppDbContext db, int campaignId, IReadOnlySet<int>? villages, CancellationToken ct)
    {
        var lines = await (from s in db.WeeklySnapshots
                           where s.CampaignId == campaignId
                           join l in db.Set<SnapshotLine>() on s.Id equals l.SnapshotId
                           select new { s.Year, s.Week, l.VillageId, l.Verified })
            .ToListAsync(ct);
        return lines.Where(l => villages is null || villages.Contains(l.VillageId))
            .GroupBy(l => new ReportWeek(l.Year, l.Week)).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(l => l.Verified))).ToList();
    }

    /// <summary>Freezes the week's figures as they are now; refuses a week already frozen, so a report never changes once out.</summary>
    public static async Task<WeeklySnapshot> FreezeAsync(AppDbContext db, Campaign campaign, ReportWeek week, string? byId, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        if (await db.WeeklySnapshots.AnyAsync(s => s.CampaignId == campaign.Id && s.Year == week.Year && s.Week == week.Week, ct))
        {
            throw new Domain.DomainException($"{campaign.Name} {week} 已冻结,不能重新冻结。");
        }
        var live = await LiveAsync(db, campaign, ct);
        var snapshot = WeeklySnapshot.Take(campaign.TenantId, campaign.Id, week, live, byId, nowUtc, today);
        db.WeeklySnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return snapshot;
    }

    private static async Task<(DateTime TakenAtUtc, Dictionary<int, (Progress, SubmissionState)> Lines)?> FrozenAsync(AppDbContext db, int campaignId, ReportWeek week, CancellationToken ct)
    {
        var snapshot = await db.WeeklySnapshots.AsNoTracking().Include(s => s.Lines)
            .SingleOrDefaultAsync(s => s.CampaignId == campaignId && s.Year == week.Year && s.Week == week.Week, ct);
        return snapshot is null ? null : (snapshot.TakenAtUtc, snapshot.Lines.ToDictionary(l => l.VillageId, l => (l.Progress, l.State)));
    }

    private static async Task<Dictionary<int, (Progress, SubmissionState)>> LiveAsync(AppDbContext db, Campaign campaign, CancellationToken ct)
    {
        var progress = await StatisticsQueries.ProgressAsync(db, campaign.Id, ct);
        var states = await db.VillageSubmissions.Where(v => v.CampaignId == campaign.Id).ToDictionaryAsync(v => v.VillageId, v => v.State, ct);
        return campaign.Villages.ToDictionary(v => v.VillageId,
            v => (progress.GetValueOrDefault(v.VillageId) ?? Progress.Zero, states.GetValueOrDefault(v.VillageId, SubmissionState.InProgress)));
    }
}

/// <summary>
/// The weekly job: for every open campaign of every county, freezes the week that ended last, if the campaign
/// had started by then and nobody froze it yet. Running it again does nothing more.
/// </summary>
public static class WeeklyFreezing
{
    public static async Task<int> FreezeEndedWeeksAsync(DbContextOptions<AppDbContext> options, TimeProvider time, CancellationToken ct)
    {
        List<(int Id, string TimeZone)> tenants;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenants = (await system.Tenants.Select(t => new { t.Id, t.TimeZone }).ToListAsync(ct)).Select(t => (t.Id, t.TimeZone)).ToList();
        }
        var frozen = 0;
        foreach (var (tenant, zone) in tenants)
        {
            // Each county's week ends at its own Sunday midnight.
            var clock = CountyClock.For(time, zone);
            var nowUtc = clock.UtcNow;
            var ended = ReportWeek.Current(clock).Previous;
            await using var db = new AppDbContext(options, new FixedTenant(tenant));
            var due = await db.Campaigns.Include(c => c.Villages)
                .Where(c => c.ClosedAtUtc == null && c.Kind == CampaignKind.Audit && c.StartDate <= ended.Sunday
                            && !db.WeeklySnapshots.Any(s => s.CampaignId == c.Id && s.Year == ended.Year && s.Week == ended.Week))
                .ToListAsync(ct);
            foreach (var campaign in due)
            {
                try
                {
                    await WeeklyReports.FreezeAsync(db, campaign, ended, null, nowUtc, clock.Today, ct);
                    frozen++;
                }
                catch (Exception e) when (e is DbUpdateException or DomainException)
                {
                    // Another node's job or the county froze it a moment ago (found by the unique index, or by the
                    // check before writing): frozen either way, and the other campaigns are still done.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return frozen;
    }
}
