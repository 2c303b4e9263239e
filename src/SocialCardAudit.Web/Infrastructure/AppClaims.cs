using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>The claims an account carries in its cookie: tenant, unit, scope code, real name.</summary>
public static class AppClaims
{
    public const string TenantId = "sca:tenant";
    public const string UnitId = "sca:unit";
    public const string UnitCode = "sca:unit-code";
    public const string UnitName = "sca:unit-name";
    public const string FullName = "sca:name";
    public const string MustChangePassword = "sca:must-change-password";
    public const string MustEnrolTwoFactor = "sca:must-enrol-two-factor";

    /// <summary>This sign-in's own id, so signing out ends this session on the server (<see cref="Data.Security.EndedSession"/>).</summary>
    public const string SessionId = "sca:sid";

    /// <summary>When this session began: no session outlives <c>Security:MaxSessionHours</c>, however active.</summary>
    public const string SignedInAt = "sca:signed-in-at";

    /// <summary>The county's time zone, for its <see cref="CountyClock"/>.</summary>
    public const string TimeZone = "sca:tz";

    public static int? TenantOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TenantId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The scope of a signed-in account; null for anonymous or incomplete principals.</summary>
    public static UserScope? ScopeOf(ClaimsPrincipal user)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        if (TenantOf(user) is not { } tenant || role is null
            || !int.TryParse(user.FindFirstValue(UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var unit)
            || user.FindFirstValue(UnitCode) is not { } code)
        {
            return null;
        }
        return new UserScope(tenant, role, unit, code);
    }

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";

    /// <summary>The signed-in account as the one who acts in a use case.</summary>
    public static UseCases.Access.Actor ActorOf(ClaimsPrincipal user) =>
        new(ScopeOf(user) ?? throw new InvalidOperationException("No scope for a signed-in account."), user.FindFirstValue(ClaimTypes.NameIdentifier)!, NameOf(user));
}

/// <summary>Adds <see cref="AppClaims"/> to the principal Identity builds at sign-in and at each stamp check.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db,
    PasswordPolicy passwords, TimeProvider time)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Built before the tenant is known (sign-in, stamp check), so the unit is read past the filter, by key.
        var unit = await db.OrgUnits.IgnoreQueryFilters()
            .SingleAsync(u => u.Id == user.OrgUnitId && u.TenantId == user.TenantId);
        identity.AddClaim(new Claim(AppClaims.TenantId, user.TenantId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.UnitId, unit.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.UnitCode, unit.Code));
        identity.AddClaim(new Claim(AppClaims.SessionId, Guid.NewGuid().ToString()));
        identity.AddClaim(new Claim(AppClaims.SignedInAt, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        var tenant = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => new { t.TimeZone, t.TwoFactorForStaff }).SingleAsync();
        identity.AddClaim(new Claim(AppClaims.TimeZone, tenant.TimeZone));
        identity.AddClaim(new Claim(AppClaims.UnitName, unit.Name));
        identity.AddClaim(new Claim(AppClaims.FullName, user.FullName));
        // Before anything else: a temporary or too old password is changed, then a required second factor is set up.
        if (user.MustChangePassword || passwords.Expired(user, time.GetUtcNow().UtcDateTime))
        {
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, user.MustChangePassword ? "temporary" : "expired"));
        }
        else if (!user.TwoFactorEnabled && tenant.TwoFactorForStaff && Features.Account.TwoFactor.RequiredFor(await UserManager.GetRolesAsync(user)))
        {
            identity.AddClaim(new Claim(AppClaims.MustEnrolTwoFactor, "1"));
        }
        return identity;
    }
}

/// <summary>The tenant of the signed-in account; none (so nothing tenant-owned is readable) otherwise.</summary>
public sealed class HttpTenantContext(IHttpContextAccessor http) : ITenantContext
{
    public int? TenantId => http.HttpContext is { } ctx ? AppClaims.TenantOf(ctx.User) : null;
}

/// <summary>A disabled account cannot sign in, whatever its password.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger, Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
