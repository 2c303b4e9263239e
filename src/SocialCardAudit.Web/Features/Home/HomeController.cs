using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.Web.Features.Org;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Home;

[Route("")]
public sealed class HomeController(AppDbContext db, Domain.Organization.CountyClock clock) : Controller
{
    /// <summary>The home page of the account's role, over its own unit.</summary>
    [HttpGet("", Name = "Home.Index")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (AppClaims.ScopeOf(User) is not { } scope)
        {
            return Forbid();
        }
        var unit = await db.OrgUnits.FindAsync([scope.UnitId], ct);
        if (unit is null)
        {
            return Forbid();
        }
        ViewData["Role"] = scope.Role;
        ViewData["Notices"] = await NoticesAsync(scope, ct);
        ViewData["Queue"] = await WorkQueue.LoadAsync(db, scope, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock, Url, ct);
        return View(await UnitOverview.LoadAsync(db, unit, scope, ct));
    }

    /// <summary>
    /// What waits for this account: submitted villages for the town to review; a returned village, with the reason,
    /// for its clerk; card hand-overs to count and confirm; for the town, custody requests. The counts of waiting work are the <see cref="WorkQueue"/>'s.
    /// </summary>
    private async Task<IReadOnlyList<(string Text, string Link)>> NoticesAsync(Domain.Organization.UserScope scope, CancellationToken ct)
    {
        var notices = new List<(string Text, string Link)>();
        var open = db.VillageSubmissions.Where(v => db.Campaigns.Any(c => c.Id == v.CampaignId && c.ClosedAtUtc == null));
        if (scope.Role == Domain.Organization.Roles.TownOffice)
        {
            notices.AddRange((await open.Where(v => v.State == Domain.SignOff.SubmissionState.Submitted
                        && db.OrgUnits.Any(u => u.Id == v.VillageId && u.ParentId == scope.UnitId))
                    .Select(v => new { v.CampaignId, v.VillageId, Village = db.OrgUnits.Where(u => u.Id == v.VillageId).Select(u => u.Name).First() })
                    .ToListAsync(ct))
                .Select(v => ($"{v.Village}已签字提交分类统计表,待审核。", Url.RouteUrl("SignOff.Index", new { id = v.CampaignId, villageId = v.VillageId })!)));
            var cards = Access.Cards(db, scope);
            foreach (var a in await db.CustodyAuthorisations.Where(a => a.State == AuthorisationState.Requested && cards.Any(c => c.Id == a.CardId))
                         .Select(a => new { a.CardId, a.CustodianName }).ToListAsync(ct))
            {
                notices.Add(($"代管申请待审批:{a.CustodianName}。", Url.RouteUrl("Cards.Show", new { id = a.CardId })!));
            }
        }
        if (scope.Role == Domain.Organization.Roles.VillageClerk)
        {
            var returned = await open.Include(v => v.Steps).Where(v => v.VillageId == scope.UnitId && v.State == Domain.SignOff.SubmissionState.Returned).ToListAsync(ct);
            notices.AddRange(returned.Select(v => ($"分类统计表已被镇退回:{v.Steps.OrderBy(s => s.AtUtc).Last().Reason}", Url.RouteUrl("SignOff.Index", new { id = v.CampaignId, villageId = v.VillageId })!)));
        }
        // Hand-overs waiting for this side to count: to the town centre for the town office, to the village for its clerk.
        var receiving = scope.Role switch
        {
            Domain.Organization.Roles.TownOffice => CustodianKind.TownCentre,
            Domain.Organization.Roles.VillageClerk => CustodianKind.Village,
            _ => (CustodianKind?)null,
        };
        if (receiving is { } kind)
        {
            notices.AddRange((await db.CardHandovers.Where(h => h.State == HandoverState.Sent && h.ToKind == kind && h.ToPlaceId == scope.UnitId)
                    .Select(h => new { h.Id, h.Sender, Count = h.Lines.Count }).ToListAsync(ct))
                .Select(h => ($"{h.Sender}移交的 {h.Count} 张卡待清点接收(交接单第 {h.Id} 号)。", Url.RouteUrl("Handovers.Show", new { id = h.Id })!)));
        }
        return notices;
    }

    [AllowAnonymous]
    [AllowWithTemporaryPassword]
    [IgnoreAntiforgeryToken] // it changes nothing, and the refused request's form may be unreadable (too large)
    [Route("status/{code:int}")] // any method: a failed POST is re-executed as a POST
    public IActionResult Status([FromRoute] int code) => View("Status", code);

    [AllowAnonymous]
    [AllowWithTemporaryPassword]
    [IgnoreAntiforgeryToken]
    [Route("error")]
    public IActionResult Error() => View("Status", 500);
}
