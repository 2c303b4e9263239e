using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Domain.Tests;

public sealed class ReportTests
{
    [Theory]
    // Vectors from the ISO 8601 calendar: 2021-01-04 is the Monday of 2021-W01; 2020 has 53 weeks.
    [InlineData("2021-06-08", 2021, 23)]
    [InlineData("2021-06-07", 2021, 23)]
    [InlineData("2021-06-06", 2021, 22)]
    [InlineData("2021-01-01", 2020, 53)]
    [InlineData("2021-01-04", 2021, 1)]
    [InlineData("2024-12-30", 2025, 1)]
    public void A_day_falls_in_its_ISO_week(string day, int year, int week) =>
        Assert.Equal(new ReportWeek(year, week), ReportWeek.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_week_parses_and_knows_its_days_its_end_and_the_week_before()
    {
        var w = ReportWeek.Parse("2021-W25");
        Assert.Equal((new DateOnly(2021, 6, 21), new DateOnly(2021, 6, 27)), (w.Monday, w.Sunday));
        Assert.Equal(new DateTime(2021, 6, 27, 16, 0, 0, DateTimeKind.Utc), w.EndUtc(CountyClock.BeijingTime)); // Sunday 24:00 in Beijing
        Assert.Equal(new DateTime(2021, 6, 27, 18, 0, 0, DateTimeKind.Utc), w.EndUtc(CountyClock.For(TimeProvider.System, "Asia/Urumqi"))); // a county on Xinjiang time
        Assert.Equal(new ReportWeek(2021, 24), w.Previous);
        Assert.Equal(new ReportWeek(2020, 53), ReportWeek.Parse("2021-W01").Previous);
        Assert.Equal("2021-W25", w.ToString());
        Assert.Equal(w, ReportWeek.Parse("2021w25"));
        Assert.Equal(3, w.CampaignWeek(new DateOnly(2021, 6, 8)));
        // As people say it: the campaign's own week inside it, the calendar week outside it.
        Assert.Equal("第3周(6月21日—6月27日)", w.NameIn(new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30)));
        Assert.Equal("2021年第25周(6月21日—6月27日)", w.NameIn(new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 18)));
        Assert.Equal("2021年第25周(6月21日—6月27日)", w.NameIn(new DateOnly(2021, 7, 1), new DateOnly(2021, 7, 31)));
        Assert.True(ReportWeek.TryParse("2020-W53", out _));
        foreach (var bad in new[] { "2021-W53", "2021-W00", "2021-25", "", null, "W25" })
        {
            Assert.False(ReportWeek.TryParse(bad, out _), bad);
        }
        Assert.Contains("2021-W25", Assert.Throws<DomainException>(() => ReportWeek.Parse("下周")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_sums_counts_completion_and_the_change_since_last_week()
    {
        var a = new Progress(3, 2, 1, 0, 1, 0, 1, 1, 1200.50m, StockCards: 4, LostCards: 1);
        var b = new Progress(0, 0, 0, 0, 0, 0, 0, 0, 0m);
        var c = new Progress(7, 7, 4, 1, 1, 1, 0, 0, 0m, StockCards: 2);
        var town = Progress.Sum([a, b, c]);
        Assert.Equal(new Progress(10, 9, 5, 1, 2, 1, 1, 1, 1200.50m, StockCards: 6, LostCards: 1), town);
        Assert.Equal(1, town.Open);
        Assert.Equal(66.7m, a.CompletionPercent);
        Assert.Equal(0m, b.CompletionPercent);
        Assert.Equal(90.0m, town.CompletionPercent);
        Assert.Equal(c, town.Since(a)); // the town less one village is the other two
        Assert.Equal(new Progress(-3, -2, -1, 0, -1, 0, -1, -1, -1200.50m, StockCards: -4, LostCards: -1), b.Since(a));
    }

    [Fact]
    public void A_snapshot_keeps_every_figure_of_every_village_including_the_cards()
    {
        var figures = new Progress(5, 3, 1, 1, 1, 0, 2, 1, 99.50m, StockCards: 7, LostCards: 2);
        var snapshot = WeeklySnapshot.Take(1, 2, new ReportWeek(2021, 25), new Dictionary<int, (Progress, SubmissionState)>
        {
            [10] = (figures, SubmissionState.Submitted), [11] = (Progress.Zero, SubmissionState.InProgress),
        }, "u1", new DateTime(2021, 6, 27, 16, 0, 0, DateTimeKind.Utc), new DateOnly(2021, 6, 28));
        Assert.Equal(figures, snapshot.Lines.Single(l => l.VillageId == 10).Progress);
        Assert.Equal(SubmissionState.Submitted, snapshot.Lines.Single(l => l.VillageId == 10).State);
        Assert.Equal(Progress.Zero, snapshot.Lines.Single(l => l.VillageId == 11).Progress);
    }

    [Fact]
    public void A_unit_is_overdue_after_the_deadline_while_rows_are_open_or_it_is_not_signed_off()
    {
        var deadline = new DateOnly(2021, 6, 30);
        var open = new Progress(3, 2, 2, 0, 0, 0, 0, 0, 0m);
        var done = new Progress(3, 3, 3, 0, 0, 0, 0, 0, 0m);
        Assert.Equal(new Deadline(3, false), Deadline.Of(deadline, new DateOnly(2021, 6, 27), open, SubmissionState.InProgress));
        Assert.Equal(new Deadline(0, false), Deadline.Of(deadline, deadline, open, SubmissionState.InProgress));
        Assert.Equal(new Deadline(-4, true), Deadline.Of(deadline, new DateOnly(2021, 7, 4), open, SubmissionState.Approved));
        Assert.Equal(new Deadline(-4, true), Deadline.Of(deadline, new DateOnly(2021, 7, 4), done, SubmissionState.Submitted));
        Assert.Equal(new Deadline(-4, false), Deadline.Of(deadline, new DateOnly(2021, 7, 4), done, SubmissionState.Approved));
    }
}
