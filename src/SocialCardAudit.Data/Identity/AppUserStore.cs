using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SocialCardAudit.Data.Identity;

/// <summary>
/// Sign-in and security-stamp checks happen before the tenant is known, so looking an account up by
/// its (globally unique) login name or id must see past the tenant filter. Nothing else does.
/// </summary>
public sealed class AppUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    public override Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);

    public override Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);
}
