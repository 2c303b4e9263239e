using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.Data;
using SocialCardAudit.Web.Features.Org;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Home;

[Route("")]
public sealed class HomeController(AppDbContext db) : Controller
{
    /// <summary>The home page of the account's role, over its own unit.</summary>
    [HttpGet("")]
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
        return View(await UnitOverview.LoadAsync(db, unit, scope, ct));
    }

    [AllowAnonymous]
    [AllowWithTemporaryPassword]
    [Route("status/{code:int}")] // any method: a failed POST is re-executed as a POST
    public IActionResult Status(int code) => View("Status", code);

    [AllowAnonymous]
    [AllowWithTemporaryPassword]
    [Route("error")]
    public IActionResult Error() => View("Status", 500);
}
