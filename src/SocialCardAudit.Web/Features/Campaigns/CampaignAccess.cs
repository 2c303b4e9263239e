using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Campaigns;

public enum CampaignRight
{
    /// <summary>The county, the campaign's town, and the villages it covers.</summary>
    View,

    /// <summary>Edit, close, import: the town office of its town, and the county supervisor.</summary>
    Manage,
}

/// <summary>Who may do what with a campaign, on top of the tenant filter (another county's campaign is never found).</summary>
public static class CampaignAccess
{
    public static bool Allows(UserScope scope, Campaign campaign, OrgUnit town, CampaignRight right) => right switch
    {
        CampaignRight.Manage => scope.Role is Roles.TownOffice or Roles.CountySupervisor && scope.Covers(town.TenantId, town.Code),
        _ => scope.Role switch
        {
            Roles.CountySupervisor or Roles.TownOffice => scope.Covers(town.TenantId, town.Code),
            Roles.VillageClerk or Roles.Verifier => campaign.Covers(scope.UnitId),
            _ => false,
        },
    };

    /// <summary>The campaigns the account may see, newest first.</summary>
    public static IQueryable<Campaign> Visible(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.Campaigns,
        Roles.TownOffice => db.Campaigns.Where(c => c.TownId == scope.UnitId),
        Roles.VillageClerk or Roles.Verifier => db.Campaigns.Where(c => c.Villages.Any(v => v.VillageId == scope.UnitId)),
        _ => db.Campaigns.Where(_ => false),
    };

    /// <summary>The campaign with its villages and phases and its town, or null when it is not in this county.</summary>
    public static async Task<(Campaign Campaign, OrgUnit Town)?> FindAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Villages).Include(c => c.Phases).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return null;
        }
        var town = await db.OrgUnits.SingleAsync(u => u.Id == campaign.TownId, ct);
        return (campaign, town);
    }

    /// <summary>The campaign and one of the villages it covers, or null when either is not in this county or the village is not in the campaign.</summary>
    public static async Task<(Campaign Campaign, OrgUnit Village)?> FindVillageAsync(AppDbContext db, int id, int villageId, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not var (campaign, _) || !campaign.Covers(villageId))
        {
            return null;
        }
        return await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == villageId, ct) is { } village ? (campaign, village) : null;
    }

    /// <summary>The campaign if the signed-in user has the right; otherwise the answer: 404 outside the county, 403 outside the scope.</summary>
    public static async Task<(Campaign? Campaign, IActionResult? Denied)> AuthorizeAsync(
        this ControllerBase controller, AppDbContext db, int id, CampaignRight right, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not var (campaign, town))
        {
            return (null, controller.NotFound());
        }
        return Allows(AppClaims.ScopeOf(controller.User)!, campaign, town, right) ? (campaign, null) : (null, controller.Forbid());
    }

    /// <summary>
    /// The campaign and one of its villages when the user's scope covers the village (and the role is not
    /// excluded); otherwise the answer: 404 outside the county or the campaign, 403 outside the scope.
    /// </summary>
    public static async Task<((Campaign Campaign, OrgUnit Village)? Found, IActionResult? Denied)> AuthorizeVillageAsync(
        this ControllerBase controller, AppDbContext db, int id, int villageId, CancellationToken ct, string? excludedRole = null)
    {
        if (await FindVillageAsync(db, id, villageId, ct) is not var (campaign, village))
        {
            return (null, controller.NotFound());
        }
        var scope = AppClaims.ScopeOf(controller.User)!;
        return scope.Role == excludedRole || !scope.Covers(village.TenantId, village.Code) ? (null, controller.Forbid()) : ((campaign, village), null);
    }
}
