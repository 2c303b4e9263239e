using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Domain.Tests;

/// <summary>The county's clock: days and times are the county's whatever the server's zone (the suite runs under a foreign TZ).</summary>
public sealed class CountyClockTests
{
    [Fact]
    public void Just_after_midnight_in_Beijing_it_is_already_the_next_day()
    {
        var clock = CountyClock.At(new DateTime(2021, 6, 7, 16, 30, 0, DateTimeKind.Utc)); // 00:30 on 8 June in Beijing
        Assert.Equal(new DateOnly(2021, 6, 8), clock.Today);
        Assert.Equal(new DateTime(2021, 6, 8, 0, 30, 0), clock.Now);
        Assert.Equal("2021-06-08 00:30", clock.Minute(clock.UtcNow));
        Assert.Equal("2021年6月8日", clock.Day(clock.UtcNow));
    }

    [Fact]
    public void Times_typed_in_the_county_become_instants_and_back()
    {
        var clock = CountyClock.BeijingTime;
        var typed = new DateTime(2021, 6, 8, 10, 0, 0);
        Assert.Equal(new DateTime(2021, 6, 8, 2, 0, 0, DateTimeKind.Utc), clock.ToUtc(typed));
        Assert.Equal(typed, clock.Local(clock.ToUtc(typed)));
        Assert.Equal(new DateOnly(2021, 6, 8), clock.DayOf(new DateTime(2021, 6, 7, 16, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_server_s_own_zone_plays_no_part()
    {
        var utc = new DateTime(2021, 6, 7, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(utc, CountyClock.BeijingTime.Zone), CountyClock.At(utc).Now);
    }

    [Fact]
    public void A_county_may_keep_another_zone_and_an_unknown_one_is_Beijing()
    {
        var utc = new DateTime(2021, 6, 7, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2021, 6, 7, 23, 0, 0), CountyClock.At(utc, "Asia/Urumqi").Now);
        Assert.Equal(new DateTime(2021, 6, 8, 1, 0, 0), CountyClock.At(utc, "Nowhere/Atlantis").Now);
        Assert.Equal(new DateTime(2021, 6, 8, 1, 0, 0), CountyClock.At(utc, null).Now);
    }
}
