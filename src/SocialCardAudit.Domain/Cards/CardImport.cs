namespace SocialCardAudit.Domain.Cards;

/// <summary>One bank or card-system export entered into a town's card register: the file, who, when, what came of it.</summary>
public sealed class CardImport : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int TownId { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public required string Sha256 { get; set; }
    public required string UserId { get; set; }
    public DateTime AtUtc { get; set; }
    public int Imported { get; set; }
    public int AlreadyPresent { get; set; }
    public int Rejected { get; set; }
    public int Flagged { get; set; }

    /// <summary>Why the whole file was refused, in Chinese; null when rows were stored.</summary>
    public string? Message { get; set; }

    /// <summary>
    /// What else the file said, one line each, for the result page: the sheets read and those without a header,
    /// rows left aside (footers, notes, the template's example) and, for cards, those to check. No full numbers.
    /// </summary>
    public string? Notes { get; set; }

    /// <summary>The rejected rows as .xlsx, encrypted: they hold ID and card numbers.</summary>
    public byte[]? ErrorReportCipher { get; set; }
}
