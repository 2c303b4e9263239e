namespace SocialCardAudit.Domain.Verification;

public enum AttachmentKind
{
    /// <summary>A photo of the signed paper detail table.</summary>
    SheetPhoto = 1,

    /// <summary>A signature drawn on the phone's screen.</summary>
    DrawnSignature = 2,
}

/// <summary>A picture kept with a finding. It shows a person's signature and details, so it is stored encrypted.</summary>
public sealed class FindingAttachment : ITenantOwned
{
    /// <summary>The page shrinks photos before upload; anything larger than this is refused, not stored.</summary>
    public const int MaxBytes = 600 * 1024;

    /// <summary>Said of a picture over <see cref="MaxBytes"/>, by the server and by the page alike; {0} is its size in KB.</summary>
    public static readonly string TooLarge = "照片过大({0} KB,上限 " + (MaxBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB)。请在本页重新选择照片,页面会自动压缩。";

    public Guid Id { get; set; } = Guid.NewGuid();
    public int TenantId { get; set; }
    public long TaskRowId { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Cipher { get; set; }
    public int Size { get; set; }
    public required string UploadedById { get; set; }
    public DateTime UploadedAtUtc { get; set; }

    /// <summary>The image type from the bytes themselves (JPEG or PNG), or null: a name or a claimed type proves nothing.</summary>
    public static string? SniffImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;

    public static string DisplayName(AttachmentKind kind) => kind == AttachmentKind.SheetPhoto ? "签字明细表照片" : "手写签名";
}
