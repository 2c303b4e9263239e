using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Domain.Reports;

/// <summary>A line of the weekly report: a village, a town or the total, with the change since the week before when that week was frozen.</summary>
public sealed record ReportLine(int UnitId, string Name, Progress Figures, Progress? Change, SubmissionState? State, Deadline Deadline);

public sealed record TownReport(ReportLine Town, IReadOnlyList<ReportLine> Villages);

/// <summary>
/// The weekly progress report (周督查通报) of one campaign: its figures at the end of the week, from the week's
/// snapshot when it has been frozen, otherwise live (and said so), per town and per village, with totals.
/// </summary>
public sealed record WeeklyReport(int CampaignId, string CampaignCode, string CampaignName, DateOnly Start, DateOnly Deadline, ReportWeek Week, int CampaignWeek,
    DateTime? FrozenAtUtc, bool PreviousFrozen, IReadOnlyList<TownReport> Towns, ReportLine Total)
{
    /// <summary>第3周(6月21日—6月27日) inside the campaign; the calendar week before or after it.</summary>
    public string WeekName => Week.NameIn(Start, Deadline);
}
