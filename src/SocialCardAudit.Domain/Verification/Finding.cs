namespace SocialCardAudit.Domain.Verification;

/// <summary>The four outcomes of the detail table (附件2), exactly.</summary>
public enum Outcome
{
    ReceivedInUse = 1,
    ReceivedDeceased = 2,
    NotReceivedHandedIn = 3,
    NotReceivedDeceased = 4,
}

public enum SignatureKind
{
    Self = 1,
    Fingerprint = 2,
    Proxy = 3,
}

/// <summary>Where a card not received was handed in: an authority at town level or above, or the bank.</summary>
public enum HandedInTo
{
    TownCentre = 1,
    Bank = 2,
}

public static class Outcomes
{
    public static string DisplayName(this Outcome o) => o switch
    {
        Outcome.ReceivedInUse => "本人已领·正常使用",
        Outcome.ReceivedDeceased => "本人已领·已经去世",
        Outcome.NotReceivedHandedIn => "本人未领·已经上交",
        Outcome.NotReceivedDeceased => "本人未领·已经去世",
        _ => throw new ArgumentOutOfRangeException(nameof(o)),
    };

    public static bool IsDeceased(this Outcome o) => o is Outcome.ReceivedDeceased or Outcome.NotReceivedDeceased;

    public static string DisplayName(this SignatureKind s) => s switch
    {
        SignatureKind.Self => "本人签名",
        SignatureKind.Fingerprint => "捺指纹",
        SignatureKind.Proxy => "代签",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string DisplayName(this HandedInTo h) => h switch
    {
        HandedInTo.TownCentre => "乡镇以上主管部门(镇社会事业综合服务中心等)",
        HandedInTo.Bank => "合作银行",
        _ => throw new ArgumentOutOfRangeException(nameof(h)),
    };

    /// <summary>Who may sign for someone: an immediate relative (直系亲属) or a guardian (监护人), nobody else.</summary>
    public static readonly IReadOnlyList<string> ProxyRelations =
        ["配偶", "父亲", "母亲", "儿子", "女儿", "兄弟", "姐妹", "祖父母", "外祖父母", "孙子女", "外孙子女", "监护人"];
}

/// <summary>What a verifier found at the door for one person: one version of a finding.</summary>
public sealed record Finding
{
    public Outcome? Outcome { get; init; }

    /// <summary>已领·去世: already declared to the county social security centre (then the death date may be unknown).</summary>
    public bool DeclaredToCounty { get; init; }
    public DateOnly? DeathDate { get; init; }

    public HandedInTo? HandedInTo { get; init; }
    public string? HandedInBank { get; init; }
    public DateOnly? HandedInDate { get; init; }

    /// <summary>未领·去世: where the card is now, "clear and definite".</summary>
    public string? CardWhereabouts { get; init; }

    public string? Phone { get; init; }
    public DateTime? VisitedAt { get; init; }
    public SignatureKind? Signature { get; init; }
    public string? ProxyName { get; init; }
    public string? ProxyRelation { get; init; }
    public string? Note { get; init; }

    /// <summary>The photo of the signed sheet or the drawn signature kept with this version, if any.</summary>
    public Guid? AttachmentId { get; init; }
}
