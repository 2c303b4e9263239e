using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Tasks;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Assignment;

public sealed record RowLine(long Id, int? SourceNumber, string Name, string IdNumberMasked, string? BankCardMasked, string? Address,
    string? GroupName, string? VerifierName, string? Flags);

public sealed record ProgressLine(string Name, int Rows, int Done, int OpenIssues);

public sealed record VillageRows(Campaign Campaign, OrgUnit Village, IReadOnlyList<RowLine> Rows, IReadOnlyList<OrgUnit> Groups,
    IReadOnlyList<(string Id, string Name, int Count)> Verifiers, int? GroupId, int Page, int Total, bool CanAssign,
    IReadOnlyList<ProgressLine> ByVerifier, IReadOnlyList<ProgressLine> ByGroup);

public sealed record AssignmentLine(DateTime AtUtc, string? From, string? To, string By);

/// <param name="Place">Where the phone was, shown to those who see the row: its village, town and county, never another village.</param>
public sealed record FindingLine(int Version, DateTime AtUtc, string By, string Changes, Finding Finding, VisitPlace? Place);

public sealed record RowDetails(TaskRow Row, Campaign Campaign, OrgUnit Village, string? GroupName, string? VerifierName,
    IReadOnlyList<AssignmentLine> History, bool CanReveal, string? FullIdNumber, string? FullBankCard, IReadOnlyList<FindingLine> Findings);

public sealed class AssignForm
{
    public string? VerifierId { get; set; }
    public List<long> RowIds { get; set; } = [];
    public int? GroupId { get; set; }
}

/// <summary>A village's task rows: the clerk assigns them to verifiers; town and county look on.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class AssignmentController(AppDbContext db, PersonalDataProtector protector, SecurityEvents events) : Controller
{
    private const int PageSize = 100;

    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/rows", Name = "Assignment.Rows")]
    public async Task<IActionResult> Rows(int id, int villageId, int? group, int page = 1, CancellationToken ct = default)
    {
        var (campaign, village, denied) = await VillageAsync(id, villageId, ct);
        if (campaign is null)
        {
            return denied!;
        }
        return View(await LoadAsync(campaign, village!, group, Math.Max(1, page), ct));
    }

    [HttpPost("campaigns/{id:int}/villages/{villageId:int}/assign", Name = "Assignment.Assign")]
    public async Task<IActionResult> Assign(int id, int villageId, AssignForm form, [FromServices] AssignRows assign, CancellationToken ct)
    {
        var result = await assign.HandleAsync(AppClaims.ActorOf(User), new(id, villageId, form.VerifierId, form.RowIds, form.GroupId), ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Assignment.Rows", new { id, villageId, group = form.GroupId })!);
    }

    [HttpGet("rows/{id:long}", Name = "Assignment.Row")]
    public async Task<IActionResult> Row(long id, CancellationToken ct) => await RowView(id, reveal: false, ct);

    /// <summary>Shows the full ID and bank card number once, and records who looked.</summary>
    [HttpPost("rows/{id:long}/reveal", Name = "Assignment.Reveal")]
    public async Task<IActionResult> Reveal(long id, CancellationToken ct) => await RowView(id, reveal: true, ct);

    private async Task<IActionResult> RowView(long id, bool reveal, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return NotFound();
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == row.VillageId, ct);
        if (!Access.CanViewRow(Scope, UserId, row, village) || (reveal && !Access.CanReveal(Scope, UserId, row, village)))
        {
            return Forbid();
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == row.CampaignId, ct);
        var group = row.ResidentGroupId is { } g ? await db.OrgUnits.Where(u => u.Id == g).Select(u => u.Name).SingleAsync(ct) : null;
        var assignments = await db.TaskAssignments.Where(a => a.TaskRowId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var versions = await db.VerificationVersions.Where(v => v.TaskRowId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        // Everyone the history names, whatever unit they are in now (a town officer, a verifier since moved).
        var ids = assignments.SelectMany(a => new[] { a.FromVerifierId, a.ToVerifierId, a.ByUserId }).Concat(versions.Select(v => v.ChangedById))
            .Append(row.VerifierId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var history = assignments
            .Select(a => new AssignmentLine(a.AtUtc, Name(names, a.FromVerifierId), Name(names, a.ToVerifierId), Name(names, a.ByUserId) ?? "")).ToList();
        var findings = versions
            .Select(v => new FindingLine(v.Version, v.ChangedAtUtc, Name(names, v.ChangedById) ?? "", v.Changes, v.Finding, v.Place)).ToList();
        string? fullId = null, fullCard = null;
        if (reveal)
        {
            fullId = protector.Unprotect(row.IdNumberCipher, Purposes.IdNumber);
            fullCard = row.BankCardCipher is null ? null : protector.Unprotect(row.BankCardCipher, Purposes.BankCard);
            await events.RecordAsync(SecurityEventKind.PersonalDataViewed, User, $"任务行 {id}({row.Name})的完整身份证号码和银行卡号");
            Response.Headers.CacheControl = "no-store";
        }
        return View("Row", new RowDetails(row, campaign, village, group, Name(names, row.VerifierId), history,
            Access.CanReveal(Scope, UserId, row, village), fullId, fullCard, findings));
    }

    /// <summary>The photo of the signed sheet or the drawn signature: personal data, for those who may see the numbers in full.</summary>
    [HttpGet("rows/{id:long}/attachments/{attachmentId:guid}", Name = "Assignment.Attachment")]
    public async Task<IActionResult> Attachment(long id, Guid attachmentId, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        var attachment = await db.FindingAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TaskRowId == id, ct);
        if (row is null || attachment is null)
        {
            return NotFound();
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == row.VillageId, ct);
        if (!Access.CanReveal(Scope, UserId, row, village))
        {
            return Forbid();
        }
        await events.RecordAsync(SecurityEventKind.PersonalDataViewed, User, $"任务行 {id}({row.Name})的{FindingAttachment.DisplayName(attachment.Kind)}");
        Response.Headers.CacheControl = "no-store";
        return File(protector.UnprotectBytes(attachment.Cipher, Purposes.Attachment), attachment.ContentType);
    }

    private static string? Name(Dictionary<string, string> names, string? id) => id is null ? null : PersonNames.Of(names, id);

    /// <summary>The campaign and village when the user may see the village's rows; else 404 (not in the county or not in the campaign) or 403.</summary>
    private async Task<(Campaign? Campaign, OrgUnit? Village, IActionResult? Denied)> VillageAsync(int id, int villageId, CancellationToken ct)
    {
        if (await CampaignLookup.FindVillageAsync(db, id, villageId, ct) is not var (campaign, village))
        {
            return (null, null, NotFound());
        }
        var scope = Scope;
        var allowed = scope.Role is Roles.CountySupervisor or Roles.TownOffice or Roles.VillageClerk && Access.Covers(scope, village);
        return allowed ? (campaign, village, null) : (null, null, Forbid());
    }

    private async Task<VillageRows> LoadAsync(Campaign campaign, OrgUnit village, int? groupId, int page, CancellationToken ct)
    {
        var groups = await db.OrgUnits.Where(u => u.ParentId == village.Id).OrderBy(u => u.Code).ToListAsync(ct);
        var verifiers = await (from u in db.Users
                               where u.OrgUnitId == village.Id && !u.IsDisabled
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.Verifier
                               orderby u.FullName
                               select new { u.Id, u.FullName, Count = db.TaskRows.Count(t => t.CampaignId == campaign.Id && t.VerifierId == u.Id) })
            .ToListAsync(ct);
        var query = db.TaskRows.Where(r => r.CampaignId == campaign.Id && r.VillageId == village.Id);
        if (groupId is { } g)
        {
            query = query.Where(r => r.ResidentGroupId == g);
        }
        var total = await query.CountAsync(ct);
        var groupNames = groups.ToDictionary(x => x.Id, x => x.Name);
        var verifierNames = verifiers.ToDictionary(v => v.Id, v => v.FullName);
        var rows = (await query.OrderBy(r => r.ResidentGroupId).ThenBy(r => r.SourceNumber).ThenBy(r => r.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(r => new { r.Id, r.SourceNumber, r.Name, r.IdNumberMasked, r.BankCardMasked, r.Address, r.ResidentGroupId, r.VerifierId, r.ImportFlags })
                .ToListAsync(ct))
            .Select(r => new RowLine(r.Id, r.SourceNumber, r.Name, r.IdNumberMasked, r.BankCardMasked, r.Address,
                r.ResidentGroupId is { } gid ? groupNames.GetValueOrDefault(gid) : null,
                r.VerifierId is { } vid ? verifierNames.GetValueOrDefault(vid, "(已不在本村)") : null, r.ImportFlags))
            .ToList();
        // Progress of the whole village, whatever page is shown: per verifier and per resident group.
        var progress = await db.TaskRows.Where(r => r.CampaignId == campaign.Id && r.VillageId == village.Id)
            .GroupBy(r => new { r.VerifierId, r.ResidentGroupId })
            .Select(g => new
            {
                g.Key.VerifierId, g.Key.ResidentGroupId, Rows = g.Count(),
                Done = g.Count(r => db.VerificationRecords.Any(v => v.TaskRowId == r.Id)),
                Open = g.Count(r => db.SuspiciousIssues.Any(i => i.TaskRowId == r.Id && i.ClosedAtUtc == null)),
            })
            .ToListAsync(ct);
        var byVerifier = progress.GroupBy(p => p.VerifierId)
            .Select(g => new ProgressLine(g.Key is null ? "未分配" : verifierNames.GetValueOrDefault(g.Key, "(已不在本村)"), g.Sum(x => x.Rows), g.Sum(x => x.Done), g.Sum(x => x.Open)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var byGroup = progress.GroupBy(p => p.ResidentGroupId)
            .Select(g => new ProgressLine(g.Key is { } gid ? groupNames.GetValueOrDefault(gid, "") : "未分组", g.Sum(x => x.Rows), g.Sum(x => x.Done), g.Sum(x => x.Open)))
            .ToList();
        return new VillageRows(campaign, village, rows, groups, verifiers.Select(v => (v.Id, v.FullName, v.Count)).ToList(),
            groupId, page, total, Access.CanAssign(Scope, village), byVerifier, byGroup);
    }
}
