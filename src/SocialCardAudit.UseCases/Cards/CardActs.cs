using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>How a card is handed, as the page's form has it: to whom, how, by whom, where it now lies.</summary>
public sealed class MoveDetails
{
    public CardState? To { get; set; }
    public Recipient? Recipient { get; set; }
    public string? RecipientName { get; set; }
    public string? ProxyRelation { get; set; }
    public CardMethod? Method { get; set; }
    public string? Responsible { get; set; }
    public string? Place { get; set; }
    public string? Note { get; set; }

    /// <summary>Where a returned, found or restocked card now lies: "village", "town" or "bank".</summary>
    public string? ToPlace { get; set; }

    /// <summary>The move as the Domain takes it, with the named place resolved for this card.</summary>
    public CardMove For(Card card, OrgUnit village, Actor actor)
    {
        Custody? place = ToPlace switch
        {
            "village" => Custody.AtVillage(village.Id),
            "town" => Custody.AtTown(village.ParentId!.Value),
            "bank" => Custody.AtBank(card.BankId),
            _ => null,
        };
        return new CardMove(actor.UserId, Responsible ?? actor.Name, Method ?? CardMethod.InPerson, Place, Note)
        {
            Recipient = Recipient, RecipientName = RecipientName, ProxyRelation = ProxyRelation, To = place,
        };
    }
}

/// <summary>
/// What the card use cases share: the card with its events and its village, the access decision, one act, one
/// save. Two people acting on the same card at once cannot both succeed (its version is checked).
/// </summary>
internal static class CardActs
{
    public static async Task<Result> OnCardAsync(AppDbContext db, Actor actor, long cardId, Func<Card, OrgUnit, Task<string>> act, CancellationToken ct,
        string? role = null)
    {
        var card = await db.Cards.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == cardId, ct);
        if (card is null)
        {
            return Result.NotFound;
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == card.VillageId, ct);
        if (!Access.Access.CanManageCards(actor.Scope, village) || (role is not null && actor.Scope.Role != role))
        {
            return Result.Denied;
        }
        return await SaveAsync(db, () => act(card, village), ct);
    }

    public static async Task<Result> SaveAsync(AppDbContext db, Func<Task<string>> act, CancellationToken ct,
        string conflict = "他人刚刚办理了这张卡,未保存。请查看最新状态后再办理。")
    {
        try
        {
            var done = await act();
            await db.SaveChangesAsync(ct);
            return Result.Done(done);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result.Refused(e.Message);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Result(Status.Conflict, conflict);
        }
    }

    public static async Task<List<CustodyAuthorisation>> AuthorisationsAsync(AppDbContext db, Card card, CancellationToken ct) =>
        await db.CustodyAuthorisations.Where(a => a.CardId == card.Id).ToListAsync(ct);
}
