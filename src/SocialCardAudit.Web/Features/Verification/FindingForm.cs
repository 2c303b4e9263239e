using System.Globalization;
using FluentValidation;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Verification;

namespace SocialCardAudit.Web.Features.Verification;

/// <summary>
/// The form's values, the banks to choose from and the campaign's first day (unknown to the offline page until a
/// row is opened): what the shared fields of a finding are drawn from.
/// </summary>
public sealed record FindingFields(FindingForm Form, IReadOnlyList<string> Banks, DateOnly? CampaignStart = null);

public sealed class FindingForm
{
    public Outcome? Outcome { get; set; }
    public bool DeclaredToCounty { get; set; }
    public DateOnly? DeathDate { get; set; }
    public HandedInTo? HandedInTo { get; set; }
    public string? HandedInBank { get; set; }
    public DateOnly? HandedInDate { get; set; }
    public string? CardWhereabouts { get; set; }
    public string? Phone { get; set; }
    public DateTime? VisitedAt { get; set; }
    public SignatureKind? Signature { get; set; }
    public string? ProxyName { get; set; }
    public string? ProxyRelation { get; set; }
    public string? Note { get; set; }

    /// <summary>A photo of the signed sheet (the page shrinks it first).</summary>
    public IFormFile? Photo { get; set; }

    /// <summary>A signature drawn on the screen, as a PNG data URL.</summary>
    public string? DrawnSignature { get; set; }

    /// <summary>Set by the server: the picture this version keeps (a new one, or the one it had).</summary>
    public Guid? AttachmentId { get; set; }

    /// <summary>Where the phone was (browser geolocation), sent only when the verifier agreed; kept with the version.</summary>
    public double? PlaceLatitude { get; set; }
    public double? PlaceLongitude { get; set; }
    public double? PlaceAccuracy { get; set; }
    public DateTimeOffset? PlacedAt { get; set; }

    /// <summary>The version the form was opened on: mandatory, a save without it is refused.</summary>
    public int? Version { get; set; }

    /// <summary>Made when the form is rendered; the same id sent twice records once.</summary>
    public Guid? RequestId { get; set; }

    public Finding ToFinding() => FindingRules.Normalize(new Finding
    {
        Outcome = Outcome, DeclaredToCounty = DeclaredToCounty, DeathDate = DeathDate, HandedInTo = HandedInTo,
        HandedInBank = HandedInBank, HandedInDate = HandedInDate, CardWhereabouts = CardWhereabouts, Phone = Phone,
        VisitedAt = VisitedAt, Signature = Signature, ProxyName = ProxyName, ProxyRelation = ProxyRelation, Note = Note,
        AttachmentId = AttachmentId,
    });

    /// <summary>What the web form and the offline sync both hand to the use case; <see cref="Version"/> and <see cref="RequestId"/> are checked present first.</summary>
    public async Task<RecordFindingCommand> ToCommandAsync(long rowId, CancellationToken ct) =>
        new(rowId, ToFinding(), Version!.Value, RequestId!.Value, await AttachmentAsync(ct),
            VisitPlace.From(PlaceLatitude, PlaceLongitude, PlaceAccuracy, PlacedAt?.UtcDateTime));

    /// <summary>The photo or the drawn signature as sent (the use case checks and encrypts it); a malformed drawing counts as empty bytes.</summary>
    private async Task<NewAttachment?> AttachmentAsync(CancellationToken ct)
    {
        if (Photo is { Length: > 0 } photo)
        {
            if (photo.Length > FindingAttachment.MaxBytes)
            {
                return new NewAttachment(AttachmentKind.SheetPhoto, []) { Size = photo.Length }; // refused for its size, not read
            }
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, ct);
            return new NewAttachment(AttachmentKind.SheetPhoto, buffer.ToArray());
        }
        if (DrawnSignature is { Length: > 0 } drawn)
        {
            const string prefix = "data:image/png;base64,";
            try
            {
                return new NewAttachment(AttachmentKind.DrawnSignature, drawn.StartsWith(prefix, StringComparison.Ordinal) && drawn.Length < FindingAttachment.MaxBytes * 2
                    ? Convert.FromBase64String(drawn[prefix.Length..])
                    : []);
            }
            catch (FormatException)
            {
                return new NewAttachment(AttachmentKind.DrawnSignature, []);
            }
        }
        return null;
    }

    /// <summary>The values as the form's inputs hold them, by input name: what the offline app fills its form with.</summary>
    public IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        [nameof(Outcome)] = Outcome?.ToString(),
        [nameof(DeclaredToCounty)] = DeclaredToCounty ? "true" : null,
        [nameof(DeathDate)] = DeathDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(HandedInTo)] = HandedInTo?.ToString(),
        [nameof(HandedInBank)] = HandedInBank,
        [nameof(HandedInDate)] = HandedInDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(CardWhereabouts)] = CardWhereabouts,
        [nameof(Phone)] = Phone,
        [nameof(VisitedAt)] = VisitedAt?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        [nameof(Signature)] = Signature?.ToString(),
        [nameof(ProxyName)] = ProxyName,
        [nameof(ProxyRelation)] = ProxyRelation,
        [nameof(Note)] = Note,
        [nameof(AttachmentId)] = AttachmentId?.ToString(),
    };

    public static FindingForm From(Finding f, int version) => new()
    {
        Outcome = f.Outcome, DeclaredToCounty = f.DeclaredToCounty, DeathDate = f.DeathDate, HandedInTo = f.HandedInTo,
        HandedInBank = f.HandedInBank, HandedInDate = f.HandedInDate, CardWhereabouts = f.CardWhereabouts, Phone = f.Phone,
        VisitedAt = f.VisitedAt, Signature = f.Signature, ProxyName = f.ProxyName, ProxyRelation = f.ProxyRelation, Note = f.Note,
        AttachmentId = f.AttachmentId, Version = version, RequestId = Guid.NewGuid(),
    };
}

/// <summary>What the form itself must carry; the rules of 附件2 are the <see cref="UseCases.Verification.RecordFinding"/> use case's.</summary>
public sealed class FindingFormValidator : AbstractValidator<FindingForm>
{
    public FindingFormValidator()
    {
        RuleFor(f => f.Version).NotNull().WithMessage("表单缺少版本号,请刷新页面后重新填写。");
        RuleFor(f => f.RequestId).NotNull().WithMessage("表单缺少提交编号,请刷新页面后重新填写。");
    }
}
