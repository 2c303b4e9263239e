namespace SocialCardAudit.Data;

/// <summary>The tenant whose data the current unit of work may read and write; null reads nothing.</summary>
public interface ITenantContext
{
    int? TenantId { get; }
}

/// <summary>A tenant fixed for the lifetime of a context: command-line verbs, seeding, tests.</summary>
public sealed class FixedTenant(int? tenantId) : ITenantContext
{
    public int? TenantId { get; } = tenantId;
}
