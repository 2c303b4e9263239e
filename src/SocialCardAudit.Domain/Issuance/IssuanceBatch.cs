using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Domain.Issuance;

/// <summary>
/// A making batch (制卡批次): the verified people of a town sent to one bank to be made, 批量 through the bank or
/// 即时 at a branch. The bank's answer comes back person by person (made with the card's number, or failed with
/// its reason), from its results file or entered at the branch.
/// </summary>
public sealed class IssuanceBatch : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int TownId { get; set; }
    public int BankId { get; set; }
    public MakingRoute Route { get; set; }

    /// <summary>The batch's number within the campaign, 1, 2, …: what the bank's results file refers to.</summary>
    public int Number { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public static string DisplayName(MakingRoute route) => route == MakingRoute.Instant ? "即时制卡" : "批量制卡";
}

/// <summary>The person's photo for the card, and the signed receipt of the issue (领卡签收表 photo or a drawn signature).</summary>
public enum IssuanceAttachmentKind
{
    Photo = 1,
    ReceiptPhoto = 2,
    ReceiptSignature = 3,
}

/// <summary>A picture kept with a case, encrypted like the findings' attachments.</summary>
public sealed class IssuanceAttachment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int TenantId { get; set; }
    public long CaseId { get; set; }
    public IssuanceAttachmentKind Kind { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Cipher { get; set; }
    public int Size { get; set; }
    public required string UploadedById { get; set; }
    public DateTime UploadedAtUtc { get; set; }

    public static string DisplayName(IssuanceAttachmentKind kind) => kind switch
    {
        IssuanceAttachmentKind.Photo => "制卡照片",
        IssuanceAttachmentKind.ReceiptPhoto => "领卡签收表照片",
        _ => "领卡人手写签名",
    };
}

/// <summary>A comparison list (数据比对名单) imported into an issuance campaign: the people without a card, with what the comparison found.</summary>
public sealed class ComparisonImport : ImportJob
{
    public int CampaignId { get; set; }

    public ComparisonImport() => Kind = ImportKind.ComparisonList;

    public static ComparisonImport For(int tenantId, int campaignId, string? fileName, Stream file, string userId, string userName, DateTime nowUtc)
    {
        var (size, sha) = Identify(file);
        return new()
        {
            TenantId = tenantId, CampaignId = campaignId, FileName = SafeName(fileName), FileSize = size, Sha256 = sha,
            UserId = userId, UserName = userName, CreatedAtUtc = nowUtc,
        };
    }
}
