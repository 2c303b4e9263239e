using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.SignOff;

/// <summary>One task row as the statistics see it: its outcome (null while open), its group, an open issue.</summary>
public readonly record struct RowState(long RowId, Outcome? Outcome, int? ResidentGroupId, bool Flagged);

/// <summary>
/// The classified statistics (附件4 核查情况分类统计表): "we received N task records covering M resident groups;
/// received by self = in use + deceased; not received = handed in + deceased". Always computed, never typed.
/// </summary>
public sealed record VillageStatistics(
    int TaskRecords, int ResidentGroups, int ReceivedInUse, int ReceivedDeceased, int NotReceivedHandedIn, int NotReceivedDeceased,
    int Open, int Flagged)
{
    public static readonly VillageStatistics Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int ReceivedTotal => ReceivedInUse + ReceivedDeceased;
    public int NotReceivedTotal => NotReceivedHandedIn + NotReceivedDeceased;

    public static VillageStatistics Compute(IReadOnlyCollection<RowState> rows) => new(
        TaskRecords: rows.Count,
        ResidentGroups: rows.Where(r => r.ResidentGroupId is not null).Select(r => r.ResidentGroupId).Distinct().Count(),
        ReceivedInUse: rows.Count(r => r.Outcome == Outcome.ReceivedInUse),
        ReceivedDeceased: rows.Count(r => r.Outcome == Outcome.ReceivedDeceased),
        NotReceivedHandedIn: rows.Count(r => r.Outcome == Outcome.NotReceivedHandedIn),
        NotReceivedDeceased: rows.Count(r => r.Outcome == Outcome.NotReceivedDeceased),
        Open: rows.Count(r => r.Outcome is null),
        Flagged: rows.Count(r => r.Flagged));

    /// <summary>The town's (or county's) total row: the sum of its villages (groups are each village's own).</summary>
    public static VillageStatistics Sum(IEnumerable<VillageStatistics> parts)
    {
        var list = parts.ToList();
        return new(list.Sum(p => p.TaskRecords), list.Sum(p => p.ResidentGroups), list.Sum(p => p.ReceivedInUse), list.Sum(p => p.ReceivedDeceased),
            list.Sum(p => p.NotReceivedHandedIn), list.Sum(p => p.NotReceivedDeceased), list.Sum(p => p.Open), list.Sum(p => p.Flagged));
    }
}
