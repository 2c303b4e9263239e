using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Reports;
using SocialCardAudit.UseCases.Statistics;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Reports;

public sealed record CampaignChoice(int Id, string Name);

public sealed record WeeklyPage(WeeklyReport Report, IReadOnlyList<CampaignChoice> Campaigns, bool CanFreeze);

public sealed record VerifierLine(string Name, Progress Figures);

/// <summary>The dashboard; <paramref name="ByTown"/>: the county compares towns and drills into one, a town compares its villages.</summary>
public sealed record DashboardPage(WeeklyReport Report, IReadOnlyList<CampaignChoice> Campaigns, IReadOnlyList<(DateOnly Day, string Week, int Verified)> Trend, bool ByTown);

public sealed record VerifierPage(Campaign Campaign, OrgUnit Village, IReadOnlyList<VerifierLine> Verifiers);

/// <summary>
/// The weekly progress report (周督查通报): the county sees every town, a town office its own villages. A week
/// is read from its frozen snapshot when there is one; the county freezes a week with the button, the weekly
/// job freezes the weeks that ended.
/// </summary>
[Authorize(Policy = Policies.CampaignManagers)]
public sealed class ReportsController(AppDbContext db, CountyClock clock) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private DateTime Now => clock.UtcNow;

    [HttpGet("reports/weekly", Name = "Reports.Weekly")]
    public async Task<IActionResult> Weekly(int? campaign, string? week, int? town, CancellationToken ct)
    {
        var scope = Scope;
        var campaigns = await Access.Campaigns(db, scope).Where(c => c.Kind == CampaignKind.Audit).OrderByDescending(c => c.ClosedAtUtc == null).ThenByDescending(c => c.Id)
            .Select(c => new CampaignChoice(c.Id, c.Name)).ToListAsync(ct);
        if (campaigns.Count == 0)
        {
            return View("Empty");
        }
        var id = campaign ?? campaigns[0].Id;
        var (c, denied) = await this.AuthorizeAsync(db, id, CampaignRight.View, ct);
        if (c is null)
        {
            return denied!;
        }
        if (c.IsIssuance)
        {
            return RedirectToRoute("Issuance.Progress", new { id }); // its report is by phase
        }
        ReportWeek chosen;
        if (string.IsNullOrEmpty(week))
        {
            chosen = ReportWeek.Of(clock.Today);
        }
        else if (!ReportWeek.TryParse(week, out chosen))
        {
            ModelState.AddModelError("", $"周次“{week}”格式不正确,应为如 2021-W25 的 ISO 周。");
            chosen = ReportWeek.Of(clock.Today);
        }
        var report = await WeeklyReports.BuildAsync(db, c, chosen, VillagesInScope(c, town), clock, ct);
        return View("Weekly", new WeeklyPage(report, campaigns, scope.Role == Roles.CountySupervisor));
    }

    /// <summary>The dashboard: completion by town (or village), the outcomes, rows verified week by week; each chart with its table.</summary>
    [HttpGet("reports/dashboard", Name = "Reports.Dashboard")]
    public async Task<IActionResult> Dashboard(int? campaign, CancellationToken ct)
    {
        var campaigns = await Access.Campaigns(db, Scope).Where(c => c.Kind == CampaignKind.Audit).OrderByDescending(c => c.ClosedAtUtc == null).ThenByDescending(c => c.Id)
            .Select(c => new CampaignChoice(c.Id, c.Name)).ToListAsync(ct);
        if (campaigns.Count == 0)
        {
            return View("Empty");
        }
        var (c, denied) = await this.AuthorizeAsync(db, campaign ?? campaigns[0].Id, CampaignRight.View, ct);
        if (c is null)
        {
            return denied!;
        }
        var villages = VillagesInScope(c);
        var week = ReportWeek.Of(clock.Today);
        var report = await WeeklyReports.BuildAsync(db, c, week, villages, clock, ct);
        // Frozen weeks by the campaign's own numbering; this week's live figure only while the campaign runs.
        string Label(ReportWeek w) => w.Sunday >= c.StartDate && w.Monday <= c.EndDate ? $"第{w.CampaignWeek(c.StartDate)}周" : w.ToString();
        var trend = (await WeeklyReports.TrendAsync(db, c.Id, villages, ct)).Where(t => t.Week.CompareTo(week) < 0)
            .Select(t => (t.Week.Sunday, Label(t.Week), t.Verified)).ToList();
        if (week.Sunday >= c.StartDate && week.Monday <= c.EndDate)
        {
            trend.Add((clock.Today, "本周(实时)", report.Total.Figures.Verified));
        }
        return View("Dashboard", new DashboardPage(report, campaigns, trend, Scope.IsCountyWide));
    }

    /// <summary>The same report as a workbook (the county and each town on a sheet) or a landscape PDF.</summary>
    [HttpGet("reports/weekly.{format:regex(^(xlsx|pdf)$)}", Name = "Reports.WeeklyDocument")]
    public async Task<IActionResult> WeeklyDocument(int campaign, string? week, int? town, string format, CancellationToken ct)
    {
        var (c, denied) = await this.AuthorizeAsync(db, campaign, CampaignRight.View, ct);
        if (c is null)
        {
            return denied!;
        }
        var chosen = ReportWeek.TryParse(week, out var w) ? w : ReportWeek.Of(clock.Today);
        var report = await WeeklyReports.BuildAsync(db, c, chosen, VillagesInScope(c, town), clock, ct);
        return this.Document(format, () => WeeklyReportDocuments.Xlsx(report, clock), () => WeeklyReportDocuments.Pdf(report, clock),
            $"{c.Code}-周督查通报-{chosen}");
    }

    /// <summary>The county freezes a week's figures as they are now; a frozen week is never taken again.</summary>
    [HttpPost("reports/weekly/freeze", Name = "Reports.Freeze")]
    [Authorize(Roles = Roles.CountySupervisor)]
    public async Task<IActionResult> Freeze(int campaign, string? week, [FromServices] FreezeWeek freeze, CancellationToken ct) =>
        await this.AnswerAsync(await freeze.HandleAsync(AppClaims.ActorOf(User), campaign, week, ct),
            Url.RouteUrl("Reports.Weekly", new { campaign, week })!);

    /// <summary>Drill-down below a village: its verifiers' figures now.</summary>
    [HttpGet("reports/weekly/{id:int}/villages/{villageId:int}", Name = "Reports.Verifiers")]
    public async Task<IActionResult> Verifiers(int id, int villageId, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct);
        if (found is not var (c, village))
        {
            return denied!;
        }
        var figures = await StatisticsQueries.VerifierProgressAsync(db, id, villageId, ct);
        var ids = figures.Keys.Where(k => k.Length > 0).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var lines = figures.OrderBy(f => f.Key.Length == 0).ThenBy(f => names.GetValueOrDefault(f.Key, ""), StringComparer.Ordinal)
            .Select(f => new VerifierLine(f.Key.Length == 0 ? "未分配" : names.GetValueOrDefault(f.Key, "(已删除的账号)"), f.Value)).ToList();
        return View("Verifiers", new VerifierPage(c, village, lines));
    }

    /// <summary>
    /// A town office sees its own villages of the campaign, the county all of them (null); <paramref name="town"/>
    /// narrows to one town (the county's drill-down), never beyond the user's scope.
    /// </summary>
    private IReadOnlySet<int>? VillagesInScope(Campaign campaign, int? town = null)
    {
        var scope = Scope;
        if (scope.IsCountyWide)
        {
            return town is null ? null : campaign.VillagesOf(town).ToHashSet();
        }
        return town is null || town == scope.UnitId ? campaign.VillagesOf(scope.UnitId).ToHashSet() : [];
    }
}
