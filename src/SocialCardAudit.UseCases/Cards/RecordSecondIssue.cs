using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>
/// A second attempt to hand a dormant or stocked card to its holder (二次发放): a success issues it; a failure, with
/// its reason, recalls the card to the town centre unless another place is named.
/// </summary>
public sealed class RecordSecondIssue(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long cardId, MoveDetails details, bool succeeded, string? failureReason, DateOnly? attemptedOn, CancellationToken ct) =>
        CardActs.OnCardAsync(db, actor, cardId, async (card, village) =>
        {
            if (succeeded)
            {
                await Issuance.CaseFollowsCard.EnsureIssuedThereAsync(db, card.Id, ct);
            }
            details.ToPlace ??= "town";
            var clock = await db.CountyClockAsync(card.TenantId, time, ct);
            db.SecondIssueAttempts.Add(SecondIssueAttempt.Record(card, attemptedOn ?? clock.Today, succeeded, failureReason,
                details.For(card, village, actor), await CardActs.AuthorisationsAsync(db, card, ct), clock));
            return succeeded ? "已记录二次发放:发放成功。" : "已记录二次发放未成功,并登记回收。";
        }, ct);
}
