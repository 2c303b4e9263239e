using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.SignOff;
using SocialCardAudit.UseCases.Verification;
using SocialCardAudit.Web.Features.Verification;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Offline;

/// <summary>One row of the verifier's list as the phone keeps it: masked numbers only, never the full ones.</summary>
public sealed record OfflineRow(long Id, int Campaign, string Group, string Name, string IdMasked, string? CardMasked, string? Address, string? Phone,
    string? Flags, string? Returned, string? Locked, int Version, IReadOnlyDictionary<string, string?>? Finding, string? RecordedBy, string? RecordedAt);

public sealed record OfflineCampaign(int Id, string Name, DateOnly Start);

/// <param name="OffsetMinutes">The county's offset from UTC now: the phone fills in the visit time in county time, wherever its own clock is set.</param>
public sealed record OfflineList(string User, string UserName, string Token, string At, int OffsetMinutes, IReadOnlyList<OfflineCampaign> Campaigns, IReadOnlyList<OfflineRow> Rows);

/// <summary>How the server answered one finding sent from the phone, with what the verifier is to do about it.</summary>
public sealed record SyncAnswer(string Outcome, string? Message = null, IReadOnlyList<FindingError>? Errors = null, int? Version = null,
    IReadOnlyDictionary<string, string?>? Current = null, string? CurrentBy = null, string? CurrentAt = null);

/// <summary>
/// The verifier's day without a network: the app shell (cached on the phone by its service worker), the list to take
/// along, and the sync of each finding recorded offline, through the same use case as the web form.
/// </summary>
[Authorize(Roles = Roles.Verifier)]
public sealed class OfflineController(AppDbContext db, RecordFinding recordFinding, IValidator<FindingForm> validator, IAntiforgery antiforgery, CountyClock clock) : Controller
{
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("offline", Name = "Offline.Index")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new FindingFields(new FindingForm(), await db.Banks.OrderBy(b => b.Id).Select(b => b.Name).ToListAsync(ct)));

    /// <summary>Everything the phone needs for the day, as of now; also a fresh form token for the sync that follows.</summary>
    [HttpGet("offline/list", Name = "Offline.List")]
    public async Task<IActionResult> List(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var mine = db.TaskRows.Where(Access.AssignedTo(AppClaims.ScopeOf(User)!, Me))
            .Where(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ClosedAtUtc == null));
        var rows = await mine
            .OrderBy(r => r.CampaignId).ThenBy(r => r.ResidentGroupId).ThenBy(r => r.SourceNumber).ThenBy(r => r.Id)
            .Select(r => new { Row = r, Record = db.VerificationRecords.FirstOrDefault(v => v.TaskRowId == r.Id) })
            .AsNoTracking().ToListAsync(ct);
        var campaignIds = rows.Select(r => r.Row.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.Where(c => campaignIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new OfflineCampaign(c.Id, c.Name, c.StartDate)).ToListAsync(ct);
        var states = await db.VillageSubmissions.Where(v => campaignIds.Contains(v.CampaignId))
            .ToDictionaryAsync(v => (v.CampaignId, v.VillageId), v => v.State, ct);
        var rowIds = rows.Select(r => r.Row.Id).ToList();
        var returned = await ReturnedNow.Rows(db).Where(rr => rowIds.Contains(rr.TaskRowId)).ToDictionaryAsync(r => r.TaskRowId, r => r.Reason, ct);
        var groupIds = rows.Where(r => r.Row.ResidentGroupId != null).Select(r => r.Row.ResidentGroupId!.Value).Distinct().ToList();
        var groups = await db.OrgUnits.Where(u => groupIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var names = await NamesAsync(rows.Where(r => r.Record is not null).Select(r => r.Record!.RecordedById), ct);

        var list = rows.Select(x =>
        {
            var (r, v) = (x.Row, x.Record);
            var state = states.TryGetValue((r.CampaignId, r.VillageId), out var s) ? s : (SubmissionState?)null;
            return new OfflineRow(r.Id, r.CampaignId, r.ResidentGroupId is { } g ? groups.GetValueOrDefault(g, "") : "未分组", r.Name,
                r.IdNumberMasked, r.BankCardMasked, r.Address, r.Phone, r.ImportFlags, returned.GetValueOrDefault(r.Id),
                VillageSubmission.LockReason(state), v?.Version ?? 0, v is null ? null : FindingForm.From(v.ToFinding(), v.Version).Values(),
                v is null ? null : names.GetValueOrDefault(v.RecordedById), v is null ? null : clock.Minute(v.RecordedAtUtc));
        }).ToList();
        var token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken!;
        var offset = (int)clock.Zone.GetUtcOffset(clock.UtcNow).TotalMinutes;
        return Json(new OfflineList(Me, AppClaims.NameOf(User), token, clock.Minute(clock.UtcNow), offset, campaigns, list));
    }

    /// <summary>
    /// One finding recorded on the phone, sent with its request id and the version it was based on: the same use case
    /// as the web form decides, and the answer says what happened in words the verifier can act on.
    /// </summary>
    [HttpPost("rows/{id:long}/finding/sync", Name = "Offline.Sync")]
    [RequestSizeLimit(2 * FindingAttachment.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Sync(long id, FindingForm form, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var check = await validator.ValidateAsync(form, ct);
        if (!check.IsValid)
        {
            return Answer(StatusCodes.Status422UnprocessableEntity, new SyncAnswer("refused", "记录不完整,请在本机重新打开这一户并保存。",
                check.Errors.Select(e => new FindingError(e.PropertyName, e.ErrorMessage)).ToList()));
        }
        var result = await recordFinding.HandleAsync(AppClaims.ActorOf(User), await form.ToCommandAsync(id, ct), ct);
        var current = result.Current;
        return result.Outcome switch
        {
            RecordOutcome.Saved or RecordOutcome.AlreadyRecorded =>
                Answer(StatusCodes.Status200OK, new SyncAnswer(result.Outcome == RecordOutcome.Saved ? "saved" : "already", Version: current?.Version)),
            RecordOutcome.Refused => Answer(StatusCodes.Status422UnprocessableEntity,
                new SyncAnswer("refused", "未保存:不符合明细表填写要求。请打开这一户,按提示修改后再同步。", result.Errors)),
            RecordOutcome.Stale => Answer(StatusCodes.Status409Conflict, new SyncAnswer("stale",
                "未保存:这一户在您下载清单之后已由他人更新。请对照两个版本,选择保留哪一个。",
                Version: current?.Version, Current: current is null ? null : FindingForm.From(current.ToFinding(), current.Version).Values(),
                CurrentBy: current is null ? null : (await NamesAsync([current.RecordedById], ct)).GetValueOrDefault(current.RecordedById), CurrentAt: current is null ? null : clock.Minute(current.RecordedAtUtc))),
            RecordOutcome.Locked => Answer(StatusCodes.Status409Conflict, new SyncAnswer("locked",
                $"未保存:{result.Message} 本机记录已保留;请告知村级清查责任人,待镇退回或重新打开后再同步。")),
            RecordOutcome.Closed => Answer(StatusCodes.Status409Conflict, new SyncAnswer("closed", $"未保存:{result.Message}")),
            RecordOutcome.Denied => Answer(StatusCodes.Status403Forbidden, new SyncAnswer("denied",
                "未保存:这一户已不再分配给您(已改派他人或您已调离该村)。请把这条记录交给村级清查责任人。")),
            _ => Answer(StatusCodes.Status404NotFound, new SyncAnswer("notfound", "未保存:系统中没有这一户(可能已被删除)。请把这条记录交给村级清查责任人。")),
        };
    }

    private JsonResult Answer(int status, SyncAnswer answer) => new(answer) { StatusCode = status };

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }
}
