namespace SocialCardAudit.Domain.Verification;

/// <summary>
/// The current finding (核查明细) for one task row. <see cref="Version"/> is the concurrency token every save
/// must carry; each save also leaves a <see cref="VerificationVersion"/>, so no earlier finding is lost.
/// </summary>
public sealed class VerificationRecord : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long TaskRowId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }

    public Outcome Outcome { get; private set; }
    public bool DeclaredToCounty { get; private set; }
    public DateOnly? DeathDate { get; private set; }
    public HandedInTo? HandedInTo { get; private set; }
    public string? HandedInBank { get; private set; }
    public DateOnly? HandedInDate { get; private set; }
    public string? CardWhereabouts { get; private set; }
    public string Phone { get; private set; } = "";
    public DateTime VisitedAt { get; private set; }
    public SignatureKind Signature { get; private set; }
    public string? ProxyName { get; private set; }
    public string? ProxyRelation { get; private set; }
    public string? Note { get; private set; }
    public Guid? AttachmentId { get; private set; }

    public int Version { get; private set; }
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>
    /// Records a finding as the next version, normalized and checked against the rules of 附件2 whoever the caller
    /// (the form, the sync of an offline phone, an import): a finding that breaks them is refused with every reason.
    /// </summary>
    public VerificationVersion Record(Finding finding, FindingContext context, string userId, DateTime nowUtc, VisitPlace? place = null)
    {
        var f = FindingRules.Normalize(finding);
        if (FindingRules.Validate(f, context) is { Count: > 0 } errors)
        {
            throw new FindingRejectedException(errors);
        }
        var before = Version == 0 ? null : ToFinding();
        Outcome = f.Outcome ?? throw new DomainException("请选择核查结果(四项之一)。");
        DeclaredToCounty = f.DeclaredToCounty;
        DeathDate = f.DeathDate;
        HandedInTo = f.HandedInTo;
        HandedInBank = f.HandedInBank;
        HandedInDate = f.HandedInDate;
        CardWhereabouts = f.CardWhereabouts;
        Phone = f.Phone ?? "";
        VisitedAt = f.VisitedAt ?? throw new DomainException("请填写上门核查时间。");
        Signature = f.Signature ?? throw new DomainException("请选择签名方式。");
        ProxyName = f.ProxyName;
        ProxyRelation = f.ProxyRelation;
        Note = f.Note;
        AttachmentId = f.AttachmentId;
        Version++;
        RecordedById = userId;
        RecordedAtUtc = nowUtc;
        return new VerificationVersion
        {
            TenantId = TenantId,
            TaskRowId = TaskRowId,
            Version = Version,
            Finding = ToFinding(),
            Changes = FindingChanges.Describe(before, ToFinding()),
            ChangedById = userId,
            ChangedAtUtc = nowUtc,
            Place = place,
        };
    }

    public Finding ToFinding() => new()
    {
        Outcome = Outcome, DeclaredToCounty = DeclaredToCounty, DeathDate = DeathDate, HandedInTo = HandedInTo,
        HandedInBank = HandedInBank, HandedInDate = HandedInDate, CardWhereabouts = CardWhereabouts, Phone = Phone,
        VisitedAt = VisitedAt, Signature = Signature, ProxyName = ProxyName, ProxyRelation = ProxyRelation, Note = Note,
        AttachmentId = AttachmentId,
    };
}

/// <summary>A finding that breaks the rules of 附件2: every reason, field by field.</summary>
public sealed class FindingRejectedException(IReadOnlyList<FindingError> errors)
    : DomainException(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FindingError> Errors { get; } = errors;
}

/// <summary>One saved version of a finding: what it said, who saved it, when, and what changed from the one before.</summary>
public sealed class VerificationVersion : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long TaskRowId { get; set; }
    public int Version { get; set; }
    public required Finding Finding { get; set; }
    public required string Changes { get; set; }
    public required string ChangedById { get; set; }
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>Where the phone was when this version was made, if the verifier let it say.</summary>
    public VisitPlace? Place { get; set; }
}

/// <summary>A save that has been applied, by its request id: the same request sent again (a double tap, a resend) changes nothing.</summary>
public sealed class ProcessedRequest : ITenantOwned
{
    public Guid Id { get; set; }
    public int TenantId { get; set; }
    public required string UserId { get; set; }
    public long TaskRowId { get; set; }
    public int Version { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>"What changed" in words, for the history a clerk or town office reads.</summary>
public static class FindingChanges
{
    public static string Describe(Finding? before, Finding after)
    {
        if (before is null)
        {
            return $"首次记录:{after.Outcome?.DisplayName()}";
        }
        var parts = new List<string>();
        void Compare<T>(string label, T a, T b, Func<T, string?> show)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                parts.Add($"{label}:{show(a) ?? "(空)"} → {show(b) ?? "(空)"}");
            }
        }
        Compare("核查结果", before.Outcome, after.Outcome, o => o?.DisplayName());
        Compare("已申报", before.DeclaredToCounty, after.DeclaredToCounty, d => d ? "是" : "否");
        Compare("去世时间", before.DeathDate, after.DeathDate, d => d?.ToString("yyyy-MM-dd"));
        Compare("上交给", before.HandedInTo, after.HandedInTo, h => h?.DisplayName());
        Compare("上交银行", before.HandedInBank, after.HandedInBank, s => s);
        Compare("上交时间", before.HandedInDate, after.HandedInDate, d => d?.ToString("yyyy-MM-dd"));
        Compare("卡片去向", before.CardWhereabouts, after.CardWhereabouts, s => s);
        Compare("联系电话", before.Phone, after.Phone, s => s);
        Compare("上门时间", before.VisitedAt, after.VisitedAt, d => d?.ToString("yyyy-MM-dd HH:mm"));
        Compare("签名方式", before.Signature, after.Signature, s => s?.DisplayName());
        Compare("代签人", before.ProxyName, after.ProxyName, s => s);
        Compare("代签人关系", before.ProxyRelation, after.ProxyRelation, s => s);
        Compare("说明", before.Note, after.Note, s => s);
        Compare("照片/签名", before.AttachmentId, after.AttachmentId, a => a is null ? null : "已上传");
        return parts.Count == 0 ? "内容未变" : string.Join(";", parts);
    }
}
