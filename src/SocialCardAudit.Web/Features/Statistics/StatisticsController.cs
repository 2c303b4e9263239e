using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.SignOff;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Statistics;

public sealed record SummaryPerson(int Number, string Name, string IdNumberMasked, string? BankCardMasked, string? Address, string? Phone);

public sealed record SummaryPage(Campaign Campaign, OrgUnit Village, IReadOnlyList<(Domain.Verification.Outcome Outcome, IReadOnlyList<SummaryPerson> People)> Categories);

public sealed record StatisticsLine(int VillageId, string Village, VillageStatistics Statistics, SubmissionState State);

public sealed record StatisticsPage(Campaign Campaign, OrgUnit Town, IReadOnlyList<StatisticsLine> Villages, VillageStatistics? Total,
    TownSignature? Signature, string? SignedBy);

/// <summary>The classified statistics (附件4) of a campaign: one line per village and the town total, computed from the findings.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class StatisticsController(AppDbContext db, TimeProvider clock) : Controller
{
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
        if (await CampaignAccess.FindVillageAsync(db, id, villageId, ct) is not var (campaign, village))
        {
            return NotFound();
        }
        var scope = AppClaims.ScopeOf(User)!;
        if (scope.Role == Roles.Verifier || !scope.Covers(village.TenantId, village.Code))
        {
            return Forbid();
        }
        var people = await (from v in db.VerificationRecords
                            where v.CampaignId == id && v.VillageId == villageId
                            join r in db.TaskRows on v.TaskRowId equals r.Id
                            orderby r.SourceNumber, r.Id
                            select new { v.Outcome, r.Name, r.IdNumberMasked, r.BankCardMasked, r.Address, v.Phone })
            .ToListAsync(ct);
        var categories = Enum.GetValues<Domain.Verification.Outcome>()
            .Select(o => (o, (IReadOnlyList<SummaryPerson>)people.Where(p => p.Outcome == o)
                .Select((p, i) => new SummaryPerson(i + 1, p.Name, p.IdNumberMasked, p.BankCardMasked, p.Address, p.Phone)).ToList()))
            .ToList();
        return View("Summary", new SummaryPage(campaign, village, categories));
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
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var states = await db.VillageSubmissions.Where(v => v.CampaignId == id && villageIds.Contains(v.VillageId))
            .ToDictionaryAsync(v => v.VillageId, v => v.State, ct);
        var rows = await StatisticsQueries.RowStatesAsync(db, id, villageIds, ct);
        var lines = names.Select(n => new StatisticsLine(n.Id, n.Name, VillageStatistics.Compute(rows[n.Id]),
            states.GetValueOrDefault(n.Id, SubmissionState.InProgress))).ToList();
        var total = scope.Level == OrgLevel.Village ? null : VillageStatistics.Sum(lines.Select(l => l.Statistics));
        var signature = await db.TownSignatures.Where(t => t.CampaignId == id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        var signedBy = signature is null ? null : await db.Users.Where(u => u.Id == signature.SignedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return View(new StatisticsPage(campaign, town, lines, total, signature, signedBy));
    }
}
