using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Cards;

public sealed record LostLine(long Id, long CardId, string Holder, string CardNumberMasked, string Village, DateOnly NoticedOn, string LastCustodian,
    string Circumstances, string SignedBy, DateTime SignedAtUtc, bool Acknowledged);

/// <summary>Stock cards (附件1), a village's custody ledger and the lost-card register: computed from the card register, on screen and as files.</summary>
[Authorize(Roles = Access.CardStaff)]
public sealed class StockController(AppDbContext db, CountyClock clock) : Controller
{
    private const string Views = "/Features/Cards/";
    private const string Format = "{format:regex(^(xlsx|pdf)$)}";
    private const int LedgerOnScreen = 500;

    private UserScope Scope => AppClaims.ScopeOf(User)!;

    [HttpGet("stock-cards", Name = "Stock.Stock")]
    public async Task<IActionResult> Stock(CancellationToken ct) => View(Views + "Stock.cshtml", await StockAsync(ct));

    [HttpGet("stock-cards." + Format, Name = "Stock.StockDocument")]
    public async Task<IActionResult> StockDocument(string format, CancellationToken ct)
    {
        var page = await StockAsync(ct);
        return this.Document(format, () => CardDocuments.StockXlsx(page, clock), () => CardDocuments.StockPdf(page, clock), page.Title);
    }

    [HttpGet("villages/{villageId:int}/card-ledger", Name = "Stock.Ledger")]
    public async Task<IActionResult> Ledger(int villageId, CancellationToken ct)
    {
        var (village, denied) = await VillageAsync(villageId, ct);
        return village is null ? denied! : View(Views + "Ledger.cshtml", await LedgerAsync(village, LedgerOnScreen, ct));
    }

    [HttpGet("villages/{villageId:int}/card-ledger." + Format, Name = "Stock.LedgerDocument")]
    public async Task<IActionResult> LedgerDocument(int villageId, string format, CancellationToken ct)
    {
        var (village, denied) = await VillageAsync(villageId, ct);
        if (village is null)
        {
            return denied!;
        }
        var page = await LedgerAsync(village, int.MaxValue, ct);
        return this.Document(format, () => CardDocuments.LedgerXlsx(page, clock), () => CardDocuments.LedgerPdf(page, clock), $"{village.Name}-社保卡流转台账");
    }

    [HttpGet("lost-cards", Name = "Stock.Lost")]
    public async Task<IActionResult> Lost(CancellationToken ct)
    {
        var cards = Access.Cards(db, Scope);
        var places = await CardPlaces.LoadAsync(db, ct);
        var reports = await (from r in db.LostCardReports
                             join c in cards on r.CardId equals c.Id
                             join u in db.Users on r.SignedById equals u.Id into signers
                             from u in signers.DefaultIfEmpty()
                             orderby r.AcknowledgedAtUtc != null, r.Id descending
                             select new { r, c.HolderName, c.CardNumberMasked, Signer = u == null ? "" : u.FullName })
            .Take(500).ToListAsync(ct);
        var lines = reports.Select(x => new LostLine(x.r.Id, x.r.CardId, x.HolderName, x.CardNumberMasked, places.Unit(x.r.VillageId), x.r.NoticedOn,
            x.r.LastCustodian, x.r.Circumstances, x.Signer, x.r.SignedAtUtc, x.r.AcknowledgedAtUtc is not null)).ToList();
        ViewData["IsTown"] = Scope.Role == Roles.TownOffice;
        return View(Views + "Lost.cshtml", lines);
    }

    /// <summary>The town confirms it has received a village's lost-card report.</summary>
    [HttpPost("lost-cards/{id:long}/acknowledge", Name = "Stock.Acknowledge")]
    [Authorize(Roles = Roles.TownOffice)]
    public async Task<IActionResult> Acknowledge(long id, [FromServices] AcknowledgeLostCard acknowledge, CancellationToken ct) =>
        await this.AnswerAsync(await acknowledge.HandleAsync(AppClaims.ActorOf(User), id, ct), Url.RouteUrl("Stock.Lost")!);

    private async Task<(OrgUnit? Village, IActionResult? Denied)> VillageAsync(int villageId, CancellationToken ct)
    {
        var village = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == villageId && u.Level == OrgLevel.Village, ct);
        return village is null ? (null, NotFound()) : Access.Covers(Scope, village) ? (village, null) : (null, Forbid());
    }

    /// <summary>
    /// Undistributed cards (库存, 睡眠卡 or 已退回, lying at a bank, the town or the village) per village and bank, counted
    /// by the database; "reported" is the village's last hand-over of cards to the town centre (造册移交).
    /// For the county, one line per town.
    /// </summary>
    private async Task<StockPage> StockAsync(CancellationToken ct)
    {
        var scope = Scope;
        var places = await CardPlaces.LoadAsync(db, ct);
        var villages = await Access.CardVillages(db, scope).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var counts = await Access.Cards(db, scope)
            .Where(c => (c.State == CardState.InStock || c.State == CardState.Dormant || c.State == CardState.Returned)
                        && (c.CustodianKind == CustodianKind.Bank || c.CustodianKind == CustodianKind.TownCentre || c.CustodianKind == CustodianKind.Village))
            .GroupBy(c => new { c.VillageId, c.BankId, AtTown = c.CustodianKind == CustodianKind.TownCentre })
            .Select(g => new { g.Key.VillageId, g.Key.BankId, g.Key.AtTown, Count = g.Count() })
            .ToListAsync(ct);
        var ids = villages.Select(v => v.Id).ToList();
        var reports = (await db.CardHandovers.Where(h => h.FromKind == CustodianKind.Village && ids.Contains(h.FromPlaceId) && h.ToKind == CustodianKind.TownCentre)
                .Select(h => new { h.FromPlaceId, h.Sender, h.SentAtUtc }).ToListAsync(ct))
            .GroupBy(h => h.FromPlaceId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.SentAtUtc)!);
        var lines = villages.Select(v => new StockLine(v.Id, v.Name,
            places.Banks.Keys.ToDictionary(b => b, b => counts.Where(c => c.VillageId == v.Id && c.BankId == b).Sum(c => c.Count)),
            counts.Where(c => c.VillageId == v.Id && c.AtTown).Sum(c => c.Count),
            reports.GetValueOrDefault(v.Id)?.Sender, reports.GetValueOrDefault(v.Id)?.SentAtUtc)).ToList();
        var byTown = scope.Role == Roles.CountySupervisor;
        if (byTown)
        {
            lines = [.. villages.GroupBy(v => v.ParentId!.Value).Select(g => Sum(g.Key, places.Unit(g.Key), lines.Where(l => g.Any(v => v.Id == l.UnitId)).ToList()))
                .OrderBy(l => l.Name, StringComparer.Ordinal)];
        }
        var title = scope.Role switch
        {
            Roles.CountySupervisor => "各乡镇社保卡库存卡清理汇总表",
            Roles.TownOffice => $"{places.Unit(scope.UnitId)}社保卡村(社区)库存卡清理汇总表",
            _ => $"{places.Unit(scope.UnitId)}社保卡库存卡清理表",
        };
        return new StockPage(title, places.Banks, lines, Sum(0, "合计", lines), byTown);
    }

    private static StockLine Sum(int id, string name, IReadOnlyList<StockLine> lines) =>
        new(id, name, lines.SelectMany(l => l.ByBank).GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.Sum(b => b.Value)),
            lines.Sum(l => l.AtTown), null, null);

    private async Task<LedgerPage> LedgerAsync(OrgUnit village, int take, CancellationToken ct)
    {
        var places = await CardPlaces.LoadAsync(db, ct);
        var events = db.CardEvents.Join(db.Cards.Where(c => c.VillageId == village.Id), e => e.CardId, c => c.Id, (e, c) => new { e, c });
        var total = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(x => x.e.AtUtc).ThenByDescending(x => x.e.Id).Take(take)
            .Select(x => new { x.e, x.c.HolderName, x.c.CardNumberMasked, x.c.BankId }).ToListAsync(ct);
        var userIds = rows.Select(r => r.e.ById).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var entries = rows.Select(r => new LedgerEntry(r.e.AtUtc, r.HolderName, r.CardNumberMasked, places.Bank(r.BankId), r.e.Action,
            CardLifecycle.DisplayName(r.e.ToState), places.Of(r.e.Custody), r.e.Responsible, CardMethods.DisplayName(r.e.Method), r.e.Place, r.e.Note,
            names.GetValueOrDefault(r.e.ById, "系统"))).ToList();
        return new LedgerPage(village, entries, total);
    }
}
