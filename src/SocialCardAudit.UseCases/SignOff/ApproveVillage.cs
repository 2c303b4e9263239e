using SocialCardAudit.Data;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.UseCases.SignOff;

public sealed record ApproveVillageCommand(int CampaignId, int VillageId, DigestAlgorithm Algorithm = DigestAlgorithm.Sha256);

/// <summary>The town office approves and signs a submitted village, re-entering the password.</summary>
public sealed class ApproveVillage(AppDbContext db, TimeProvider time)
{
    /// <param name="confirm">Checks the signer's password now: why not, or null.</param>
    public Task<Result> HandleAsync(Actor actor, ApproveVillageCommand c, Func<Task<string?>> confirm, CancellationToken ct) =>
        VillageSubmissions.MoveAsync(db, c.CampaignId, c.VillageId, village => Access.Access.CanReview(actor.Scope, village), async (_, _, submission) =>
        {
            var (digest, _, _) = await StatisticsQueries.DigestAsync(db, c.CampaignId, c.VillageId, ct, c.Algorithm, submission.OpenReasons);
            submission.Approve(digest, actor.UserId, time.GetUtcNow().UtcDateTime);
        }, "已审核签字。", ct, confirm);
}
