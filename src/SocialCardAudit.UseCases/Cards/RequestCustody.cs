using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>The village clerk asks the town to let someone keep a card for a holder who cannot (代管), for a period.</summary>
public sealed class RequestCustody(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long cardId, SpecialGroup? group, string? custodian, string? reason, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        CardActs.OnCardAsync(db, actor, cardId, (card, _) =>
        {
            db.CustodyAuthorisations.Add(CustodyAuthorisation.Request(card.TenantId, card.Id, group, custodian, reason, from, to, actor.UserId, time.GetUtcNow().UtcDateTime));
            return Task.FromResult("已提交代管申请,待镇审批。");
        }, ct, Roles.VillageClerk);
}

/// <summary>The town office approves or refuses a custody request for a card of its villages.</summary>
public sealed class DecideCustody(AppDbContext db, TimeProvider time)
{
    /// <returns>The result, and the card the request is about (to go back to), or null when not found.</returns>
    public async Task<(Result Result, long? CardId)> HandleAsync(Actor actor, long authorisationId, bool approve, string? reason, CancellationToken ct)
    {
        var authorisation = await db.CustodyAuthorisations.SingleOrDefaultAsync(a => a.Id == authorisationId, ct);
        if (authorisation is null)
        {
            return (Result.NotFound, null);
        }
        var result = await CardActs.OnCardAsync(db, actor, authorisation.CardId, (_, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (approve)
            {
                authorisation.Approve(actor.UserId, now);
            }
            else
            {
                authorisation.Refuse(actor.UserId, reason, now);
            }
            return Task.FromResult(approve ? "已批准代管申请。" : "已不予批准。");
        }, ct, Roles.TownOffice);
        return (result, authorisation.CardId);
    }
}
