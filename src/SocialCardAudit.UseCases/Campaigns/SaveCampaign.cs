using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Campaigns;

/// <summary>
/// Setting up a campaign and changing its terms: a town office for its own town, the county for a town or for the
/// whole county (全县, villages of any town). Refusals name the input they are about.
/// </summary>
public sealed class SaveCampaign(AppDbContext db)
{
    /// <param name="townId">The town the campaign belongs to; null for a county campaign. A town office's is always its own.</param>
    public async Task<(Result Result, Campaign? Campaign)> CreateAsync(Actor actor, int? townId, CampaignTerms terms, CancellationToken ct)
    {
        if (actor.Scope.Role is not (Roles.TownOffice or Roles.CountySupervisor))
        {
            return (Result.Denied, null);
        }
        if (actor.Scope.Role == Roles.TownOffice)
        {
            townId = actor.Scope.UnitId;
        }
        var owner = await db.OrgUnits.SingleOrDefaultAsync(u => townId == null ? u.Level == OrgLevel.County : u.Id == townId && u.Level == OrgLevel.Town, ct);
        if (owner is null || !Access.Access.Covers(actor.Scope, owner))
        {
            return (Result.Refused("请选择本县的乡镇(街道),或“全县(跨乡镇)”。", nameof(Campaign.TownId)), null);
        }
        var (towns, refused) = await TownsOfVillagesAsync(terms, owner, null, ct);
        if (refused is not null)
        {
            return (refused, null);
        }
        try
        {
            var campaign = Campaign.Create(owner.TenantId, townId, terms, towns!);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            return (Result.Done($"已建立专项清查“{campaign.Name}”。下一步:导入清查任务数据。"), campaign);
        }
        catch (DomainException e)
        {
            return (Result.Refused(e.Message), null);
        }
    }

    public async Task<Result> EditAsync(Actor actor, int id, CampaignTerms terms, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, id, ct) is not var (campaign, owner))
        {
            return Result.NotFound;
        }
        if (!Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.Manage))
        {
            return Result.Denied;
        }
        var (towns, refused) = await TownsOfVillagesAsync(terms, owner, campaign, ct);
        if (refused is not null)
        {
            return refused;
        }
        try
        {
            campaign.Update(terms, towns!);
            await db.SaveChangesAsync(ct);
            return Result.Done("已保存。");
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
    }

    /// <summary>
    /// The town of each village chosen, or why not: a village outside the owner (its town, or the county), a code
    /// another campaign of the county uses, or a village with task rows taken out of a campaign.
    /// </summary>
    private async Task<(Dictionary<int, int>? Towns, Result? Refused)> TownsOfVillagesAsync(CampaignTerms terms, OrgUnit owner, Campaign? campaign, CancellationToken ct)
    {
        var ids = terms.VillageIds.Distinct().ToList();
        var villages = await db.OrgUnits.Where(u => ids.Contains(u.Id) && u.Level == OrgLevel.Village).ToListAsync(ct);
        if (villages.Count != ids.Count || villages.Any(v => !OrgCode.IsWithin(v.Code, owner.Code)))
        {
            return (null, Result.Refused($"所选村(社区)须属于{owner.Name}。", nameof(CampaignTerms.VillageIds)));
        }
        var code = terms.Code.Trim();
        var otherId = campaign?.Id ?? 0;
        if (await db.Campaigns.AnyAsync(c => c.Id != otherId && c.Code == code, ct))
        {
            return (null, Result.Refused($"代码“{code}”已被本县其他专项清查使用。", nameof(CampaignTerms.Code)));
        }
        if (campaign is not null)
        {
            var removed = campaign.Villages.Select(v => v.VillageId).Except(ids).ToList();
            if (removed.Count > 0 && await db.TaskRows.AnyAsync(r => r.CampaignId == campaign.Id && removed.Contains(r.VillageId), ct))
            {
                return (null, Result.Refused("已有任务数据的村(社区)不能移出清查范围。", nameof(CampaignTerms.VillageIds)));
            }
        }
        return (villages.ToDictionary(v => v.Id, v => v.ParentId!.Value), null);
    }
}
