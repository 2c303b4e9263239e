namespace SocialCardAudit.Domain.Verification;

public enum IssueSource
{
    /// <summary>Raised by the import: a card check digit that fails, an odd phone, a converted old ID.</summary>
    Import = 1,

    /// <summary>Raised at the door by the verifier (or by the village clerk).</summary>
    Field = 2,

    /// <summary>Raised by itself when a finding contradicts the card register (<see cref="RegisterCheck"/>).</summary>
    Register = 3,

    /// <summary>Raised by itself when where a finding was made does not look like the door (<see cref="VisitEvidence"/>).</summary>
    Place = 4,
}

/// <summary>A suspicious issue (疑点问题) about one task row, reported to the town centre, which answers and closes it.</summary>
public sealed class SuspiciousIssue : ITenantOwned
{
    public const int MaxText = 500;

    /// <summary>What verifiers most often find; anything else is described in the text.</summary>
    public static readonly IReadOnlyList<string> Reasons =
        ["查无此人(人户不符)", "卡片在他人手中", "去世后仍有用卡记录", "姓名、身份证号或卡号与本人不符", "本人不知道办过卡", "其他"];

    public long Id { get; set; }
    public int TenantId { get; set; }
    public long TaskRowId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }
    public IssueSource Source { get; set; }
    public required string Reason { get; set; }
    public string? Details { get; set; }
    public required string RaisedById { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    public string? Resolution { get; private set; }
    public string? ClosedById { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public List<IssueComment> Comments { get; private set; } = [];

    public bool IsOpen => ClosedAtUtc is null;

    public static SuspiciousIssue Raise(long taskRowId, int campaignId, int villageId, string reason, string? details, string userId, DateTime nowUtc)
    {
        if (!Reasons.Contains(reason))
        {
            throw new DomainException("请选择疑点类型。");
        }
        details = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (reason == "其他" && details is null)
        {
            throw new DomainException("疑点类型为“其他”时,请写明情况。");
        }
        if (details?.Length > MaxText)
        {
            throw new DomainException($"情况说明不能超过 {MaxText} 字。");
        }
        return new SuspiciousIssue
        {
            TaskRowId = taskRowId, CampaignId = campaignId, VillageId = villageId, Source = IssueSource.Field,
            Reason = reason, Details = details, RaisedById = userId, RaisedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// The issue a check of the system's own raises for a row (the three-way check against the card register, the
    /// place of the visit): raised when a finding fails it, its facts restated when a later finding still does.
    /// <paramref name="open"/> is the row's open issue from the same check, if any.
    /// </summary>
    public static SuspiciousIssue? FromCheck(IssueSource source, string reason, SuspiciousIssue? open, long taskRowId, int campaignId, int villageId,
        IReadOnlyList<string> facts, string userId, DateTime nowUtc)
    {
        if (facts.Count == 0)
        {
            return null;
        }
        var details = string.Join("\n", facts);
        details = details.Length <= MaxText ? details : details[..(MaxText - 1)] + "…";
        if (open is not null)
        {
            open.Details = details;
            return null;
        }
        return new SuspiciousIssue
        {
            TaskRowId = taskRowId, CampaignId = campaignId, VillageId = villageId, Source = source,
            Reason = reason, Details = details, RaisedById = userId, RaisedAtUtc = nowUtc,
        };
    }

    public static string DisplayName(IssueSource source) => source switch
    {
        IssueSource.Import => "导入",
        IssueSource.Register => "台账比对",
        IssueSource.Place => "位置核验",
        _ => "入户",
    };

    public void Comment(string text, string userId, DateTime nowUtc) => Comments.Add(new IssueComment
    {
        TenantId = TenantId, Text = CheckText(text, "请填写意见。"), ById = userId, AtUtc = nowUtc,
    });

    /// <summary>Only the town centre closes an issue, and it says how it was resolved.</summary>
    public void Close(string resolution, string userId, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new DomainException("该疑点已处理完毕。");
        }
        Resolution = CheckText(resolution, "请填写处理结果。");
        ClosedById = userId;
        ClosedAtUtc = nowUtc;
    }

    private static string CheckText(string? text, string missing)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException(missing);
        }
        return text.Length <= MaxText ? text : throw new DomainException($"内容不能超过 {MaxText} 字。");
    }
}

public sealed class IssueComment : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long IssueId { get; set; }
    public required string Text { get; set; }
    public required string ById { get; set; }
    public DateTime AtUtc { get; set; }
}
