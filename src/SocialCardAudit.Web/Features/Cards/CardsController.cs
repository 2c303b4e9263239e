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

public sealed record CardLine(long Id, string Holder, string IdNumberMasked, string Bank, string CardNumberMasked, string Village, CardState State, string Where, bool InTransit);

public sealed record CardList(IReadOnlyList<CardLine> Cards, IReadOnlyList<OrgUnit> Villages, int? VillageId, CardState? State, string? Query,
    IReadOnlyDictionary<CardState, int> Counts, int Page, int Total, bool IsTown, bool CanImport, bool Deceased, int DeceasedCount);

/// <summary>What a person-facing move posts: the target state and the hand-over fields the plans ask for.</summary>
public sealed record CardPage(Card Card, OrgUnit Village, int TownId, CardPlaces Places, IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<CustodyAuthorisation> Authorisations, IReadOnlyList<SecondIssueAttempt> Attempts, LostCardReport? Lost,
    bool CanManage, bool IsTown, bool IsClerk, string? Error = null, string? Form = null, MoveDetails? Posted = null)
{
    /// <summary>Set when a door-to-door finding says the holder has died: the page proposes cancelling the card.</summary>
    public string? Deceased { get; init; }
}

/// <summary>
/// The card register (社保卡台账): the list, one card with its whole history, and the moves people make —
/// issuing, face-to-face activation, returns, lost cards, second issuing, custodial authorisations.
/// </summary>
[Authorize(Roles = Access.CardStaff)]
public sealed class CardsController(AppDbContext db, IConfiguration config, CountyClock clock) : Controller
{
    private const int PageSize = 100;

    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private DateTime Now => clock.UtcNow;

    [HttpGet("cards", Name = "Cards.Index")]
    public async Task<IActionResult> Index(int? villageId, CardState? state, string? q, bool deceased = false, int page = 1, CancellationToken ct = default)
    {
        var scope = Scope;
        var query = Access.Cards(db, scope);
        if (villageId is { } v)
        {
            query = query.Where(c => c.VillageId == v);
        }
        var counts = await query.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var toCancel = query.Where(c => c.State != CardState.Cancelled && DeceasedFindings().Any(r => r.IdNumberHash == c.IdNumberHash));
        var deceasedCount = await toCancel.CountAsync(ct);
        if (deceased)
        {
            query = toCancel;
        }
        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }
        q = q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            // A name, or the last four digits of the card number (the masked form keeps them).
            query = q.Length == 4 && q.All(char.IsAsciiDigit) ? query.Where(c => c.CardNumberMasked.EndsWith(q)) : query.Where(c => c.HolderName.Contains(q));
        }
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var cards = await query.OrderBy(c => c.VillageId).ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var places = await CardPlaces.LoadAsync(db, ct);
        var lines = cards.Select(c => new CardLine(c.Id, c.HolderName, c.IdNumberMasked, places.Bank(c.BankId), c.CardNumberMasked,
            places.Unit(c.VillageId), c.State, places.Of(c.Custody), c.HandoverId is not null)).ToList();
        var villages = await Access.CardVillages(db, scope).OrderBy(u => u.Code).ToListAsync(ct);
        return View(new CardList(lines, villages, villageId, state, q, counts, page, total, scope.Role == Roles.TownOffice,
            scope.Role is Roles.TownOffice or Roles.CountySupervisor, deceased, deceasedCount));
    }

    [HttpGet("cards/{id:long}", Name = "Cards.Show")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var (card, village, denied) = await FindAsync(id, ct);
        return card is null ? denied! : await PageAsync(card, village!, null, null, null, ct);
    }

    [HttpPost("cards/{id:long}/move", Name = "Cards.Move")]
    public async Task<IActionResult> Move(long id, MoveDetails form, [FromServices] MoveCard move, CancellationToken ct) =>
        await this.AnswerAsync(await move.HandleAsync(Actor, id, form, ct), Url.RouteUrl("Cards.Show", new { id })!, message => RefusedAsync(id, "move", form, message, ct));

    [HttpPost("cards/{id:long}/second-issue", Name = "Cards.SecondIssue")]
    public async Task<IActionResult> SecondIssue(long id, MoveDetails form, bool succeeded, string? failureReason, DateOnly? attemptedOn,
        [FromServices] RecordSecondIssue record, CancellationToken ct) =>
        await this.AnswerAsync(await record.HandleAsync(Actor, id, form, succeeded, failureReason, attemptedOn, ct), Url.RouteUrl("Cards.Show", new { id })!, message => RefusedAsync(id, "second-issue", form, message, ct));

    /// <summary>The clerk registers a lost card and signs the entry with the password; the town sees it in the lost-card list.</summary>
    [HttpPost("cards/{id:long}/lost", Name = "Cards.Lost")]
    public async Task<IActionResult> Lost(long id, DateOnly? noticedOn, string? circumstances, string? password, [FromServices] ReportLostCard report,
        CancellationToken ct) =>
        await this.AnswerAsync(await report.HandleAsync(Actor, id, noticedOn, circumstances,
            async card => (await CardPlaces.LoadAsync(db, ct)).Of(card.Custody), () => this.RefusalAsync(password), ct), Url.RouteUrl("Cards.Show", new { id })!, message => RefusedAsync(id, "lost", null, message, ct));

    [HttpPost("cards/{id:long}/authorisations", Name = "Cards.RequestAuthorisation")]
    public async Task<IActionResult> RequestAuthorisation(long id, SpecialGroup? group, string? custodian, string? reason, DateOnly? from, DateOnly? to,
        [FromServices] RequestCustody request, CancellationToken ct) =>
        await this.AnswerAsync(await request.HandleAsync(Actor, id, group, custodian, reason, from, to, ct), Url.RouteUrl("Cards.Show", new { id })!, message => RefusedAsync(id, "authorisation", null, message, ct));

    [HttpPost("authorisations/{id:long}/approve", Name = "Cards.Approve")]
    public async Task<IActionResult> Approve(long id, [FromServices] DecideCustody decide, CancellationToken ct) =>
        await DecisionAsync(await decide.HandleAsync(Actor, id, approve: true, null, ct));

    [HttpPost("authorisations/{id:long}/refuse", Name = "Cards.Refuse")]
    public async Task<IActionResult> Refuse(long id, string? reason, [FromServices] DecideCustody decide, CancellationToken ct) =>
        await DecisionAsync(await decide.HandleAsync(Actor, id, approve: false, reason, ct));

    private Actor Actor => AppClaims.ActorOf(User);

    private Task<IActionResult> DecisionAsync((Result Result, long? CardId) answer) => this.AnswerAsync(answer.Result, Url.RouteUrl("Cards.Show", new { id = answer.CardId })!);

    /// <summary>The card again, with why the act was refused and what was typed.</summary>
    private async Task<IActionResult> RefusedAsync(long id, string formName, MoveDetails? form, string message, CancellationToken ct)
    {
        var (card, village, denied) = await FindAsync(id, ct);
        if (card is null)
        {
            return denied!;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await PageAsync(card, village!, message, formName, form, ct);
    }

    /// <summary>The town marks as dormant the cards left unactivated for Cards:DormantAfterDays (90 by default).</summary>
    [HttpPost("cards/dormancy", Name = "Cards.Dormancy")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Dormancy([FromServices] MarkDormantCards mark, CancellationToken ct) =>
        await this.AnswerAsync(await mark.HandleAsync(AppClaims.ActorOf(User), TimeSpan.FromDays(config.GetValue("Cards:DormantAfterDays", 90)), ct),
            Url.RouteUrl("Cards.Index", new { state = "Dormant" })!);

    /// <summary>Task rows whose door-to-door finding says the person has died; matched to cards by the ID number's blind index.</summary>
    private IQueryable<Domain.Tasks.TaskRow> DeceasedFindings() =>
        db.TaskRows.Where(r => db.VerificationRecords.Any(v => v.TaskRowId == r.Id
            && (v.Outcome == Domain.Verification.Outcome.ReceivedDeceased || v.Outcome == Domain.Verification.Outcome.NotReceivedDeceased)));

    /// <summary>The card with its events when the user's scope covers its village; 404 outside the county, 403 outside the scope.</summary>
    private async Task<(Card? Card, OrgUnit? Village, IActionResult? Denied)> FindAsync(long id, CancellationToken ct)
    {
        var card = await db.Cards.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (card is null)
        {
            return (null, null, NotFound());
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == card.VillageId, ct);
        var scope = Scope;
        return Access.Covers(scope, village) ? (card, village, null) : (null, null, Forbid());
    }

    private async Task<IActionResult> PageAsync(Card card, OrgUnit village, string? error, string? form, MoveDetails? posted, CancellationToken ct)
    {
        var authorisations = await db.CustodyAuthorisations.Where(a => a.CardId == card.Id).OrderByDescending(a => a.Id).ToListAsync(ct);
        var attempts = await db.SecondIssueAttempts.Where(a => a.CardId == card.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var lost = await db.LostCardReports.Where(r => r.CardId == card.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var ids = card.Events.Select(e => e.ById).Concat(authorisations.Select(a => a.RequestedById)).Concat(authorisations.Select(a => a.DecidedById ?? ""))
            .Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var death = card.State == CardState.Cancelled ? null : await DeceasedFindings().Where(r => r.IdNumberHash == card.IdNumberHash)
            .Select(r => new { db.VerificationRecords.First(v => v.TaskRowId == r.Id).DeathDate }).FirstOrDefaultAsync(ct);
        var scope = Scope;
        return View("Show", new CardPage(card, village, village.ParentId!.Value, await CardPlaces.LoadAsync(db, ct), names, authorisations, attempts, lost,
            Access.CanManageCards(scope, village), scope.Role == Roles.TownOffice, scope.Role == Roles.VillageClerk, error, form, posted)
        {
            Deceased = death is null ? null : $"入户核查结果:持卡人已去世{(death.DeathDate is { } d ? $"(去世时间 {d:yyyy-MM-dd})" : "")},建议注销此卡。",
        });
    }
}
