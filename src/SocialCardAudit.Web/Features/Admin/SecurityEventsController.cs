using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Admin;

public sealed record SecurityEventPage(IReadOnlyList<SecurityEvent> Events, int Page, bool HasNext, SecurityEventKind? Kind);

/// <summary>The tenant's record of sign-ins, failures, denials and account changes.</summary>
[Route("admin/security-events")]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class SecurityEventsController(AppDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, SecurityEventKind? kind = null, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = db.SecurityEvents.AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }
        var events = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return View(new SecurityEventPage(events.Take(PageSize).ToList(), page, events.Count > PageSize, kind));
    }
}
