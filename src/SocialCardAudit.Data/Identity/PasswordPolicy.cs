using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialCardAudit.Data.Identity;

/// <summary>A password an account used before, kept (as its hash) so it is not chosen again.</summary>
public sealed class PasswordHistory
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime ReplacedAtUtc { get; set; }
}

/// <summary>
/// The password rules an assessor reads beside the complexity rules of <see cref="AppIdentity"/>: a maximum age
/// (<c>Security:PasswordMaxAgeDays</c>, 90 by default, 0 for none) after which the next sign-in must change it,
/// and no reuse of the last <c>Security:PasswordHistory</c> passwords (5 by default, the current one included).
/// </summary>
public sealed class PasswordPolicy(IConfiguration? config = null) // the command line has no configuration: the defaults
{
    public int MaxAgeDays => config?.GetValue("Security:PasswordMaxAgeDays", 90) ?? 90;
    public int History => config?.GetValue("Security:PasswordHistory", 5) ?? 5;

    public bool Expired(AppUser user, DateTime nowUtc) =>
        MaxAgeDays > 0 && nowUtc - (user.PasswordChangedAtUtc ?? user.CreatedAtUtc) > TimeSpan.FromDays(MaxAgeDays);
}

/// <summary>Refuses a new password equal to the current one or one of the last few.</summary>
public sealed class PasswordHistoryValidator(AppDbContext db, PasswordPolicy policy) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || user.PasswordHash is null || policy.History <= 0)
        {
            return IdentityResult.Success;
        }
        var earlier = await db.PasswordHistory.Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id)
            .Take(policy.History - 1).Select(h => h.PasswordHash).ToListAsync();
        var used = earlier.Prepend(user.PasswordHash)
            .Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
        return used
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = $"新密码不能与最近 {policy.History} 次用过的密码相同。" })
            : IdentityResult.Success;
    }
}

/// <summary>Keeps the replaced password's hash in the history and the time of the change, whichever way it changes.</summary>
public sealed class AppUserManager(IUserStore<AppUser> store, IOptions<IdentityOptions> options, IPasswordHasher<AppUser> hasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators, ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger, AppDbContext db, TimeProvider time)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    /// <summary>Every way a password changes (own change, reset, temporary password) ends here before it is saved.</summary>
    protected override Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var entry = db.Entry(user);
        var replaced = entry.State == Microsoft.EntityFrameworkCore.EntityState.Added ? null : entry.Property(u => u.PasswordHash).OriginalValue;
        if (user.PasswordHash is not null && user.PasswordHash != replaced)
        {
            var now = time.GetUtcNow().UtcDateTime;
            user.PasswordChangedAtUtc = now;
            if (replaced is not null)
            {
                db.PasswordHistory.Add(new PasswordHistory { UserId = user.Id, PasswordHash = replaced, ReplacedAtUtc = now });
            }
        }
        return base.UpdateUserAsync(user);
    }
}
