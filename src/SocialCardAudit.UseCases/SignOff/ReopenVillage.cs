using SocialCardAudit.Data;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.SignOff;

public sealed record ReopenVillageCommand(int CampaignId, int VillageId, string? Reason);

/// <summary>The town office reopens an approved village, with a reason: its signature stays in the history, findings may change again.</summary>
public sealed class ReopenVillage(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, ReopenVillageCommand c, CancellationToken ct) =>
        VillageSubmissions.MoveAsync(db, c.CampaignId, c.VillageId, village => Access.Access.CanReview(actor.Scope, village), (_, _, submission) =>
        {
            submission.Reopen(c.Reason ?? "", actor.UserId, time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, "已重新打开,核查结果可以修改。", ct);
}
