using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Cards;

public sealed record HandoverLine(long Id, string From, string To, DateTime SentAtUtc, string Sender, int Cards, HandoverState State);

public sealed record HandoverList(IReadOnlyList<HandoverLine> Handovers, bool CanSend);

/// <summary>A place the user may send from or to, as "kind:id" for the form.</summary>
public sealed record PlaceOption(string Value, string Name);

public sealed record HandoverNew(IReadOnlyList<PlaceOption> From, IReadOnlyList<PlaceOption> To, string FromValue,
    IReadOnlyList<CardLine> Cards, string? Error = null);

public sealed record HandoverCard(Card Card, HandoverLineState State, string? Note);

public sealed record HandoverPage(CardHandover Handover, CardPlaces Places, IReadOnlyList<HandoverCard> Cards, bool CanReceive, bool CanResolve, string? Error = null);

/// <summary>
/// Batch hand-overs of cards between the bank, the town centre and the villages (造册移交): the sender lists
/// the cards, another person on the receiving side counts and confirms each; what is not confirmed stays
/// disputed until the town settles it.
/// </summary>
[Authorize(Roles = $"{Roles.TownOffice},{Roles.VillageClerk},{Roles.CountySupervisor}")]
public sealed class HandoversController(AppDbContext db, CountyClock clock) : Controller
{
    private const string Views = "/Features/Cards/";

    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => clock.UtcNow;

    [HttpGet("handovers", Name = "Handovers.Index")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var places = await CardPlaces.LoadAsync(db, ct);
        var units = await Access.UnitIdsAsync(db, Scope, ct);
        var handovers = await db.CardHandovers
            .Where(h => (h.FromKind != CustodianKind.Bank && units.Contains(h.FromPlaceId)) || (h.ToKind != CustodianKind.Bank && units.Contains(h.ToPlaceId)))
            .OrderBy(h => h.State == HandoverState.Received || h.State == HandoverState.Resolved).ThenByDescending(h => h.Id)
            .Select(h => new { h.Id, h.FromKind, h.FromPlaceId, h.ToKind, h.ToPlaceId, h.SentAtUtc, h.Sender, Cards = h.Lines.Count, h.State })
            .Take(200).ToListAsync(ct);
        var lines = handovers.Select(h => new HandoverLine(h.Id, places.Of(new Custody(h.FromKind, h.FromPlaceId)), places.Of(new Custody(h.ToKind, h.ToPlaceId)),
            h.SentAtUtc, h.Sender, h.Cards, h.State)).ToList();
        return View(Views + "Handovers.cshtml", new HandoverList(lines, Scope.Role is Roles.TownOffice or Roles.VillageClerk));
    }

    [HttpGet("handovers/new", Name = "Handovers.New")]
    public async Task<IActionResult> New(string? from, CancellationToken ct) => await NewPageAsync(from, null, ct) ?? Forbid();

    [HttpPost("handovers", Name = "Handovers.Create")]
    public async Task<IActionResult> Create(string? from, string? to, long[]? cardIds, string? sender, string? note,
        [FromServices] SendHandover send, CancellationToken ct)
    {
        var (result, handoverId) = await send.HandleAsync(Actor, Parse(from), Parse(to), cardIds ?? [], sender, note, ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Handovers.Show", new { id = handoverId })!, async refusal =>
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await NewPageAsync(from, refusal, ct) ?? Forbid();
        });
    }

    [HttpGet("handovers/{id:long}", Name = "Handovers.Show")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var (handover, denied) = await FindAsync(id, ct);
        return handover is null ? denied! : await PageAsync(handover, null, ct);
    }

    [HttpPost("handovers/{id:long}/receive", Name = "Handovers.Receive")]
    public async Task<IActionResult> Receive(long id, string? receiver, int? counted, long[]? cardIds, [FromServices] ReceiveHandover receive, CancellationToken ct) =>
        await this.AnswerAsync(await receive.HandleAsync(Actor, id, receiver, counted, cardIds ?? [], ct), Url.RouteUrl("Handovers.Show", new { id })!, message => RefusedAsync(id, message, ct));

    [HttpPost("handovers/{id:long}/resolve", Name = "Handovers.Resolve")]
    public async Task<IActionResult> Resolve(long id, long cardId, bool found, string? responsible, string? note, [FromServices] ResolveHandoverCard resolve,
        CancellationToken ct) =>
        await this.AnswerAsync(await resolve.HandleAsync(Actor, id, cardId, found, responsible, note, ct), Url.RouteUrl("Handovers.Show", new { id })!, message => RefusedAsync(id, message, ct));

    private Actor Actor => AppClaims.ActorOf(User);

    /// <summary>The hand-over again, with why the change was refused.</summary>
    private async Task<IActionResult> RefusedAsync(long id, string message, CancellationToken ct)
    {
        var (handover, denied) = await FindAsync(id, ct);
        if (handover is null)
        {
            return denied!;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(handover, message, ct);
    }

    private async Task<IActionResult> PageAsync(CardHandover handover, string? error, CancellationToken ct)
    {
        var ids = handover.Lines.Select(l => l.CardId).ToList();
        var cards = await db.Cards.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var lines = handover.Lines.OrderBy(l => l.Id).Select(l => new HandoverCard(cards[l.CardId], l.State, l.Note)).ToList();
        return View(Views + "Handover.cshtml", new HandoverPage(handover, await CardPlaces.LoadAsync(db, ct), lines,
            handover.State == HandoverState.Sent && await Access.CanReceiveHandoverAsync(db, Scope, handover, ct),
            handover.State == HandoverState.Disputed && await Access.CanResolveHandoverAsync(db, Scope, handover, ct), error));
    }

    /// <summary>The hand-over when one of its places lies in the user's scope; 404 outside the county, 403 otherwise.</summary>
    private async Task<(CardHandover? Handover, IActionResult? Denied)> FindAsync(long id, CancellationToken ct)
    {
        var handover = await db.CardHandovers.Include(h => h.Lines).SingleOrDefaultAsync(h => h.Id == id, ct);
        if (handover is null)
        {
            return (null, NotFound());
        }
        return await Access.CanViewHandoverAsync(db, Scope, handover, ct) ? (handover, null) : (null, Forbid());
    }

    private async Task<IActionResult?> NewPageAsync(string? from, string? error, CancellationToken ct)
    {
        var (fromOptions, toOptions) = await OptionsAsync(ct);
        if (fromOptions.Count == 0)
        {
            return null;
        }
        var chosen = fromOptions.FirstOrDefault(o => o.Value == from) ?? fromOptions[0];
        var places = await CardPlaces.LoadAsync(db, ct);
        var cards = (await CardsAtAsync(Parse(chosen.Value)!.Value, ct))
            .Select(c => new CardLine(c.Id, c.HolderName, c.IdNumberMasked, places.Bank(c.BankId), c.CardNumberMasked, places.Unit(c.VillageId), c.State, "", false))
            .ToList();
        return View(Views + "HandoverNew.cshtml", new HandoverNew(fromOptions, toOptions.Where(o => o.Value != chosen.Value).ToList(), chosen.Value, cards, error));
    }

    /// <summary>The places the user may send from and to (<see cref="Access.HandoverPlacesAsync"/>), named for the form.</summary>
    private async Task<(List<PlaceOption> From, List<PlaceOption> To)> OptionsAsync(CancellationToken ct)
    {
        var places = await CardPlaces.LoadAsync(db, ct);
        var (from, to) = await Access.HandoverPlacesAsync(db, Scope, ct);
        return ([.. from.Select(p => new PlaceOption(Value(p), places.Of(p)))], [.. to.Select(p => new PlaceOption(Value(p), places.Of(p)))]);
    }

    private static string Value(Custody place) => place.Kind switch
    {
        CustodianKind.Village => $"village:{place.PlaceId}",
        CustodianKind.TownCentre => $"town:{place.PlaceId}",
        _ => $"bank:{place.PlaceId}",
    };

    private static Custody? Parse(string? value) => value?.Split(':') switch
    {
        ["village", var id] when int.TryParse(id, out var v) => Custody.AtVillage(v),
        ["town", var id] when int.TryParse(id, out var t) => Custody.AtTown(t),
        ["bank", var id] when int.TryParse(id, out var b) => Custody.AtBank(b),
        _ => null,
    };

    private Task<List<Card>> CardsAtAsync(Custody place, CancellationToken ct) =>
        SendHandover.CardsAt(db, Scope, place).OrderBy(c => c.VillageId).ThenBy(c => c.BankId).ThenBy(c => c.Id).ToListAsync(ct);
}
