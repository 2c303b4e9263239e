using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Issues;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Issues;

public sealed record IssueLine(long Id, long RowId, string PersonName, string Village, string Reason, string? Details, DateTime RaisedAtUtc, bool IsOpen, IssueSource Source);

public sealed record IssueQueue(IReadOnlyList<IssueLine> Issues, string Status, int Open, int Closed);

public sealed record IssuePage(SuspiciousIssue Issue, TaskRow Row, OrgUnit Village, IReadOnlyDictionary<string, string> Names, bool CanComment, bool CanClose, long? FraudCaseId);

public sealed class RaiseForm
{
    public string? Reason { get; set; }
    public string? Details { get; set; }
}

/// <summary>Suspicious issues (疑点问题): raised at the door or by the import; the town centre answers and closes them.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class IssuesController(AppDbContext db, CountyClock clock) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => clock.UtcNow;

    [HttpGet("issues", Name = "Issues.Index")]
    public async Task<IActionResult> Index(string? status, CancellationToken ct)
    {
        status = status == "closed" ? "closed" : "open";
        var visible = Access.Issues(db, Scope, Me);
        var open = await visible.CountAsync(i => i.ClosedAtUtc == null, ct);
        var closed = await visible.CountAsync(i => i.ClosedAtUtc != null, ct);
        var lines = await (status == "open" ? visible.Where(i => i.ClosedAtUtc == null) : visible.Where(i => i.ClosedAtUtc != null))
            .OrderByDescending(i => i.Id).Take(500)
            .Join(db.TaskRows, i => i.TaskRowId, r => r.Id, (i, r) => new { i, r.Name })
            .Join(db.OrgUnits, x => x.i.VillageId, u => u.Id, (x, u) => new IssueLine(
                x.i.Id, x.i.TaskRowId, x.Name, u.Name, x.i.Reason, x.i.Details, x.i.RaisedAtUtc, x.i.ClosedAtUtc == null, x.i.Source))
            .ToListAsync(ct);
        return View(new IssueQueue(lines, status, open, closed));
    }

    [HttpGet("rows/{id:long}/issues/new", Name = "Issues.Raise")]
    public async Task<IActionResult> Raise(long id, CancellationToken ct)
    {
        var (row, denied) = await RaisableRowAsync(id, ct);
        return row is null ? denied! : View(new RaisePage(row, new RaiseForm()));
    }

    [HttpPost("rows/{id:long}/issues", Name = "Issues.Raise.Post")]
    public async Task<IActionResult> Raise(long id, RaiseForm form, [FromServices] RaiseIssue raise, CancellationToken ct)
    {
        var (result, issue) = await raise.HandleAsync(AppClaims.ActorOf(User), id, form.Reason, form.Details, ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Issues.Details", new { id = issue?.Id })!, async refusal =>
        {
            ModelState.AddModelError("", refusal);
            return View(new RaisePage(await db.TaskRows.AsNoTracking().SingleAsync(r => r.Id == id, ct), form));
        });
    }

    [HttpGet("issues/{id:long}", Name = "Issues.Details")]
    public async Task<IActionResult> Details(long id, CancellationToken ct)
    {
        var (page, denied) = await PageAsync(id, ct);
        return page is null ? denied! : View(page);
    }

    [HttpPost("issues/{id:long}/comments", Name = "Issues.Comment")]
    public async Task<IActionResult> Comment(long id, string? text, [FromServices] CommentOnIssue comment, CancellationToken ct) =>
        await this.AnswerAsync(await comment.HandleAsync(Actor, id, text, ct), Url.RouteUrl("Issues.Details", new { id })!, message => RefusedAsync(id, message, ct));

    [HttpPost("issues/{id:long}/close", Name = "Issues.Close")]
    public async Task<IActionResult> Close(long id, string? resolution, [FromServices] CloseIssue close, CancellationToken ct) =>
        await this.AnswerAsync(await close.HandleAsync(Actor, id, resolution, ct), Url.RouteUrl("Issues.Details", new { id })!, message => RefusedAsync(id, message, ct));

    private Actor Actor => AppClaims.ActorOf(User);

    /// <summary>The issue again, with why the change was refused.</summary>
    private async Task<IActionResult> RefusedAsync(long id, string message, CancellationToken ct)
    {
        var (page, denied) = await PageAsync(id, ct);
        ModelState.AddModelError("", message);
        return page is null ? denied! : View("Details", page);
    }

    /// <summary>The issues of the user's part: county all, town its villages, clerk the village, verifier the rows given to them.</summary>
    private async Task<(IssuePage? Page, IActionResult? Denied)> PageAsync(long id, CancellationToken ct)
    {
        var issue = await db.SuspiciousIssues.Include(i => i.Comments).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null)
        {
            return (null, NotFound());
        }
        var row = await db.TaskRows.SingleAsync(r => r.Id == issue.TaskRowId, ct);
        var village = await db.OrgUnits.SingleAsync(u => u.Id == issue.VillageId, ct);
        var scope = Scope;
        if (!Access.CanViewRow(scope, Me, row, village))
        {
            return (null, Forbid());
        }
        var ids = issue.Comments.Select(c => c.ById).Append(issue.RaisedById).Append(issue.ClosedById ?? "").Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var canComment = Access.CanCommentOnIssue(scope, Me, issue, row, village);
        var canClose = Access.CanCloseIssue(scope, issue, village);
        var fraudCase = await db.FraudCases.Where(c => c.IssueId == id).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        return (new IssuePage(issue, row, village, names, canComment, canClose, fraudCase), null);
    }

    /// <summary>The assigned verifier and the village's clerk raise issues about a row.</summary>
    private async Task<(TaskRow? Row, IActionResult? Denied)> RaisableRowAsync(long id, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return (null, NotFound());
        }
        return Access.CanRaiseIssue(Scope, Me, row) ? (row, null) : (null, Forbid());
    }
}

public sealed record RaisePage(TaskRow Row, RaiseForm Form);
