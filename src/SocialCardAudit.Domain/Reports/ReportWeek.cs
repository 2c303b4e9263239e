using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialCardAudit.Domain.Reports;

/// <summary>
/// An ISO 8601 week (Monday to Sunday), written 2021-W25: the period a weekly report (周督查通报) covers.
/// The report's figures are those at the end of the week, Sunday 24:00 in the county's time.
/// </summary>
public readonly partial record struct ReportWeek(int Year, int Week) : IComparable<ReportWeek>
{
    [GeneratedRegex(@"^(\d{4})-?W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static ReportWeek Of(DateOnly day) => new(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    public static bool TryParse(string? text, out ReportWeek week)
    {
        week = default;
        var m = Pattern().Match((text ?? "").Trim());
        if (!m.Success)
        {
            return false;
        }
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }
        week = new ReportWeek(year, number);
        return true;
    }

    public static ReportWeek Parse(string? text) =>
        TryParse(text, out var week) ? week : throw new DomainException($"周次“{text}”格式不正确,应为如 2021-W25 的 ISO 周。");

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The end of the week as an instant: Sunday 24:00 in the county (in Beijing, Sunday 16:00 UTC).</summary>
    public DateTime EndUtc(Organization.CountyClock clock) => clock.EndOfDayUtc(Sunday);

    /// <summary>The week the county is in now.</summary>
    public static ReportWeek Current(Organization.CountyClock clock) => Of(clock.Today);

    public ReportWeek Previous => Of(Monday.AddDays(-7));

    public int CompareTo(ReportWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    /// <summary>The campaign's own week number: week 1 is the one its start date falls in.</summary>
    public int CampaignWeek(DateOnly campaignStart) => ((Monday.DayNumber - Of(campaignStart).Monday.DayNumber) / 7) + 1;

    public override string ToString() => $"{Year}-W{Week:00}";

    public string DisplayName => $"{Year}年第{Week}周({Days})";

    /// <summary>Its days as people write them: 6月21日—6月27日.</summary>
    public string Days => $"{Monday:M月d日}—{Sunday:M月d日}";

    /// <summary>
    /// The week as people in a campaign say it: inside the campaign its own number, 第3周(6月21日—6月27日); before
    /// or after it, the calendar week, so no campaign week is counted where the campaign was not running.
    /// </summary>
    public string NameIn(DateOnly campaignStart, DateOnly campaignEnd) =>
        Sunday >= campaignStart && Monday <= campaignEnd ? $"第{CampaignWeek(campaignStart)}周({Days})" : DisplayName;
}
