using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.SignOff;
using SocialCardAudit.UseCases.Verification;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Verification;

public sealed record MyRow(long Id, string Name, string IdNumberMasked, string? Address, string? Phone, string? Flags, Outcome? Outcome, string? Returned);

public sealed record MyGroup(string GroupName, IReadOnlyList<MyRow> Rows);

public sealed record MyList(IReadOnlyList<MyGroup> Groups, int Done, int Total, int Flagged, string Status, string? Query);

/// <param name="Locked">Why the row cannot change now (its village is signed), shown before anything is typed; null when it can.</param>
public sealed record FindingPage(TaskRow Row, Campaign Campaign, FindingForm Form, IReadOnlyList<string> Banks, VerificationRecord? Current, string? CurrentBy,
    string? Locked = null);

/// <summary>The verifier at the door: their list, and one finding per person.</summary>
[Authorize(Roles = Roles.Verifier)]
public sealed class VerificationController(AppDbContext db, RecordFinding recordFinding,
    IValidator<FindingForm> validator, CountyClock clock) : Controller
{
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("my/tasks", Name = "Verification.Index")]
    public async Task<IActionResult> Index(string? status, string? q, CancellationToken ct)
    {
        status = status is "todo" or "done" or "flagged" or "returned" ? status : "all";
        var mine = db.TaskRows.Where(Access.AssignedTo(AppClaims.ScopeOf(User)!, Me)).Where(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ClosedAtUtc == null));
        var counts = await mine.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Done = g.Count(r => db.VerificationRecords.Any(v => v.TaskRowId == r.Id)),
            Flagged = g.Count(r => db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null)),
        }).SingleOrDefaultAsync(ct);

        var query = status switch
        {
            "todo" => mine.Where(r => !db.VerificationRecords.Any(v => v.TaskRowId == r.Id)),
            "done" => mine.Where(r => db.VerificationRecords.Any(v => v.TaskRowId == r.Id)),
            "flagged" => mine.Where(r => db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null)),
            "returned" => mine.Where(r => ReturnedNow.Rows(db).Any(rr => rr.TaskRowId == r.Id)),
            _ => mine,
        };
        q = q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            // A name, or the last digits of the ID number (the masked form keeps the last four).
            var digits = q.ToUpperInvariant();
            query = digits.Length <= 4 && digits.All(c => char.IsAsciiDigit(c) || c == 'X')
                ? query.Where(r => r.IdNumberMasked.EndsWith(digits))
                : query.Where(r => r.Name.Contains(q));
        }
        var rows = await query
            .OrderBy(r => r.ResidentGroupId).ThenBy(r => r.SourceNumber).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, r.IdNumberMasked, r.Address, r.Phone, r.ImportFlags, r.ResidentGroupId,
                Outcome = db.VerificationRecords.Where(v => v.TaskRowId == r.Id).Select(v => (Outcome?)v.Outcome).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // Rows the town named when it returned the village, while the village is still returned.
        var rowIds = rows.Select(r => r.Id).ToList();
        var returned = await ReturnedNow.Rows(db).Where(rr => rowIds.Contains(rr.TaskRowId))
            .ToDictionaryAsync(r => r.TaskRowId, r => r.Reason, ct);
        var groupIds = rows.Where(r => r.ResidentGroupId != null).Select(r => r.ResidentGroupId!.Value).Distinct().ToList();
        var groupNames = await db.OrgUnits.Where(u => groupIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var groups = rows
            .GroupBy(r => r.ResidentGroupId is { } g ? groupNames.GetValueOrDefault(g, "") : "未分组")
            .Select(g => new MyGroup(g.Key, g.Select(r => new MyRow(r.Id, r.Name, r.IdNumberMasked, r.Address, r.Phone, r.ImportFlags, r.Outcome, returned.GetValueOrDefault(r.Id))).ToList()))
            .ToList();
        return View(new MyList(groups, counts?.Done ?? 0, counts?.Total ?? 0, counts?.Flagged ?? 0, status, q));
    }

    [HttpGet("rows/{id:long}/finding", Name = "Verification.Finding")]
    public async Task<IActionResult> Finding(long id, CancellationToken ct)
    {
        var (row, campaign, denied) = await MyRowAsync(id, ct);
        if (row is null)
        {
            return denied!;
        }
        var current = await db.VerificationRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskRowId == id, ct);
        var form = current is null
            ? new FindingForm { Phone = row.Phone, VisitedAt = clock.Now, Version = 0, RequestId = Guid.NewGuid() }
            : FindingForm.From(current.ToFinding(), current.Version);
        return await PageAsync(row, campaign!, form, current, ct);
    }

    [HttpPost("rows/{id:long}/finding", Name = "Verification.Finding")]
    public async Task<IActionResult> Finding(long id, FindingForm form, CancellationToken ct)
    {
        var (row, campaign, denied) = await MyRowAsync(id, ct);
        if (row is null)
        {
            return denied!;
        }
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(row, campaign!, form, await CurrentAsync(id, ct), ct);
        }
        var command = await form.ToCommandAsync(id, ct);
        var result = await recordFinding.HandleAsync(AppClaims.ActorOf(User), command, ct);
        switch (result.Outcome)
        {
            case RecordOutcome.NotFound:
                return NotFound();
            case RecordOutcome.Denied:
                return Forbid();
            case RecordOutcome.Closed:
                TempData["Message"] = result.Message;
                return RedirectToRoute("Verification.Index");
            case RecordOutcome.Refused or RecordOutcome.Locked:
                Response.StatusCode = result.Outcome == RecordOutcome.Locked ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                foreach (var e in result.Errors)
                {
                    ModelState.AddModelError(e.Field, e.Message);
                }
                if (result.Message is { } message)
                {
                    ModelState.AddModelError("", "未保存:" + message);
                }
                form.AttachmentId = result.Current?.AttachmentId;
                return await PageAsync(row, campaign!, form, result.Current, ct);
            case RecordOutcome.Stale:
                Response.StatusCode = StatusCodes.Status409Conflict;
                var by = result.Current is null ? null : await db.Users.Where(u => u.Id == result.Current.RecordedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
                var banks = await db.Banks.OrderBy(b => b.Id).Select(b => b.Name).ToListAsync(ct);
                return View("Stale", new FindingPage(row, campaign!, form, banks, result.Current, by));
            default:
                TempData["Message"] = result.Outcome == RecordOutcome.AlreadyRecorded
                    ? $"{row.Name} 的核查结果已经保存过,未重复记录。"
                    : $"已保存 {row.Name} 的核查结果:{form.Outcome!.Value.DisplayName()}。";
                return RedirectToRoute("Verification.Index", new { status = "todo" });
        }
    }

    private Task<VerificationRecord?> CurrentAsync(long id, CancellationToken ct) =>
        db.VerificationRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskRowId == id, ct);

    private async Task<IActionResult> PageAsync(TaskRow row, Campaign campaign, FindingForm form, VerificationRecord? current, CancellationToken ct)
    {
        var banks = await db.Banks.OrderBy(b => b.Id).Select(b => b.Name).ToListAsync(ct);
        var by = current is null ? null : await db.Users.Where(u => u.Id == current.RecordedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return View("Finding", new FindingPage(row, campaign, form, banks, current, by, VillageSubmission.LockReason(await StateAsync(row, ct))));
    }

    private async Task<SubmissionState?> StateAsync(TaskRow row, CancellationToken ct) =>
        await db.VillageSubmissions.Where(v => v.CampaignId == row.CampaignId && v.VillageId == row.VillageId)
            .Select(v => (SubmissionState?)v.State).SingleOrDefaultAsync(ct);

    /// <summary>A row of this verifier's, in an open campaign. Another county's row is not found; another verifier's is refused.</summary>
    private async Task<(TaskRow? Row, Campaign? Campaign, IActionResult? Denied)> MyRowAsync(long id, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return (null, null, NotFound());
        }
        if (!Access.IsAssigned(AppClaims.ScopeOf(User)!, Me, row))
        {
            return (null, null, Forbid());
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == row.CampaignId, ct);
        if (campaign.IsClosed)
        {
            TempData["Message"] = $"专项清查“{campaign.Name}”已结束,核查结果不能再修改。";
            return (null, null, RedirectToRoute("Verification.Index"));
        }
        return (row, campaign, null);
    }
}
