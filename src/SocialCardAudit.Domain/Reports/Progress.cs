using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Domain.Reports;

/// <summary>
/// The figures of one village (or the sum of a town, or the county) in the weekly report: task rows, rows
/// verified, the four outcomes, open and flagged rows, fraud cases and money recovered; and the village's
/// cards in stock (库存) and lost (遗失) from the card register, whatever the campaign.
/// </summary>
public sealed record Progress(
    int TaskRows, int Verified, int ReceivedInUse, int ReceivedDeceased, int NotReceivedHandedIn, int NotReceivedDeceased,
    int Flagged, int FraudCases, decimal Recovered, int StockCards = 0, int LostCards = 0)
{
    public static readonly Progress Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0m);

    /// <summary>A village's figures from its classified statistics, so both count rows, findings and 疑点 one way.</summary>
    public static Progress Of(VillageStatistics s, int fraudCases, decimal recovered, int stockCards, int lostCards) => new(
        s.TaskRecords, s.TaskRecords - s.Open, s.ReceivedInUse, s.ReceivedDeceased, s.NotReceivedHandedIn, s.NotReceivedDeceased,
        s.Flagged, fraudCases, recovered, stockCards, lostCards);

    public int Open => TaskRows - Verified;

    /// <summary>Rows verified out of task rows, to one decimal; an empty unit counts as 0 %.</summary>
    public decimal CompletionPercent => TaskRows == 0 ? 0m : Math.Round(100m * Verified / TaskRows, 1, MidpointRounding.AwayFromZero);

    public static Progress Sum(IEnumerable<Progress> parts) => parts.Aggregate(Zero, (a, b) => a + b);

    public static Progress operator +(Progress a, Progress b) => new(
        a.TaskRows + b.TaskRows, a.Verified + b.Verified, a.ReceivedInUse + b.ReceivedInUse, a.ReceivedDeceased + b.ReceivedDeceased,
        a.NotReceivedHandedIn + b.NotReceivedHandedIn, a.NotReceivedDeceased + b.NotReceivedDeceased, a.Flagged + b.Flagged,
        a.FraudCases + b.FraudCases, a.Recovered + b.Recovered, a.StockCards + b.StockCards, a.LostCards + b.LostCards);

    /// <summary>The change since another week's figures (this minus that), figure by figure.</summary>
    public Progress Since(Progress earlier) => new(
        TaskRows - earlier.TaskRows, Verified - earlier.Verified, ReceivedInUse - earlier.ReceivedInUse, ReceivedDeceased - earlier.ReceivedDeceased,
        NotReceivedHandedIn - earlier.NotReceivedHandedIn, NotReceivedDeceased - earlier.NotReceivedDeceased, Flagged - earlier.Flagged,
        FraudCases - earlier.FraudCases, Recovered - earlier.Recovered, StockCards - earlier.StockCards, LostCards - earlier.LostCards);
}

/// <summary>Where a village stands against the campaign's deadline on a given day.</summary>
public readonly record struct Deadline(int DaysLeft, bool Overdue)
{
    /// <summary>Days from <paramref name="asOf"/> to the deadline (negative once past); overdue when past it with rows open or not yet signed off.</summary>
    public static Deadline Of(DateOnly deadline, DateOnly asOf, Progress progress, SubmissionState state) =>
        new(deadline.DayNumber - asOf.DayNumber, asOf > deadline && (progress.Open > 0 || state != SubmissionState.Approved));
}
