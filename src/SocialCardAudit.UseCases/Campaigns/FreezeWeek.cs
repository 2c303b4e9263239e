using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Reports;

namespace SocialCardAudit.UseCases.Campaigns;

/// <summary>The county freezes a week's figures of a campaign as they are now; a frozen week is never taken again.</summary>
public sealed class FreezeWeek(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, int campaignId, string? week, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, campaignId, ct) is not var (campaign, owner))
        {
            return Result.NotFound;
        }
        if (actor.Scope.Role != Roles.CountySupervisor || !Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.View))
        {
            return Result.Denied;
        }
        try
        {
            var chosen = ReportWeek.Parse(week);
            var clock = await db.CountyClockAsync(actor.Scope.TenantId, time, ct);
            await WeeklyReports.FreezeAsync(db, campaign, chosen, actor.UserId, clock.UtcNow, clock.Today, ct);
            return Result.Done($"已冻结 {chosen.DisplayName} 的数据。");
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
        catch (DbUpdateException)
        {
            return Result.Done("这一周刚刚已被冻结。");
        }
    }
}
