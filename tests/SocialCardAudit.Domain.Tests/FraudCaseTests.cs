using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Tests;

public sealed class FraudCaseTests
{
    private static readonly DateTime Now = new(2021, 6, 20, 9, 0, 0);

    private static FraudCase Case(decimal amount = 3600m)
    {
        var issue = SuspiciousIssue.Raise(1, 1, 1, "去世后仍有用卡记录", null, "v", Now);
        return FraudCase.Open(issue, amount, new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31), new DateOnly(2021, 6, 18), null, "t", CountyClock.At(Now));
    }

    [Fact]
    public void Recoveries_move_the_case_from_registered_to_recovering_to_recovered()
    {
        var c = Case();
        Assert.Equal(FraudStatus.Registered, c.Status);
        c.AddRecovery(1000m, new DateOnly(2021, 6, 19), "t", CountyClock.At(Now));
        Assert.Equal(FraudStatus.Recovering, c.Status);
        Assert.Equal(2600m, c.Outstanding);
        c.AddRecovery(2600m, new DateOnly(2021, 6, 20), "t", CountyClock.At(Now));
        Assert.Equal(FraudStatus.Recovered, c.Status);
        Assert.Throws<DomainException>(() => c.AddRecovery(1m, new DateOnly(2021, 6, 20), "t", CountyClock.At(Now)));
    }

    [Fact]
    public void More_than_is_outstanding_cannot_be_recovered()
    {
        var c = Case();
        var e = Assert.Throws<DomainException>(() => c.AddRecovery(3600.01m, new DateOnly(2021, 6, 19), "t", CountyClock.At(Now)));
        Assert.Contains("超过尚未追回的 3600.00 元", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(12.345)]
    public void Amounts_are_positive_yuan_with_at_most_two_decimals(double amount) =>
        Assert.Throws<DomainException>(() => Case((decimal)amount));

    [Fact]
    public void The_period_is_ordered_and_not_in_the_future()
    {
        var issue = SuspiciousIssue.Raise(1, 1, 1, "其他", "情况", "v", Now);
        Assert.Throws<DomainException>(() => FraudCase.Open(issue, 10m, new DateOnly(2021, 1, 2), new DateOnly(2021, 1, 1), new DateOnly(2021, 6, 1), null, "t", CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => FraudCase.Open(issue, 10m, new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1), new DateOnly(2021, 6, 1), null, "t", CountyClock.At(Now)));
    }

    [Fact]
    public void A_referred_case_still_takes_recoveries_but_is_not_referred_twice()
    {
        var c = Case();
        c.Refer(new DateOnly(2021, 6, 19), CountyClock.At(Now));
        Assert.Equal(FraudStatus.Referred, c.Status);
        c.AddRecovery(3600m, new DateOnly(2021, 6, 20), "t", CountyClock.At(Now));
        Assert.Equal(FraudStatus.Referred, c.Status);
        Assert.Equal(0m, c.Outstanding);
        Assert.Throws<DomainException>(() => c.Refer(new DateOnly(2021, 6, 20), CountyClock.At(Now)));
    }
}
