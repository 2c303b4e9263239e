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

    [HttpGet("handovers")]
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

    [HttpGet("handovers/new")]
    public async Task<IActionResult> New(string? from, CancellationToken ct) => await NewPageAsync(from, null, ct) ?? Forbid();

    [HttpPost("handovers")]
    public async Task<IActionResult> Create(string? from, string? to, long[]? cardIds, string? sender, string? note, CancellationToken ct)
    {
        var (fromOptions, toOptions) = await OptionsAsync(ct);
        if (fromOptions.Count == 0)
        {
            return Forbid();
        }
        var source = Parse(fromOptions.Any(o => o.Value == from) ? from : null);
        var target = Parse(toOptions.Any(o => o.Value == to) ? to : null);
        try
        {
            if (source is not { } f || target is not { } t)
            {
                throw new DomainException("请选择发出单位和接收单位。");
            }
            var ids = (cardIds ?? []).Distinct().ToList();
            var cards = (await CardsAtAsync(f, ct)).Where(c => ids.Contains(c.Id)).ToList();
            if (cards.Count != ids.Count)
            {
                throw new DomainException("有的卡已不在发出单位,请刷新后重新选择。");
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var handover = CardHandover.Create(Scope.TenantId, f, t, cards, Me, sender, note, Now);
            db.CardHandovers.Add(handover);
            await db.SaveChangesAsync(ct); // the hand-over's id first: each card's event names it
            handover.Dispatch(cards);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            TempData["Message"] = $"已造册移交 {cards.Count} 张卡,等待接收方清点确认。";
            return Redirect($"/handovers/{handover.Id}");
        }
        catch (Exception e) when (e is DomainException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var message = e is DomainException ? e.Message : "有的卡刚被他人办理或移交,未保存。请刷新后重新选择。";
            return await NewPageAsync(from, message, ct) ?? Forbid();
        }
    }

    [HttpGet("handovers/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var (handover, denied) = await FindAsync(id, ct);
        return handover is null ? denied! : await PageAsync(handover, null, ct);
    }

    [HttpPost("handovers/{id:long}/receive")]
    public async Task<IActionResult> Receive(long id, string? receiver, int? counted, long[]? cardIds, [FromServices] ReceiveHandover receive, CancellationToken ct) =>
        await this.AnswerAsync(await receive.HandleAsync(Actor, id, receiver, counted, cardIds ?? [], ct), $"/handovers/{id}", message => RefusedAsync(id, message, ct));

    [HttpPost("handovers/{id:long}/resolve")]
    public async Task<IActionResult> Resolve(long id, long cardId, bool found, string? responsible, string? note, [FromServices] ResolveHandoverCard resolve,
        CancellationToken ct) =>
        await this.AnswerAsync(await resolve.HandleAsync(Actor, id, cardId, found, responsible, note, ct), $"/handovers/{id}", message => RefusedAsync(id, message, ct));

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

    /// <summary>
    /// Where the user may send from and to: a clerk from the village to the town centre; the town office from
    /// its centre or a bank to its villages, its centre or a bank.
    /// </summary>
    private async Task<(List<PlaceOption> From, List<PlaceOption> To)> OptionsAsync(CancellationToken ct)
    {
        var scope = Scope;
        var places = await CardPlaces.LoadAsync(db, ct);
        if (scope.Role == Roles.VillageClerk)
        {
            var town = await db.OrgUnits.Where(u => u.Id == scope.UnitId).Select(u => u.ParentId!.Value).SingleAsync(ct);
            return ([new($"village:{scope.UnitId}", places.Unit(scope.UnitId))], [new($"town:{town}", places.Of(Custody.AtTown(town)))]);
        }
        if (scope.Role != Roles.TownOffice)
        {
            return ([], []);
        }
        var banks = places.Banks.Select(b => new PlaceOption($"bank:{b.Key}", b.Value)).ToList();
        var centre = new PlaceOption($"town:{scope.UnitId}", places.Of(Custody.AtTown(scope.UnitId)));
        var villages = await db.OrgUnits.Where(u => u.ParentId == scope.UnitId && u.Level == OrgLevel.Village).OrderBy(u => u.Code)
            .Select(u => new PlaceOption("village:" + u.Id, u.Name)).ToListAsync(ct);
        return ([centre, .. banks], [.. villages, centre, .. banks]);
    }

    private static Custody? Parse(string? value) => value?.Split(':') switch
    {
        ["village", var id] when int.TryParse(id, out var v) => Custody.AtVillage(v),
        ["town", var id] when int.TryParse(id, out var t) => Custody.AtTown(t),
        ["bank", var id] when int.TryParse(id, out var b) => Custody.AtBank(b),
        _ => null,
    };

    /// <summary>The cards lying at a place, undistributed and not already travelling; at a bank, only those of the user's villages.</summary>
    private async Task<List<Card>> CardsAtAsync(Custody place, CancellationToken ct) =>
        await Access.Cards(db, Scope)
            .Where(c => c.CustodianKind == place.Kind && c.CustodianPlaceId == place.PlaceId && c.HandoverId == null
                        && (c.State == CardState.InStock || c.State == CardState.Dormant || c.State == CardState.Returned))
            .Include(c => c.Events).OrderBy(c => c.VillageId).ThenBy(c => c.BankId).ThenBy(c => c.Id).ToListAsync(ct);
}
