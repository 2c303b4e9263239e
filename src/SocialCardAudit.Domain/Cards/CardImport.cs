using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Domain.Cards;

/// <summary>One bank or card-system export entered into a town's card register.</summary>
public sealed class CardImport : ImportJob
{
    public int TownId { get; set; }

    public CardImport() => Kind = ImportKind.CardRegister;

    public static CardImport For(int tenantId, int townId, string? fileName, Stream file, string userId, string userName, DateTime nowUtc)
    {
        var (size, sha) = Identify(file);
        return new()
        {
            TenantId = tenantId, TownId = townId, FileName = SafeName(fileName), FileSize = size, Sha256 = sha,
            UserId = userId, UserName = userName, CreatedAtUtc = nowUtc,
        };
    }
}
