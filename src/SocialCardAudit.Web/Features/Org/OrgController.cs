using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.Data;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Org;

[Route("org")]
public sealed class OrgController(AppDbContext db, IAuthorizationService authorization) : Controller
{
    /// <summary>One unit of the user's part of the hierarchy. Another tenant's unit is simply not found.</summary>
    [HttpGet("units/{id:int}", Name = "Org.Unit")]
    public async Task<IActionResult> Unit(int id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FindAsync([id], ct);
        if (unit is null)
        {
            return NotFound();
        }
        if (!await authorization.InScopeAsync(User, unit))
        {
            return Forbid();
        }
        return View(await UnitOverview.LoadAsync(db, unit, AppClaims.ScopeOf(User)!, ct));
    }
}
