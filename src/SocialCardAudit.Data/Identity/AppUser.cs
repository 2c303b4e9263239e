using Microsoft.AspNetCore.Identity;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data.Identity;

/// <summary>A real-name account (实名制): one person, one tenant, one unit, one role.</summary>
public sealed class AppUser : IdentityUser, ITenantOwned
{
    public int TenantId { get; set; }
    public required string FullName { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Disabled accounts cannot sign in; disabling also renews the security stamp, so open sessions end.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set after an administrator's password reset: the user chooses a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; } = DateTime.UtcNow;

    /// <summary>When the password was last set; with <see cref="CreatedAtUtc"/>, what the maximum age counts from.</summary>
    public DateTime? PasswordChangedAtUtc { get; set; }
}
