using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Documents;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Data.SignOff;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Statistics;

/// <summary>A person of 附件3; the numbers are masked unless the document is for a role that needs them in full.</summary>
public sealed record SummaryPerson(int Number, string Name, string IdNumber, string? BankCard, string? Address, string? Phone);

public sealed record SummaryPage(Campaign Campaign, OrgUnit Village, IReadOnlyList<(Domain.Verification.Outcome Outcome, IReadOnlyList<SummaryPerson> People)> Categories);

public sealed record StatisticsLine(int VillageId, string Village, VillageStatistics Statistics, SubmissionState State);

public sealed record StatisticsPage(Campaign Campaign, OrgUnit Town, IReadOnlyList<StatisticsLine> Villages, VillageStatistics? Total,
    TownSignature? Signature, string? SignedBy);

/// <summary>One town's campaign in the county overview: its total, how many villages the town has signed off, its own signature.</summary>
public sealed record TownLine(int CampaignId, string Town, string Campaign, bool Closed, int Villages, int Approved, VillageStatistics Statistics, bool TownSigned);

public sealed record OverviewPage(IReadOnlyList<TownLine> Towns, VillageStatistics Total);

/// <summary>The classified statistics (附件4) of a campaign: one line per village and the town total, computed from the findings.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class StatisticsController(AppDbContext db, PersonalDataProtector protector, SecurityEvents events, TimeProvider clock) : Controller
{
    private const string Format = "{format:regex(^(xlsx|pdf)$)}";

    /// <summary>The town signs its total, with its password, once every village of the campaign is 镇已审核.</summary>
    [HttpPost("campaigns/{id:int}/statistics/sign")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Sign(int id, string? password, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        if (await this.RefusalAsync(password) is { } refusal)
        {
            TempData["Message"] = refusal;
            return Redirect($"/campaigns/{id}/statistics");
        }
        var villageIds = campaign.Villages.Select(v => v.VillageId).ToList();
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var submissions = await db.VillageSubmissions.Include(v => v.Steps).Where(v => v.CampaignId == id).ToDictionaryAsync(v => v.VillageId, ct);
        var rows = await StatisticsQueries.RowStatesAsync(db, id, villageIds, ct);
        var total = VillageStatistics.Sum(villageIds.Select(v => VillageStatistics.Compute(rows[v])));
        try
        {
            var villages = villageIds.ToDictionary(v => names[v], v => submissions.TryGetValue(v, out var s) ? (s.State, s.SignedDigest) : (SubmissionState.InProgress, (string?)null));
            db.TownSignatures.Add(TownSignature.Sign(campaign.TenantId, id, villages, total,
                User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            TempData["Message"] = "已签署全镇汇总。";
        }
        catch (Domain.DomainException e)
        {
            TempData["Message"] = e.Message;
        }
        return Redirect($"/campaigns/{id}/statistics");
    }

    /// <summary>The classified summary (附件3) of a village: the persons of each of the four categories, numbers masked.</summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/summary")]
    public async Task<IActionResult> Summary(int id, int villageId, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier); // 附件3 and 附件4 are for county, town and clerk
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        return View("Summary", new SummaryPage(campaign, village, await CategoriesAsync(id, villageId, full: false, ct)));
    }

    /// <summary>
    /// 附件3 as a file. The town and the village clerk, who work with the persons, get the full numbers; the county
    /// supervises with masked ones. Every export is logged, saying which.
    /// </summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/summary." + Format)]
    public async Task<IActionResult> SummaryDocument(int id, int villageId, string format, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var full = AppClaims.ScopeOf(User)!.Role is Roles.TownOffice or Roles.VillageClerk;
        var town = await db.OrgUnits.Where(u => u.Id == campaign.TownId).Select(u => u.Name).SingleAsync(ct);
        var form = new SummaryForm(town, village.Name, await CategoriesAsync(id, villageId, full, ct), full, clock.GetUtcNow().UtcDateTime);
        await events.RecordAsync(SecurityEventKind.PersonalDataExported, User,
            $"{village.Name}核查情况分类汇总表({format},{(full ? "完整号码" : "号码部分显示")})");
        Response.Headers.CacheControl = "no-store";
        return this.Document(format, () => StatisticsDocuments.SummaryXlsx(form), () => StatisticsDocuments.SummaryPdf(form), $"{village.Name}-核查情况分类汇总表");
    }

    /// <summary>附件4 of one village as a file: the counts as they are now, the signatures in force and their digest.</summary>
    [HttpGet("campaigns/{id:int}/villages/{villageId:int}/statistics." + Format)]
    public async Task<IActionResult> VillageDocument(int id, int villageId, string format, CancellationToken ct)
    {
        var (found, denied) = await this.AuthorizeVillageAsync(db, id, villageId, ct, excludedRole: Roles.Verifier);
        if (found is not var (campaign, village))
        {
            return denied!;
        }
        var town = await db.OrgUnits.Where(u => u.Id == campaign.TownId).Select(u => u.Name).SingleAsync(ct);
        var submission = await db.VillageSubmissions.AsNoTracking().Include(v => v.Steps)
            .SingleOrDefaultAsync(v => v.CampaignId == id && v.VillageId == villageId, ct) ?? new VillageSubmission { CampaignId = id, VillageId = villageId };
        var (_, statistics, _) = await StatisticsQueries.DigestAsync(db, id, villageId, ct);
        // The signatures in force: the clerk's last submission while submitted or approved, and the town's approval.
        var steps = new List<(string Role, SubmissionStep Step)>();
        if (submission.State is SubmissionState.Submitted or SubmissionState.Approved)
        {
            steps.Add(("统计人", submission.Steps.Last(s => s.To == SubmissionState.Submitted)));
        }
        if (submission.State == SubmissionState.Approved)
        {
            steps.Add(("审核人", submission.Steps.Last(s => s.To == SubmissionState.Approved)));
        }
        var ids = steps.Select(s => s.Step.ById).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var form = new VillageForm(town, village.Name, statistics, submission.State,
            [.. steps.Select(s => new Signer(s.Role, names.GetValueOrDefault(s.Step.ById, ""), s.Step.AtUtc))],
            submission.SignedDigest, Absolute($"/campaigns/{id}/villages/{villageId}/signoff/verify"), clock.GetUtcNow().UtcDateTime);
        return this.Document(format, () => StatisticsDocuments.VillageXlsx(form), () => StatisticsDocuments.VillagePdf(form), $"{village.Name}-核查情况分类统计表");
    }

    /// <summary>The town's table of 附件4 as a file, for the town and the county.</summary>
    [HttpGet("campaigns/{id:int}/statistics." + Format)]
    public async Task<IActionResult> TownDocument(int id, string format, CancellationToken ct)
    {
        if (await CampaignAccess.FindAsync(db, id, ct) is not var (campaign, town))
        {
            return NotFound();
        }
        var scope = AppClaims.ScopeOf(User)!;
        if (scope.Level == OrgLevel.Village || !CampaignAccess.Allows(scope, campaign, town, CampaignRight.View))
        {
            return Forbid();
        }
        var lines = await LinesAsync(campaign, campaign.Villages.Select(v => v.VillageId).ToList(), ct);
        var (signature, signedBy) = await TownSignatureAsync(id, ct);
        var form = new TownForm(town.Name, campaign.Name, lines, VillageStatistics.Sum(lines.Select(l => l.Statistics)),
            signature is null ? null : new Signer("审核人", signedBy ?? "", signature.SignedAtUtc), signature?.Digest,
            Absolute($"/campaigns/{id}/statistics"), clock.GetUtcNow().UtcDateTime);
        return this.Document(format, () => StatisticsDocuments.TownXlsx(form), () => StatisticsDocuments.TownPdf(form), $"{town.Name}-核查情况分类统计表");
    }

    private string Absolute(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";

    private async Task<IReadOnlyList<(Domain.Verification.Outcome, IReadOnlyList<SummaryPerson>)>> CategoriesAsync(int id, int villageId, bool full, CancellationToken ct)
    {
        var people = await (from v in db.VerificationRecords
                            where v.CampaignId == id && v.VillageId == villageId
                            join r in db.TaskRows on v.TaskRowId equals r.Id
                            orderby r.SourceNumber, r.Id
                            select new
                            {
                                v.Outcome, r.Name, r.IdNumberMasked, r.BankCardMasked, r.Address, v.Phone,
                                IdCipher = full ? r.IdNumberCipher : null, CardCipher = full ? r.BankCardCipher : null,
                            })
            .ToListAsync(ct);
        return Enum.GetValues<Domain.Verification.Outcome>()
            .Select(o => (o, (IReadOnlyList<SummaryPerson>)people.Where(p => p.Outcome == o)
                .Select((p, i) => new SummaryPerson(i + 1, p.Name,
                    p.IdCipher is null ? p.IdNumberMasked : protector.Unprotect(p.IdCipher, Purposes.IdNumber),
                    p.CardCipher is null ? p.BankCardMasked : protector.Unprotect(p.CardCipher, Purposes.BankCard),
                    p.Address, p.Phone)).ToList()))
            .ToList();
    }

    private async Task<List<StatisticsLine>> LinesAsync(Campaign campaign, List<int> villageIds, CancellationToken ct)
    {
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var states = await db.VillageSubmissions.Where(v => v.CampaignId == campaign.Id && villageIds.Contains(v.VillageId))
            .ToDictionaryAsync(v => v.VillageId, v => v.State, ct);
        var rows = await StatisticsQueries.RowStatesAsync(db, campaign.Id, villageIds, ct);
        return names.Select(n => new StatisticsLine(n.Id, n.Name, VillageStatistics.Compute(rows[n.Id]),
            states.GetValueOrDefault(n.Id, SubmissionState.InProgress))).ToList();
    }

    private async Task<(TownSignature? Signature, string? SignedBy)> TownSignatureAsync(int id, CancellationToken ct)
    {
        var signature = await db.TownSignatures.Where(t => t.CampaignId == id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        var signedBy = signature is null ? null : await db.Users.Where(u => u.Id == signature.SignedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return (signature, signedBy);
    }

    /// <summary>The county's table of 附件4, one line per town (per campaign), and the town's own line for the town office.</summary>
    [HttpGet("statistics")]
    [Authorize(Policy = Policies.CampaignManagers)]
    public async Task<IActionResult> Overview(CancellationToken ct)
    {
        var campaigns = await CampaignAccess.Visible(db, AppClaims.ScopeOf(User)!)
            .Join(db.OrgUnits, c => c.TownId, u => u.Id, (c, u) => new { c.Id, c.Name, Town = u.Name, TownCode = u.Code, c.ClosedAtUtc, Villages = c.Villages.Count })
            .OrderBy(c => c.TownCode).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var totals = await StatisticsQueries.CampaignTotalsAsync(db, ids, ct);
        var approved = await db.VillageSubmissions.Where(v => ids.Contains(v.CampaignId) && v.State == SubmissionState.Approved)
            .GroupBy(v => v.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var signed = await db.TownSignatures.Where(t => ids.Contains(t.CampaignId)).Select(t => t.CampaignId).Distinct().ToListAsync(ct);
        var lines = campaigns.Select(c => new TownLine(c.Id, c.Town, c.Name, c.ClosedAtUtc != null, c.Villages, approved.GetValueOrDefault(c.Id),
            totals[c.Id], signed.Contains(c.Id))).ToList();
        return View("Overview", new OverviewPage(lines, VillageStatistics.Sum(lines.Select(l => l.Statistics))));
    }

    [HttpGet("campaigns/{id:int}/statistics")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        if (await CampaignAccess.FindAsync(db, id, ct) is not var (campaign, town))
        {
            return NotFound();
        }
        var scope = AppClaims.ScopeOf(User)!;
        if (!CampaignAccess.Allows(scope, campaign, town, CampaignRight.View))
        {
            return Forbid();
        }
        // A village sees its own line; the town and the county see every village of the campaign and the total.
        var villageIds = scope.Level == OrgLevel.Village ? [scope.UnitId] : campaign.Villages.Select(v => v.VillageId).ToList();
        var lines = await LinesAsync(campaign, villageIds, ct);
        var total = scope.Level == OrgLevel.Village ? null : VillageStatistics.Sum(lines.Select(l => l.Statistics));
        var (signature, signedBy) = await TownSignatureAsync(id, ct);
        return View(new StatisticsPage(campaign, town, lines, total, signature, signedBy));
    }
}
