using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.SignOff;
using SocialCardAudit.UseCases.Statistics;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.SignOff;

public sealed record OpenRow(long Id, string Name, string IdNumberMasked);

/// <summary>A person of the village as the town sees it when returning: the outcome, and the reason if named in the last return.</summary>
public sealed record ReviewRow(long Id, string Name, string IdNumberMasked, Domain.Verification.Outcome? Outcome, string? Reason);

/// <summary>A change made to the village since its last signature: a finding saved again, or a person added by an import.</summary>
public sealed record ChangeLine(long RowId, string Name, string IdNumberMasked, string What, string ById, DateTime AtUtc);

/// <param name="Since">The last signature before the one under review (or, while open again, the last one); null when there is none.</param>
public sealed record SignOffPage(Campaign Campaign, OrgUnit Village, VillageSubmission Submission, VillageStatistics Statistics,
    IReadOnlyList<OpenRow> OpenRows, IReadOnlyList<ReviewRow> Rows, IReadOnlyDictionary<string, string> Names, bool IsClerk, bool IsTown, bool? Verified,
    DateTime? Since = null, IReadOnlyList<ChangeLine>? Changes = null);

/// <summary>
/// The village's classified statistics on their way to the town: the clerk signs and submits, the town returns
/// or signs, and may reopen. Signing re-enters the password and stores the digest of exactly what was signed.
/// </summary>
[Authorize(Roles = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk}")]
[Route("campaigns/{id:int}/villages/{villageId:int}")]
public sealed class SignOffController(AppDbContext db, SecurityEvents events) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("signoff", Name = "SignOff.Index")]
    public async Task<IActionResult> Index(int id, int villageId, CancellationToken ct) => await PageAsync(id, villageId, verify: false, ct);

    /// <summary>Recomputes the digest from the database as it is now and compares it with the one signed.</summary>
    [HttpGet("signoff/verify", Name = "SignOff.Verify")]
    public async Task<IActionResult> Verify(int id, int villageId, CancellationToken ct) => await PageAsync(id, villageId, verify: true, ct);

    [HttpPost("submit", Name = "SignOff.Submit")]
    public async Task<IActionResult> Submit(int id, int villageId, string? password, Dictionary<long, string>? reasons, string? reasonForRest,
        [FromServices] SubmitVillage submit, CancellationToken ct) =>
        await this.AnswerAsync(await submit.HandleAsync(Actor, new(id, villageId, reasons, reasonForRest, this.DigestAlgorithm()),
            () => this.RefusalAsync(password), ct), Url.RouteUrl("SignOff.Index", new { id, villageId })!, onDone: () => SignedAsync(id, villageId));

    [HttpPost("approve", Name = "SignOff.Approve")]
    public async Task<IActionResult> Approve(int id, int villageId, string? password, [FromServices] ApproveVillage approve, CancellationToken ct) =>
        await this.AnswerAsync(await approve.HandleAsync(Actor, new(id, villageId, this.DigestAlgorithm()), () => this.RefusalAsync(password), ct), Url.RouteUrl("SignOff.Index", new { id, villageId })!, onDone: () => SignedAsync(id, villageId));

    [HttpPost("return", Name = "SignOff.Return")]
    public async Task<IActionResult> Return(int id, int villageId, string? reason, Dictionary<long, string>? rows, List<long>? selected, string? selectionReason,
        [FromServices] ReturnVillage returnVillage, CancellationToken ct) =>
        await this.AnswerAsync(await returnVillage.HandleAsync(Actor, new(id, villageId, reason, rows, selected, selectionReason), ct), Url.RouteUrl("SignOff.Index", new { id, villageId })!, onDone: () => SignedAsync(id, villageId));

    [HttpPost("reopen", Name = "SignOff.Reopen")]
    public async Task<IActionResult> Reopen(int id, int villageId, string? reason, [FromServices] ReopenVillage reopen, CancellationToken ct) =>
        await this.AnswerAsync(await reopen.HandleAsync(Actor, new(id, villageId, reason), ct), Url.RouteUrl("SignOff.Index", new { id, villageId })!, onDone: () => SignedAsync(id, villageId));

    private Actor Actor => AppClaims.ActorOf(User);

    /// <summary>A signature, return or reopening goes into the security record.</summary>
    private async Task SignedAsync(int id, int villageId)
    {
        var village = await db.OrgUnits.Where(u => u.Id == villageId).Select(u => u.Name).SingleAsync();
        var state = await db.VillageSubmissions.Where(v => v.CampaignId == id && v.VillageId == villageId).Select(v => v.State).SingleAsync();
        await events.RecordAsync(Data.Security.SecurityEventKind.SignedOff, User, $"{village}:{VillageSubmission.DisplayName(state)}");
    }

    private async Task<IActionResult> PageAsync(int id, int villageId, bool verify, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var submission = await VillageSubmissions.LoadAsync(db, campaign, village, ct);
        // Recomputed the way the signed digest was made, whatever the installation signs with now.
        var algorithm = submission.SignedDigest is { } stored ? SignedContent.AlgorithmOf(stored) : this.DigestAlgorithm();
        var reasons = submission.State is SubmissionState.Submitted or SubmissionState.Approved ? submission.OpenReasons : null;
        var (digest, statistics, open) = await StatisticsQueries.DigestAsync(db, id, villageId, ct, algorithm, reasons);
        var openRows = await db.TaskRows.Where(r => open.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new OpenRow(r.Id, r.Name, r.IdNumberMasked)).ToListAsync(ct);
        // The town reviewing a submission may name persons; while returned, everyone sees who was named and why.
        var scope = Scope;
        var returned = submission.ReturnedRows.ToDictionary(r => r.TaskRowId, r => r.Reason);
        var listRows = (scope.Role == Roles.TownOffice && submission.State == SubmissionState.Submitted) || returned.Count > 0;
        var rows = !listRows ? [] : await db.TaskRows
            .Where(r => r.CampaignId == id && r.VillageId == villageId)
            .OrderBy(r => r.SourceNumber).ThenBy(r => r.Id)
            .Select(r => new ReviewRow(r.Id, r.Name, r.IdNumberMasked,
                db.VerificationRecords.Where(v => v.TaskRowId == r.Id).Select(v => (Domain.Verification.Outcome?)v.Outcome).FirstOrDefault(), null))
            .ToListAsync(ct);
        rows = [.. rows.Select(r => r with { Reason = returned.GetValueOrDefault(r.Id) })
            .Where(r => submission.State == SubmissionState.Submitted || r.Reason is not null)];
        var since = LastSignatureBefore(submission);
        var changes = since is { } t ? await ChangesSinceAsync(id, villageId, t, ct) : [];
        var ids = submission.Steps.Select(s => s.ById).Concat(changes.Select(c => c.ById)).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        bool? verified = verify && submission.SignedDigest is { } signed ? signed == digest : null;
        return View("Index", new SignOffPage(campaign, village, submission, statistics, openRows, rows, names,
            scope.Role == Roles.VillageClerk, scope.Role == Roles.TownOffice, verified, since, changes));
    }

    /// <summary>
    /// The signature a reviewer compares with: under review, the one before the clerk's new signature (the first
    /// submission's, or the town's before a reopen); while open again, the last one. None before the first signature.
    /// </summary>
    private static DateTime? LastSignatureBefore(VillageSubmission submission)
    {
        var signed = submission.Steps.Where(s => s.Digest is not null).OrderBy(s => s.AtUtc).Select(s => s.AtUtc).ToList();
        return submission.State switch
        {
            SubmissionState.Submitted => signed.Count >= 2 ? signed[^2] : null,
            SubmissionState.InProgress or SubmissionState.Returned => signed.Count >= 1 ? signed[^1] : null,
            _ => null,
        };
    }

    /// <summary>Findings saved and people imported since an instant, newest first (at most 1,000 lines).</summary>
    private async Task<List<ChangeLine>> ChangesSinceAsync(int id, int villageId, DateTime sinceUtc, CancellationToken ct)
    {
        var rows = db.TaskRows.Where(r => r.CampaignId == id && r.VillageId == villageId);
        var findings = await (from v in db.VerificationVersions
                              join r in rows on v.TaskRowId equals r.Id
                              where v.ChangedAtUtc > sinceUtc
                              orderby v.ChangedAtUtc descending
                              select new ChangeLine(r.Id, r.Name, r.IdNumberMasked, v.Changes, v.ChangedById, v.ChangedAtUtc))
            .Take(1000).ToListAsync(ct);
        var added = await (from r in rows
                           join i in db.TaskImports on r.ImportId equals i.Id
                           where i.FinishedAtUtc > sinceUtc
                           select new ChangeLine(r.Id, r.Name, r.IdNumberMasked, "导入新增:" + i.FileName, i.UserId, i.FinishedAtUtc!.Value))
            .Take(1000).ToListAsync(ct);
        return [.. findings.Concat(added).OrderByDescending(c => c.AtUtc).Take(1000)];
    }
}
