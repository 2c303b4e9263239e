using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>The receiving side counts the cards of a hand-over (造册移交) and confirms what arrived; what did not stays disputed for the town.</summary>
public sealed class ReceiveHandover(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long handoverId, string? receiver, int? counted, IReadOnlyCollection<long> cardIds, CancellationToken ct) =>
        HandoverActs.OnHandoverAsync(db, actor, handoverId, Access.Access.CanReceiveHandoverAsync, (handover, cards) =>
        {
            handover.Receive(actor.UserId, receiver, counted, cardIds.ToHashSet(), cards, time.GetUtcNow().UtcDateTime);
            return handover.State == HandoverState.Disputed
                ? $"已确认收到 {counted} 张;{handover.Lines.Count(l => l.State == HandoverLineState.Disputed)} 张未收到,交接单保持未结,待镇核实处理。"
                : $"已确认收到全部 {counted} 张。";
        }, ct);
}

/// <summary>The town settles one disputed card of a hand-over: found after all, or short and registered lost.</summary>
public sealed class ResolveHandoverCard(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long handoverId, long cardId, bool found, string? responsible, string? note, CancellationToken ct) =>
        HandoverActs.OnHandoverAsync(db, actor, handoverId, Access.Access.CanResolveHandoverAsync, (handover, cards) =>
        {
            handover.Resolve(cardId, found, actor.UserId, responsible ?? actor.Name, note,
                cards.TryGetValue(cardId, out var card) ? card : throw new Domain.DomainException("该卡不在本交接单中。"), time.GetUtcNow().UtcDateTime);
            return found ? "已核实:该卡收到。" : "已核实:该卡短少,已登记遗失。";
        }, ct);
}

internal static class HandoverActs
{
    /// <summary>The hand-over with its lines and cards, the access decisions (see it, then do this), one act, one save.</summary>
    public static async Task<Result> OnHandoverAsync(AppDbContext db, Actor actor, long handoverId,
        Func<AppDbContext, UserScope, CardHandover, CancellationToken, Task<bool>> allowed, Func<CardHandover, Dictionary<long, Card>, string> act, CancellationToken ct)
    {
        var handover = await db.CardHandovers.Include(h => h.Lines).SingleOrDefaultAsync(h => h.Id == handoverId, ct);
        if (handover is null)
        {
            return Result.NotFound;
        }
        if (!await Access.Access.CanViewHandoverAsync(db, actor.Scope, handover, ct) || !await allowed(db, actor.Scope, handover, ct))
        {
            return Result.Denied;
        }
        var ids = handover.Lines.Select(l => l.CardId).ToList();
        var cards = await db.Cards.Include(c => c.Events).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return await CardActs.SaveAsync(db, () => Task.FromResult(act(handover, cards)), ct, "他人刚刚处理了这张交接单,未保存。请查看最新状态。");
    }
}
