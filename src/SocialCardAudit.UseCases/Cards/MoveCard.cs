using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>One step of a card's life by the town or the village: issue, activate, return, restock, cancel, …, each recorded with who and how.</summary>
public sealed class MoveCard(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long cardId, MoveDetails details, CancellationToken ct) =>
        CardActs.OnCardAsync(db, actor, cardId, async (card, village) =>
        {
            var to = details.To ?? throw new DomainException("请选择要办理的事项。");
            var clock = await db.CountyClockAsync(card.TenantId, time, ct);
            var e = card.Move(to, details.For(card, village, actor), await CardActs.AuthorisationsAsync(db, card, ct), clock);
            await Issuance.CaseFollowsCard.AfterAsync(db, e, ct);
            return $"已办理:{CardLifecycle.DisplayName(to)}。";
        }, ct);
}
