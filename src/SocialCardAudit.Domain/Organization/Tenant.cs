namespace SocialCardAudit.Domain.Organization;

/// <summary>A county (县/区): the tenant. Everything else belongs to exactly one.</summary>
public sealed class Tenant
{
    public int Id { get; set; }

    /// <summary>Short code used by scripts and the CLI, e.g. "demo".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The county's time zone (IANA id): the time its pages and papers show and its days and weeks.</summary>
    public string TimeZone { get; set; } = CountyClock.DefaultZoneId;

    /// <summary>
    /// Whether administrators, county supervisors and town offices must sign in with a second factor (an
    /// authenticator app's code); village accounts may choose it.
    /// </summary>
    public bool TwoFactorForStaff { get; set; }
}
