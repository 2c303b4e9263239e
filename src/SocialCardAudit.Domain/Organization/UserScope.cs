namespace SocialCardAudit.Domain.Organization;

/// <summary>
/// What one account may see: its tenant and the subtree of its unit. A county supervisor or
/// administrator sees the whole county, a town office its town, a village clerk or verifier
/// their village. The tenant boundary is also enforced by the database query filter; this
/// decides the part of the tenant.
/// </summary>
public sealed record UserScope(int TenantId, string Role, int UnitId, string UnitCode)
{
    public OrgLevel Level => Roles.UnitLevel(Role);

    public bool Covers(int tenantId, string unitCode) =>
        tenantId == TenantId && OrgCode.IsWithin(unitCode, UnitCode);

    public bool IsCountyWide => Level == OrgLevel.County;
}
