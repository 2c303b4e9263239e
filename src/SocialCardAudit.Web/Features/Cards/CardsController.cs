using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Cards;

public sealed record CardLine(long Id, string Holder, string IdNumberMasked, string Bank, string CardNumberMasked, string Village, CardState State, string Where, bool InTransit);

public sealed record CardList(IReadOnlyList<CardLine> Cards, IReadOnlyList<OrgUnit> Villages, int? VillageId, CardState? State, string? Query,
    IReadOnlyDictionary<CardState, int> Counts, int Page, int Total, bool IsTown, bool CanImport, bool Deceased, int DeceasedCount);

/// <summary>What a person-facing move posts: the target state and the hand-over fields the plans ask for.</summary>
public sealed class MoveForm
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
}

public sealed record CardPage(Card Card, OrgUnit Village, int TownId, CardPlaces Places, IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<CustodyAuthorisation> Authorisations, IReadOnlyList<SecondIssueAttempt> Attempts, LostCardReport? Lost,
    bool CanManage, bool IsTown, bool IsClerk, string? Error = null, string? Form = null, MoveForm? Posted = null)
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

    [HttpGet("cards")]
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

    [HttpGet("cards/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var (card, village, denied) = await FindAsync(id, ct);
        return card is null ? denied! : await PageAsync(card, village!, null, null, null, ct);
    }

    [HttpPost("cards/{id:long}/move")]
    public Task<IActionResult> Move(long id, MoveForm form, CancellationToken ct) =>
        ActAsync(id, "move", form, async (card, village) =>
        {
            var to = form.To ?? throw new DomainException("请选择要办理的事项。");
            card.Move(to, How(card, village, form), await AuthorisationsAsync(card, ct), clock);
            return $"已办理:{CardLifecycle.DisplayName(to)}。";
        }, ct);

    [HttpPost("cards/{id:long}/second-issue")]
    public Task<IActionResult> SecondIssue(long id, MoveForm form, bool succeeded, string? failureReason, DateOnly? attemptedOn, CancellationToken ct) =>
        ActAsync(id, "second-issue", form, async (card, village) =>
        {
            form.ToPlace ??= "town"; // a failed attempt recalls the card to the town centre unless another place is named
            db.SecondIssueAttempts.Add(Domain.Cards.SecondIssueAttempt.Record(card, attemptedOn ?? clock.Today, succeeded, failureReason,
                How(card, village, form), await AuthorisationsAsync(card, ct), clock));
            return succeeded ? "已记录二次发放:发放成功。" : "已记录二次发放未成功,并登记回收。";
        }, ct);

    /// <summary>The clerk registers a lost card and signs the entry with the password; the town sees it in the lost-card list.</summary>
    [HttpPost("cards/{id:long}/lost")]
    public Task<IActionResult> Lost(long id, DateOnly? noticedOn, string? circumstances, string? password, CancellationToken ct) =>
        ActAsync(id, "lost", null, async (card, _) =>
        {
            if (noticedOn is null || string.IsNullOrWhiteSpace(circumstances))
            {
                throw new DomainException("请填写发现遗失的日期和遗失经过。"); // before the password, so an incomplete form costs no attempt
            }
            if (await this.RefusalAsync(password) is { } refusal)
            {
                throw new DomainException(refusal);
            }
            var places = await CardPlaces.LoadAsync(db, ct);
            db.LostCardReports.Add(LostCardReport.File(card, places.Of(card.Custody), noticedOn, circumstances, Me, AppClaims.NameOf(User), clock));
            return "已登记遗失卡并签字,已报镇社会事业综合服务中心。";
        }, ct, Roles.VillageClerk);

    [HttpPost("cards/{id:long}/authorisations")]
    public Task<IActionResult> RequestAuthorisation(long id, SpecialGroup? group, string? custodian, string? reason, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        ActAsync(id, "authorisation", null, (card, _) =>
        {
            db.CustodyAuthorisations.Add(CustodyAuthorisation.Request(card.TenantId, card.Id, group, custodian, reason, from, to, Me, Now));
            return Task.FromResult("已提交代管申请,待镇审批。");
        }, ct, Roles.VillageClerk);

    [HttpPost("authorisations/{id:long}/approve")]
    public Task<IActionResult> Approve(long id, CancellationToken ct) =>
        DecideAsync(id, a => a.Approve(Me, Now), "已批准代管申请。", ct);

    [HttpPost("authorisations/{id:long}/refuse")]
    public Task<IActionResult> Refuse(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, a => a.Refuse(Me, reason, Now), "已不予批准。", ct);

    /// <summary>
    /// The town marks as dormant (睡眠卡) every card of its villages left unactivated for the configured period
    /// (Cards:DormantAfterDays, 90 by default) since it was issued or stocked.
    /// </summary>
    [HttpPost("cards/dormancy")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Dormancy(CancellationToken ct)
    {
        var period = TimeSpan.FromDays(config.GetValue("Cards:DormantAfterDays", 90));
        var before = Now - period;
        var cards = await Access.Cards(db, Scope)
            .Where(c => (c.State == CardState.Issued || c.State == CardState.InStock) && c.HandoverId == null && c.SinceUtc <= before)
            .ToListAsync(ct);
        foreach (var card in cards)
        {
            card.FallDormant(period, Me, Now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Message"] = cards.Count == 0 ? $"没有发放或入库满 {period.TotalDays:0} 天仍未激活的卡。" : $"已认定 {cards.Count} 张睡眠卡。";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "有卡片刚被他人办理,请重新认定。";
        }
        return Redirect("/cards?state=Dormant");
    }

    /// <summary>Task rows whose door-to-door finding says the person has died; matched to cards by the ID number's blind index.</summary>
    private IQueryable<Domain.Tasks.TaskRow> DeceasedFindings() =>
        db.TaskRows.Where(r => db.VerificationRecords.Any(v => v.TaskRowId == r.Id
            && (v.Outcome == Domain.Verification.Outcome.ReceivedDeceased || v.Outcome == Domain.Verification.Outcome.NotReceivedDeceased)));

    private CardMove How(Card card, OrgUnit village, MoveForm form)
    {
        Custody? place = form.ToPlace switch
        {
            "village" => Custody.AtVillage(village.Id),
            "town" => Custody.AtTown(village.ParentId!.Value),
            "bank" => Custody.AtBank(card.BankId),
            _ => null,
        };
        return new CardMove(Me, form.Responsible ?? AppClaims.NameOf(User), form.Method ?? CardMethod.InPerson, form.Place, form.Note)
        {
            Recipient = form.Recipient, RecipientName = form.RecipientName, ProxyRelation = form.ProxyRelation, To = place,
        };
    }

    private async Task<List<CustodyAuthorisation>> AuthorisationsAsync(Card card, CancellationToken ct) =>
        await db.CustodyAuthorisations.Where(a => a.CardId == card.Id).ToListAsync(ct);

    /// <summary>
    /// One act on one card by someone who may manage it (and has <paramref name="role"/>, when one is named): a
    /// refusal re-shows the card with the reason and what was typed; two people acting on the same card at once
    /// cannot both succeed (the version is checked).
    /// </summary>
    private async Task<IActionResult> ActAsync(long id, string formName, MoveForm? form, Func<Card, OrgUnit, Task<string>> act, CancellationToken ct,
        string? role = null)
    {
        var (card, village, denied) = await FindAsync(id, ct);
        if (card is null)
        {
            return denied!;
        }
        if (!Access.CanManageCards(Scope, village!) || (role is not null && Scope.Role != role))
        {
            return Forbid();
        }
        try
        {
            var done = await act(card, village!);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = done;
            return Redirect($"/cards/{id}");
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            var fresh = (await FindAsync(id, ct)).Card!;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await PageAsync(fresh, village!, e.Message, formName, form, ct);
        }
        catch (DbUpdateException)
        {
            TempData["Error"] = "他人刚刚办理了这张卡,未保存。请查看最新状态后再办理。";
            return Redirect($"/cards/{id}");
        }
    }

    private async Task<IActionResult> DecideAsync(long id, Action<CustodyAuthorisation> decide, string done, CancellationToken ct)
    {
        var authorisation = await db.CustodyAuthorisations.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (authorisation is null)
        {
            return NotFound();
        }
        var (card, village, denied) = await FindAsync(authorisation.CardId, ct);
        if (card is null)
        {
            return denied!;
        }
        if (Scope.Role != Roles.TownOffice || !Access.Covers(Scope, village!))
        {
            return Forbid();
        }
        try
        {
            decide(authorisation);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = done;
        }
        catch (DomainException e)
        {
            TempData["Error"] = e.Message;
        }
        return Redirect($"/cards/{card.Id}");
    }

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

    private async Task<IActionResult> PageAsync(Card card, OrgUnit village, string? error, string? form, MoveForm? posted, CancellationToken ct)
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
