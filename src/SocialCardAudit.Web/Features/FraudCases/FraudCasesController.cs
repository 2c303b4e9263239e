using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Issues;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.FraudCases;

public sealed class FraudCaseForm
{
    public decimal? AmountClaimed { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public DateOnly? ReportedOn { get; set; }
    public string? Note { get; set; }
}

public sealed record CaseLine(long Id, string PersonName, string Village, decimal Claimed, decimal Recovered, FraudStatus Status, DateOnly ReportedOn);

public sealed record CasePage(FraudCase Case, string PersonName, string Village, string Reason, bool CanManage);

public sealed record OpenPage(SuspiciousIssue Issue, string PersonName, FraudCaseForm Form);

/// <summary>Pension fraud through a card (冒领、盗领养老金): the town registers it from an issue, records what is recovered, hands it over.</summary>
[Authorize(Roles = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk}")]
public sealed class FraudCasesController(AppDbContext db, CountyClock clock) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => clock.UtcNow;

    [HttpGet("fraud-cases", Name = "FraudCases.Index")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var scope = Scope;
        var cases = await db.FraudCases.Include(c => c.Recoveries)
            .Where(c => db.OrgUnits.Any(u => u.Id == c.VillageId && u.Code.StartsWith(scope.UnitCode)))
            .OrderByDescending(c => c.Id).ToListAsync(ct);
        var rowIds = cases.Select(c => c.TaskRowId).ToList();
        var names = await db.TaskRows.Where(r => rowIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var villageIds = cases.Select(c => c.VillageId).Distinct().ToList();
        var villages = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return View(cases.Select(c => new CaseLine(c.Id, names[c.TaskRowId], villages[c.VillageId], c.AmountClaimed, c.Recovered, c.Status, c.ReportedOn)).ToList());
    }

    [HttpGet("issues/{id:long}/fraud-case/new", Name = "FraudCases.Open")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var (issue, name, denied) = await TownIssueAsync(id, ct);
        return issue is null ? denied! : View(new OpenPage(issue, name!, new FraudCaseForm { ReportedOn = clock.Today }));
    }

    [HttpPost("issues/{id:long}/fraud-case", Name = "FraudCases.Open.Post")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Open(long id, FraudCaseForm form, [FromServices] OpenFraudCase open, CancellationToken ct)
    {
        var (result, caseId) = await open.HandleAsync(AppClaims.ActorOf(User), id,
            new(form.AmountClaimed, form.PeriodFrom, form.PeriodTo, form.ReportedOn, form.Note), ct);
        return await this.AnswerAsync(result, Url.RouteUrl("FraudCases.Details", new { id = caseId })!, async refusal =>
        {
            ModelState.AddModelError("", refusal);
            var (issue, name, _) = await TownIssueAsync(id, ct);
            return View(new OpenPage(issue!, name!, form));
        });
    }

    [HttpGet("fraud-cases/{id:long}", Name = "FraudCases.Details")]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var (page, denied) = await CaseAsync(id, ct);
        return page is null ? denied! : View(page);
    }

    [HttpPost("fraud-cases/{id:long}/recoveries", Name = "FraudCases.Recover")]
    public async Task<IActionResult> Recover(long id, decimal? amount, DateOnly? recoveredOn, [FromServices] RecordRecovery recover, CancellationToken ct) =>
        await this.AnswerAsync(await recover.HandleAsync(Actor, id, amount, recoveredOn, ct), Url.RouteUrl("FraudCases.Details", new { id })!, message => RefusedAsync(id, message, ct));

    [HttpPost("fraud-cases/{id:long}/refer", Name = "FraudCases.Refer")]
    public async Task<IActionResult> Refer(long id, DateOnly? referredOn, [FromServices] ReferFraudCase refer, CancellationToken ct) =>
        await this.AnswerAsync(await refer.HandleAsync(Actor, id, referredOn, ct), Url.RouteUrl("FraudCases.Details", new { id })!, message => RefusedAsync(id, message, ct));

    private Actor Actor => AppClaims.ActorOf(User);

    /// <summary>The case again, with why the change was refused.</summary>
    private async Task<IActionResult> RefusedAsync(long id, string message, CancellationToken ct)
    {
        var (page, denied) = await CaseAsync(id, ct);
        ModelState.AddModelError("", message);
        return page is null ? denied! : View("Details", page);
    }

    private async Task<(CasePage? Page, IActionResult? Denied)> CaseAsync(long id, CancellationToken ct)
    {
        var fraud = await db.FraudCases.Include(c => c.Recoveries).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (fraud is null)
        {
            return (null, NotFound());
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == fraud.VillageId, ct);
        var scope = Scope;
        if (!Access.Covers(scope, village))
        {
            return (null, Forbid());
        }
        var name = await db.TaskRows.Where(r => r.Id == fraud.TaskRowId).Select(r => r.Name).SingleAsync(ct);
        var reason = await db.SuspiciousIssues.Where(i => i.Id == fraud.IssueId).Select(i => i.Reason).SingleAsync(ct);
        return (new CasePage(fraud, name, village.Name, reason, Access.CanManageFraudCases(scope, village)), null);
    }

    /// <summary>An issue of the town office's villages; another county's is not found.</summary>
    private async Task<(SuspiciousIssue? Issue, string? Name, IActionResult? Denied)> TownIssueAsync(long id, CancellationToken ct)
    {
        var issue = await db.SuspiciousIssues.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return (null, null, NotFound());
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == issue.VillageId, ct);
        if (!Access.Covers(Scope, village))
        {
            return (null, null, Forbid());
        }
        return (issue, await db.TaskRows.Where(r => r.Id == issue.TaskRowId).Select(r => r.Name).SingleAsync(ct), null);
    }
}
