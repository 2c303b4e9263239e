using FluentValidation;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Web.Features.Verification;

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
