using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>
/// Checks every request's cookie against the account and the session: one query for the security stamp, the
/// disabled flag and whether this session was signed out. A disabled account, a reset password or a changed role
/// or unit (all renew the stamp) ends every session on its next request; signing out ends this one, so a copy of
/// the cookie is worth nothing afterwards; no session outlives <c>Security:MaxSessionHours</c>. This replaces
/// Identity's validator, which, checked on every request, rebuilds the whole principal and re-issues the cookie.
/// </summary>
public static class SecurityStampCheck
{
    /// <summary>The longest a session may last (<c>Security:MaxSessionHours</c>, 12 by default).</summary>
    public static TimeSpan MaxSession(IConfiguration config) => TimeSpan.FromHours(config.GetValue("Security:MaxSessionHours", 12));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        var session = Guid.TryParse(principal?.FindFirstValue(AppClaims.SessionId), out var sid) ? sid : (Guid?)null;
        var began = DateTime.TryParse(principal?.FindFirstValue(AppClaims.SignedInAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : (DateTime?)null;
        var services = context.HttpContext.RequestServices;
        var maxSession = MaxSession(services.GetRequiredService<IConfiguration>());
        if (userId is not null && stamp is not null && session is { } id && began is { } start
            && DateTime.UtcNow - start < maxSession)
        {
            var db = services.GetRequiredService<AppDbContext>();
            // Before the tenant is known (the cookie is what tells it): by key, past the filter.
            var current = await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsDisabled, Ended = db.EndedSessions.Any(s => s.Id == id) })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is { IsDisabled: false, Ended: false } && current.SecurityStamp == stamp)
            {
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
