using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Campaigns;

namespace SocialCardAudit.UseCases.SignOff;

/// <summary>
/// What the sign-off use cases share: the village's submission (started when missing), and
/// running one legal move of it to a saved result (a refused move says why; a simultaneous one is a conflict).
/// </summary>
public static class VillageSubmissions
{
    public static async Task<VillageSubmission> LoadAsync(AppDbContext db, Campaign campaign, OrgUnit village, CancellationToken ct)
    {
        var submission = await db.VillageSubmissions.Include(v => v.Steps).ThenInclude(s => s.Rows)
            .SingleOrDefaultAsync(v => v.CampaignId == campaign.Id && v.VillageId == village.Id, ct);
        if (submission is null)
        {
            submission = new VillageSubmission { TenantId = village.TenantId, CampaignId = campaign.Id, VillageId = village.Id };
            db.VillageSubmissions.Add(submission);
        }
        return submission;
    }

    /// <summary>
    /// Finds the village, asks <paramref name="allowed"/> whether the actor may act on it, has a signature confirmed
    /// (the password re-entered: <paramref name="confirm"/> answers why not, or null), loads its submission, makes
    /// the move and saves it.
    /// </summary>
    public static async Task<Result> MoveAsync(AppDbContext db, int campaignId, int villageId, Func<OrgUnit, bool> allowed,
        Func<Campaign, OrgUnit, VillageSubmission, Task> move, string done, CancellationToken ct, Func<Task<string?>>? confirm = null)
    {
        if (await CampaignLookup.FindVillageAsync(db, campaignId, villageId, ct) is not var (campaign, village))
        {
            return Result.NotFound;
        }
        if (!allowed(village))
        {
            return Result.Denied;
        }
        if (confirm is not null && await confirm() is { } refusal)
        {
            return Result.Refused(refusal);
        }
        var submission = await LoadAsync(db, campaign, village, ct);
        try
        {
            await move(campaign, village, submission);
            await db.SaveChangesAsync(ct);
            return Result.Done(done);
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
        catch (DbUpdateException)
        {
            return new Result(Status.Conflict, "他人刚刚处理了本村的统计表,请查看最新状态。");
        }
    }
}
