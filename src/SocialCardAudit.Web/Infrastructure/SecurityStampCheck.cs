using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>
/// Checks every request's cookie against the account: one query for its security stamp and disabled flag.
/// A disabled account, a reset password or a changed role or unit (all renew the stamp) ends the session on
/// its next request; the user signs in again and gets the new claims. This replaces Identity's validator,
/// which, checked on every request, rebuilds the whole principal and re-issues the cookie each time.
/// </summary>
public static class SecurityStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            // Before the tenant is known (the cookie is what tells it): by key, past the filter.
            var current = await db.Users.IgnoreQueryFilters().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is { IsDisabled: false } && current.SecurityStamp == stamp)
            {
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
