using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.UseCases.SignOff;

/// <summary>
/// The town office signs its total of a campaign (its part of a county campaign), re-entering the password, once
/// every village of it is 镇已审核: the digest covers each village's signed digest and the summed counts.
/// </summary>
public sealed class SignTownTotal(AppDbContext db, TimeProvider time)
{
    /// <param name="confirm">Checks the signer's password now: why not, or null.</param>
    public async Task<Result> HandleAsync(Actor actor, int campaignId, DigestAlgorithm algorithm, Func<Task<string?>> confirm, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, campaignId, ct) is not var (campaign, owner))
        {
            return Result.NotFound;
        }
        if (actor.Scope.Role != Roles.TownOffice || !Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.View))
        {
            return Result.Denied;
        }
        if (await confirm() is { } refusal)
        {
            return Result.Refused(refusal);
        }
        var townId = actor.Scope.UnitId;
        var villageIds = campaign.VillagesOf(townId);
        var names = await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var submissions = await db.VillageSubmissions.Include(v => v.Steps).Where(v => v.CampaignId == campaignId && villageIds.Contains(v.VillageId))
            .ToDictionaryAsync(v => v.VillageId, ct);
        var rows = await StatisticsQueries.RowStatesAsync(db, campaignId, villageIds, ct);
        var total = VillageStatistics.Sum(villageIds.Select(v => VillageStatistics.Compute(rows[v])));
        try
        {
            var villages = villageIds.ToDictionary(v => names[v], v => submissions.TryGetValue(v, out var s) ? (s.State, s.SignedDigest) : (SubmissionState.InProgress, (string?)null));
            db.TownSignatures.Add(TownSignature.Sign(campaign.TenantId, campaignId, townId, villages, total, actor.UserId, time.GetUtcNow().UtcDateTime, algorithm));
            await db.SaveChangesAsync(ct);
            return Result.Done("已签署全镇汇总。");
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
        catch (DbUpdateException)
        {
            return new Result(Status.Conflict, "他人刚刚签署了本镇汇总,请查看最新状态。");
        }
    }
}
