namespace SocialCardAudit.Domain.Organization;

/// <summary>Another name a village goes by in files from the card system (e.g. 迎丰 for 迎丰社区).</summary>
public sealed class VillageAlias : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int VillageId { get; set; }
    public required string Alias { get; set; }
}
