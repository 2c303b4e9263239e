using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Domain.Reports;

/// <summary>One village's frozen figures in a weekly snapshot.</summary>
public sealed class SnapshotLine : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public long Id { get; set; }
    public long SnapshotId { get; set; }
    public int VillageId { get; set; }
    public int TaskRows { get; set; }
    public int Verified { get; set; }
    public int ReceivedInUse { get; set; }
    public int ReceivedDeceased { get; set; }
    public int NotReceivedHandedIn { get; set; }
    public int NotReceivedDeceased { get; set; }
    public int Flagged { get; set; }
    public int FraudCases { get; set; }
    public decimal Recovered { get; set; }
    public int StockCards { get; set; }
    public int LostCards { get; set; }
    public SubmissionState State { get; set; }

    public Progress Progress => new(TaskRows, Verified, ReceivedInUse, ReceivedDeceased, NotReceivedHandedIn, NotReceivedDeceased, Flagged, FraudCases, Recovered,
        StockCards, LostCards);
}

/// <summary>
/// A campaign's figures frozen at the end of a week (by the weekly job, or by the county's button), so the
/// report of that week reads the same later, whatever changes after. One per campaign and week; never retaken.
/// </summary>
public sealed class WeeklySnapshot : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int Year { get; private set; }
    public int Week { get; private set; }
    public DateTime TakenAtUtc { get; private set; }

    /// <summary>Who pressed the button; null when the weekly job took it.</summary>
    public string? TakenById { get; private set; }

    public List<SnapshotLine> Lines { get; private set; } = [];

    public ReportWeek ReportWeek => new(Year, Week);

    /// <summary>Freezes the figures of a week that has ended (or is ending: the county may freeze the current week).</summary>
    public static WeeklySnapshot Take(int tenantId, int campaignId, ReportWeek week, IReadOnlyDictionary<int, (Progress Progress, SubmissionState State)> villages,
        string? byId, DateTime nowUtc, DateOnly today)
    {
        if (week.Monday > today)
        {
            throw new DomainException($"{week} 尚未开始,不能冻结。");
        }
        return new WeeklySnapshot
        {
            TenantId = tenantId, CampaignId = campaignId, Year = week.Year, Week = week.Week, TakenAtUtc = nowUtc, TakenById = byId,
            Lines = [.. villages.OrderBy(v => v.Key).Select(v => new SnapshotLine
            {
                TenantId = tenantId, VillageId = v.Key, TaskRows = v.Value.Progress.TaskRows, Verified = v.Value.Progress.Verified,
                ReceivedInUse = v.Value.Progress.ReceivedInUse, ReceivedDeceased = v.Value.Progress.ReceivedDeceased,
                NotReceivedHandedIn = v.Value.Progress.NotReceivedHandedIn, NotReceivedDeceased = v.Value.Progress.NotReceivedDeceased,
                Flagged = v.Value.Progress.Flagged, FraudCases = v.Value.Progress.FraudCases, Recovered = v.Value.Progress.Recovered,
                StockCards = v.Value.Progress.StockCards, LostCards = v.Value.Progress.LostCards, State = v.Value.State,
            })],
        };
    }
}
