
namespace SocialCardAudit.Domain.Organization;

/// <summary>A cooperating bank (合作银行) of the county: the cards are its bank cards.</summary>
public sealed class Bank : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
}
