using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.UseCases.Campaigns;

/// <summary>Finding a campaign (with the unit that owns it) and a village of it, the same way for every use case and page.</summary>
public static class CampaignLookup
{
    /// <summary>
    /// The campaign with its villages and phases and its owner (its town, or the county for a county campaign),
    /// or null when it is not in this county.
    /// </summary>
    public static async Task<(Campaign Campaign, OrgUnit Owner)?> FindAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.Include(c => c.Villages).Include(c => c.Phases).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return null;
        }
        var owner = await db.OrgUnits.SingleAsync(u => campaign.TownId == null ? u.Level == OrgLevel.County : u.Id == campaign.TownId, ct);
        return (campaign, owner);
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
}
