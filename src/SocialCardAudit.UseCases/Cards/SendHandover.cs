using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>
/// Cards sent in a batch from one place to another with a hand-over register (造册移交): a clerk from the village
/// to the town centre; the town office from its centre or a bank to its villages, its centre or a bank. The cards
/// travel until the receiving side counts them.
/// </summary>
public sealed class SendHandover(AppDbContext db, TimeProvider time)
{
    /// <summary>The cards lying at a place, undistributed and not already travelling; at a bank, only those of the actor's villages.</summary>
    public static IQueryable<Card> CardsAt(AppDbContext db, UserScope scope, Custody place) =>
        Access.Access.Cards(db, scope)
            .Where(c => c.CustodianKind == place.Kind && c.CustodianPlaceId == place.PlaceId && c.HandoverId == null
                        && (c.State == CardState.InStock || c.State == CardState.Dormant || c.State == CardState.Returned));

    public async Task<(Result Result, long? HandoverId)> HandleAsync(Actor actor, Custody? from, Custody? to, IReadOnlyCollection<long> cardIds,
        string? sender, string? note, CancellationToken ct)
    {
        var (sources, targets) = await Access.Access.HandoverPlacesAsync(db, actor.Scope, ct);
        if (sources.Count == 0)
        {
            return (Result.Denied, null);
        }
        if (from is not { } f || to is not { } t || !sources.Contains(f) || !targets.Contains(t))
        {
            return (Result.Refused("请选择发出单位和接收单位。"), null);
        }
        var ids = cardIds.Distinct().ToList();
        var cards = await CardsAt(db, actor.Scope, f).Where(c => ids.Contains(c.Id)).Include(c => c.Events).ToListAsync(ct);
        if (cards.Count != ids.Count)
        {
            return (Result.Refused("有的卡已不在发出单位,请刷新后重新选择。"), null);
        }
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var handover = CardHandover.Create(actor.Scope.TenantId, f, t, cards, actor.UserId, sender, note, now);
            db.CardHandovers.Add(handover);
            await db.SaveChangesAsync(ct); // the hand-over's id first: each card's event names it
            handover.Dispatch(cards);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Result.Done($"已造册移交 {cards.Count} 张卡,等待接收方清点确认。"), handover.Id);
        }
        catch (Exception e) when (e is DomainException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (Result.Refused(e is DomainException ? e.Message : "有的卡刚被他人办理或移交,未保存。请刷新后重新选择。"), null);
        }
    }
}
