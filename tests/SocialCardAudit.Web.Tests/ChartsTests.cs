using System.Globalization;
using System.Text.RegularExpressions;
using SocialCardAudit.Web.Features.Reports;

namespace SocialCardAudit.Web.Tests;

public sealed class ChartsTests
{
    private static List<double> Xs(string svg) =>
        [.. Regex.Matches(svg, @"<circle cx=""([\d.]+)""").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [Fact]
    public void Weeks_stand_where_their_days_are_so_a_gap_of_years_is_not_one_step()
    {
        var svg = Charts.Trend("每周累计已核查",
        [
            (new DateOnly(2021, 6, 20), "第2周", 10),
            (new DateOnly(2021, 6, 27), "第3周", 20),
            (new DateOnly(2026, 11, 29), "2026-W48", 30),
        ]).ToString()!;
        var x = Xs(svg);
        Assert.Equal(3, x.Count);
        // One week against more than five years: the first step is a sliver of the second.
        Assert.True((x[1] - x[0]) * 200 < x[2] - x[1], $"steps {x[1] - x[0]} and {x[2] - x[1]}");
    }

    [Fact]
    public void Equal_weeks_get_equal_steps_and_a_missing_week_a_double_one()
    {
        var x = Xs(Charts.Trend("t", [(new DateOnly(2021, 6, 13), "第1周", 1), (new DateOnly(2021, 6, 20), "第2周", 2), (new DateOnly(2021, 7, 4), "第4周", 3)]).ToString()!);
        Assert.InRange(x[2] - x[1], (2 * (x[1] - x[0])) - 0.2, (2 * (x[1] - x[0])) + 0.2); // drawn to 0.1 px
    }
}
