using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Campaigns;

/// <summary>Those who manage a campaign (its town office, or the county) end it: from then on no finding, import or assignment changes it.</summary>
public sealed class CloseCampaign(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, int campaignId, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, campaignId, ct) is not var (campaign, owner))
        {
            return Result.NotFound;
        }
        if (!Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.Manage))
        {
            return Result.Denied;
        }
        try
        {
            campaign.Close(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return Result.Done($"{campaign.KindName}“{campaign.Name}”已结束。");
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
    }
}
