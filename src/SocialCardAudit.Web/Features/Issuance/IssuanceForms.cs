using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.UseCases.Issuance;

namespace SocialCardAudit.Web.Features.Issuance;

/// <summary>信息核查 as the phone's form posts it: the seven elements beside the name and ID number, alive or not, the photo.</summary>
public sealed class VerifyForm
{
    public Sex? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateOnly? IdValidUntil { get; set; }
    public bool IdLongTerm { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Occupation { get; set; }
    public bool Deceased { get; set; }
    public IFormFile? Photo { get; set; }

    public NineElements ToElements() => new(Sex, Ethnicity, BirthDate, IdLongTerm ? null : IdValidUntil, IdLongTerm, Address, Phone, Occupation);

    /// <summary>The elements as last found; before any, the sex and date of birth the ID number carries.</summary>
    public static VerifyForm From(NineElements? e, string? fullIdNumber, DateOnly today) => e is null
        ? fullIdNumber is null ? new() : NineElements.FromIdNumber(fullIdNumber, today) is var (sex, birth) ? new() { Sex = sex, BirthDate = birth } : new()
        : new()
        {
            Sex = e.Sex, Ethnicity = e.Ethnicity, BirthDate = e.BirthDate, IdValidUntil = e.IdValidUntil, IdLongTerm = e.IdLongTerm,
            Address = e.Address, Phone = e.Phone, Occupation = e.Occupation,
        };

    public Task<CasePicture?> PhotoAsync(CancellationToken ct) => Pictures.FileAsync(Photo, IssuanceAttachmentKind.Photo, ct);
}

/// <summary>The pictures a case takes, from a form: an uploaded photo, or a signature drawn on the page (a PNG data URL).</summary>
public static class Pictures
{
    public static async Task<CasePicture?> FileAsync(IFormFile? file, IssuanceAttachmentKind kind, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }
        if (file.Length > Domain.Verification.FindingAttachment.MaxBytes)
        {
            return new CasePicture(kind, []) { Size = file.Length }; // refused for its size, not read
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new CasePicture(kind, buffer.ToArray());
    }

    public static CasePicture? Drawn(string? dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        if (string.IsNullOrEmpty(dataUrl))
        {
            return null;
        }
        try
        {
            return new CasePicture(IssuanceAttachmentKind.ReceiptSignature, dataUrl.StartsWith(prefix, StringComparison.Ordinal)
                && dataUrl.Length < Domain.Verification.FindingAttachment.MaxBytes * 2 ? Convert.FromBase64String(dataUrl[prefix.Length..]) : []);
        }
        catch (FormatException)
        {
            return new CasePicture(IssuanceAttachmentKind.ReceiptSignature, []);
        }
    }
}
