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

public sealed record StatisticsLine(int VillageId, string Village, VillageStatistics Statistics, SubmissionState State);

public sealed record StatisticsPage(Campaign Campaign, OrgUnit Town, IReadOnlyList<StatisticsLine> Villages, VillageStatistics? Total);

/// <summary>The classified statistics (附件4) of a campaign: one line per village and the town total, computed from the findings.</summary>
[Authorize(Policy = Policies.CampaignStaff)]
public sealed class StatisticsController(AppDbContext db) : Controller
{
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
        return View(new StatisticsPage(campaign, town, lines, total));
    }
}
