using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Campaigns;

/// <summary>Finding a campaign (and a village of it) for a request, answered as the web answers: 404 outside the county, 403 outside the scope, by <see cref="Access"/>.</summary>
public static class CampaignAccess
{
    /// <summary>
    /// The part of the campaign the user answers for, as one town's villages: a town office (and a village) always
    /// its own town; the county the town asked for, or a town's campaign's town, or (null) the whole of a county
    /// campaign; null Town and Villages as well when the town asked for has no village in the campaign.
    /// </summary>
    public static async Task<(OrgUnit? Town, List<int>? Villages)> PartAsync(AppDbContext db, UserScope scope, Campaign campaign, int? town, CancellationToken ct)
    {
        var townId = scope.Level switch
        {
            OrgLevel.Town => scope.UnitId,
            OrgLevel.Village => campaign.Villages.FirstOrDefault(v => v.VillageId == scope.UnitId)?.TownId,
            _ => town ?? campaign.TownId,
        };
        if (townId is null)
        {
            return (null, campaign.VillagesOf(null));
        }
        return campaign.CoversTown(townId.Value)
            ? (await db.OrgUnits.SingleAsync(u => u.Id == townId, ct), campaign.VillagesOf(townId))
            : (null, null);
    }

    /// <summary>The campaign if the signed-in user has the right; otherwise the answer: 404 outside the county, 403 outside the scope.</summary>
    public static async Task<(Campaign? Campaign, IActionResult? Denied)> AuthorizeAsync(
        this ControllerBase controller, AppDbContext db, int id, CampaignRight right, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, id, ct) is not var (campaign, town))
        {
            return (null, controller.NotFound());
        }
        return Access.Allows(AppClaims.ScopeOf(controller.User)!, campaign, town, right) ? (campaign, null) : (null, controller.Forbid());
    }

    /// <summary>
    /// The campaign and one of its villages when the user's scope covers the village (and the role is not
    /// excluded); otherwise the answer: 404 outside the county or the campaign, 403 outside the scope.
    /// </summary>
    public static async Task<((Campaign Campaign, OrgUnit Village)? Found, IActionResult? Denied)> AuthorizeVillageAsync(
        this ControllerBase controller, AppDbContext db, int id, int villageId, CancellationToken ct, string? excludedRole = null)
    {
        if (await CampaignLookup.FindVillageAsync(db, id, villageId, ct) is not var (campaign, village))
        {
            return (null, controller.NotFound());
        }
        var scope = AppClaims.ScopeOf(controller.User)!;
        return scope.Role == excludedRole || !Access.Covers(scope, village) ? (null, controller.Forbid()) : ((campaign, village), null);
    }
}
