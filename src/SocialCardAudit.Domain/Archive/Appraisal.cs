namespace SocialCardAudit.Domain.Archive;

public enum AppraisalDecision
{
    /// <summary>销毁: the period has run out and the file is no longer needed.</summary>
    Destroy = 1,

    /// <summary>继续保存: kept for a further period.</summary>
    Keep = 2,
}

/// <summary>
/// 鉴定: one person appraises a volume whose retention has run out and proposes destroying or keeping it; another
/// approves. Nothing is destroyed without both, a volume kept permanently is never proposed for destruction, and
/// one person cannot both appraise and approve.
/// </summary>
public sealed class Appraisal
{
    public required string Volume { get; init; }
    public AppraisalDecision Decision { get; private init; }
    public required string Reason { get; init; }
    public required string AppraisedBy { get; init; }
    public DateOnly AppraisedOn { get; private init; }
    public string? ApprovedBy { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>Destruction may go ahead: proposed by one person and approved by another.</summary>
    public bool AllowsDestruction => Decision == AppraisalDecision.Destroy && ApprovedBy is not null;

    public static Appraisal Record(string volume, Retention retention, int closedYear, AppraisalDecision decision, string reason, string by, DateOnly today)
    {
        if (decision == AppraisalDecision.Destroy && retention == Retention.Permanent)
        {
            throw new DomainException($"案卷“{volume}”永久保存,不能鉴定销毁。");
        }
        if (decision == AppraisalDecision.Destroy && !Retentions.HasRunOut(retention, closedYear, today))
        {
            throw new DomainException($"案卷“{volume}”的保管期限至 {Retentions.KeptUntil(retention, closedYear):yyyy-MM-dd},未满不能鉴定销毁。");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请写明鉴定意见。");
        }
        return new Appraisal { Volume = volume, Decision = decision, Reason = reason.Trim(), AppraisedBy = by, AppraisedOn = today };
    }

    public void Approve(string by, DateOnly today)
    {
        if (ApprovedBy is not null)
        {
            throw new DomainException($"案卷“{Volume}”的鉴定意见已于 {ApprovedOn:yyyy-MM-dd} 批准。");
        }
        if (by == AppraisedBy)
        {
            throw new DomainException("鉴定与批准须由两人分别办理:提出鉴定意见的人不能批准自己的意见。");
        }
        (ApprovedBy, ApprovedOn) = (by, today);
    }
}

/// <summary>销毁清册: what was destroyed, on whose appraisal and approval. The list itself is kept permanently.</summary>
public sealed record DestructionList(DateOnly DestroyedOn, IReadOnlyList<Appraisal> Volumes)
{
    public const Retention KeptFor = Retention.Permanent;

    public static DestructionList Of(IReadOnlyList<Appraisal> appraisals, DateOnly today) =>
        appraisals.FirstOrDefault(a => !a.AllowsDestruction) is { } not
            ? throw new DomainException($"案卷“{not.Volume}”没有经两人鉴定、批准的销毁意见,不能销毁。")
            : new DestructionList(today, appraisals);
}
