using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.SignOff;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.SignOff;

public sealed record OpenRow(long Id, string Name, string IdNumberMasked);

public sealed record SignOffPage(Campaign Campaign, OrgUnit Village, VillageSubmission Submission, VillageStatistics Statistics,
    IReadOnlyList<OpenRow> OpenRows, IReadOnlyDictionary<string, string> Names, bool IsClerk, bool IsTown, bool? Verified);

/// <summary>
/// The village's classified statistics on their way to the town: the clerk signs and submits, the town returns
/// or signs, and may reopen. Signing re-enters the password and stores the digest of exactly what was signed.
/// </summary>
[Authorize(Roles = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk}")]
[Route("campaigns/{id:int}/villages/{villageId:int}")]
public sealed class SignOffController(AppDbContext db, TimeProvider clock) : Controller
{
    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("signoff")]
    public async Task<IActionResult> Index(int id, int villageId, CancellationToken ct) => await PageAsync(id, villageId, verify: false, ct);

    /// <summary>Recomputes the digest from the database as it is now and compares it with the one signed.</summary>
    [HttpGet("signoff/verify")]
    public async Task<IActionResult> Verify(int id, int villageId, CancellationToken ct) => await PageAsync(id, villageId, verify: true, ct);

    [HttpPost("submit")]
    public async Task<IActionResult> Submit(int id, int villageId, string? password, Dictionary<long, string>? reasons, CancellationToken ct) =>
        await ActAsync(id, villageId, Roles.VillageClerk, signs: true, password, (submission, digest, open) =>
            submission.Submit(open, reasons ?? [], digest, Me, Now), "已签字提交,等待镇社会事业综合服务中心审核。", ct);

    [HttpPost("approve")]
    public async Task<IActionResult> Approve(int id, int villageId, string? password, CancellationToken ct) =>
        await ActAsync(id, villageId, Roles.TownOffice, signs: true, password, (submission, digest, _) =>
            submission.Approve(digest, Me, Now), "已审核签字。", ct);

    [HttpPost("return")]
    public async Task<IActionResult> Return(int id, int villageId, string? reason, CancellationToken ct) =>
        await ActAsync(id, villageId, Roles.TownOffice, signs: false, null, (submission, _, _) =>
            submission.Return(reason ?? "", Me, Now), "已退回,核查员可以修改核查结果。", ct);

    [HttpPost("reopen")]
    public async Task<IActionResult> Reopen(int id, int villageId, string? reason, CancellationToken ct) =>
        await ActAsync(id, villageId, Roles.TownOffice, signs: false, null, (submission, _, _) =>
            submission.Reopen(reason ?? "", Me, Now), "已重新打开,核查结果可以修改。", ct);

    private async Task<IActionResult> ActAsync(int id, int villageId, string role, bool signs, string? password,
        Action<VillageSubmission, string, List<long>> act, string done, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(id, villageId, ct);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var scope = Scope;
        if (scope.Role != role || (role == Roles.VillageClerk && scope.UnitId != villageId))
        {
            return Forbid();
        }
        if (signs && await this.RefusalAsync(password) is { } refusal)
        {
            TempData["Message"] = refusal;
            return Redirect($"/campaigns/{id}/villages/{villageId}/signoff");
        }
        var submission = await SubmissionAsync(campaign, village, ct);
        var (digest, _, open) = await StatisticsQueries.DigestAsync(db, id, villageId, ct);
        try
        {
            act(submission, digest, open);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = done;
        }
        catch (DomainException e)
        {
            TempData["Message"] = e.Message;
        }
        catch (DbUpdateException)
        {
            TempData["Message"] = "他人刚刚处理了本村的统计表,请查看最新状态。";
        }
        return Redirect($"/campaigns/{id}/villages/{villageId}/signoff");
    }

    private async Task<IActionResult> PageAsync(int id, int villageId, bool verify, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(id, villageId, ct);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var submission = await SubmissionAsync(campaign, village, ct);
        var (digest, statistics, open) = await StatisticsQueries.DigestAsync(db, id, villageId, ct);
        var openRows = await db.TaskRows.Where(r => open.Contains(r.Id)).OrderBy(r => r.Id)
            .Select(r => new OpenRow(r.Id, r.Name, r.IdNumberMasked)).ToListAsync(ct);
        var ids = submission.Steps.Select(s => s.ById).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        bool? verified = verify && submission.SignedDigest is { } signed ? signed == digest : null;
        var scope = Scope;
        return View("Index", new SignOffPage(campaign, village, submission, statistics, openRows, names,
            scope.Role == Roles.VillageClerk, scope.Role == Roles.TownOffice, verified));
    }

    /// <summary>The campaign and village when the user's scope covers the village; 404 outside the county or the campaign, 403 outside the scope.</summary>
    private async Task<((Campaign, OrgUnit)? Found, IActionResult? Denied)> FindAsync(int id, int villageId, CancellationToken ct)
    {
        if (await CampaignAccess.FindVillageAsync(db, id, villageId, ct) is not var (campaign, village))
        {
            return (null, NotFound());
        }
        return Scope.Covers(village.TenantId, village.Code) ? ((campaign, village), null) : (null, Forbid());
    }

    private async Task<VillageSubmission> SubmissionAsync(Campaign campaign, OrgUnit village, CancellationToken ct)
    {
        var submission = await db.VillageSubmissions.Include(v => v.Steps).SingleOrDefaultAsync(v => v.CampaignId == campaign.Id && v.VillageId == village.Id, ct);
        if (submission is null)
        {
            submission = new VillageSubmission { TenantId = village.TenantId, CampaignId = campaign.Id, VillageId = village.Id };
            db.VillageSubmissions.Add(submission);
        }
        return submission;
    }
}
