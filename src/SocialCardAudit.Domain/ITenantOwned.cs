namespace SocialCardAudit.Domain;

/// <summary>Data that belongs to one county. The database filters it by the current tenant, always.</summary>
public interface ITenantOwned
{
    int TenantId { get; set; }
}
