using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Tests;

/// <summary>人卡对应、卡账对应、卡实对应: each rule of <see cref="RegisterCheck"/>, and what does not contradict.</summary>
public sealed class RegisterCheckTests
{
    private static readonly DateOnly Issued = new(2020, 3, 1);

    private static RegisteredCard Card(CardState state, CustodianKind where, params (CardState, DateOnly)[] moves) =>
        new("6228 **** **** 0018", "农业银行", state, where, moves.Length > 0 ? moves : [(state, Issued)]);

    private static Finding Found(Outcome outcome, DateOnly? died = null, HandedInTo? to = null) =>
        new() { Outcome = outcome, DeathDate = died, HandedInTo = to };

    [Theory]
    [InlineData(Outcome.ReceivedInUse, CardState.InStock, CustodianKind.Village, "库存")]
    [InlineData(Outcome.ReceivedDeceased, CardState.Lost, CustodianKind.Village, "遗失")]
    public void Received_while_the_register_has_the_card_in_stock_or_lost(Outcome outcome, CardState state, CustodianKind where, string word)
    {
        var found = Assert.Single(RegisterCheck.Contradictions(Found(outcome, new DateOnly(2021, 1, 1)), [Card(state, where)]));
        Assert.Contains(outcome.DisplayName(), found, StringComparison.Ordinal); // both facts, side by side
        Assert.Contains(word, found, StringComparison.Ordinal);
        Assert.Contains("0018", found, StringComparison.Ordinal);
    }

    [Fact]
    public void Deceased_while_the_card_was_activated_after_the_death()
    {
        var card = Card(CardState.Activated, CustodianKind.Holder, (CardState.Issued, new DateOnly(2020, 12, 1)), (CardState.Activated, new DateOnly(2021, 2, 3)));
        var found = Assert.Single(RegisterCheck.Contradictions(Found(Outcome.ReceivedDeceased, new DateOnly(2021, 1, 5)), [card]));
        Assert.Contains("2021-01-05", found, StringComparison.Ordinal);
        Assert.Contains("2021-02-03", found, StringComparison.Ordinal);
        Assert.Empty(RegisterCheck.Contradictions(Found(Outcome.ReceivedDeceased, new DateOnly(2021, 3, 1)), [card])); // all before the death
    }

    [Fact]
    public void A_card_used_after_the_death_counts_even_when_since_cancelled()
    {
        var card = Card(CardState.Cancelled, CustodianKind.TownCentre, (CardState.Activated, new DateOnly(2021, 2, 3)), (CardState.Cancelled, new DateOnly(2021, 6, 1)));
        Assert.Single(RegisterCheck.Contradictions(Found(Outcome.NotReceivedDeceased, new DateOnly(2021, 1, 5)), [card]));
    }

    [Theory]
    [InlineData(CardState.Issued, CustodianKind.Holder, "持卡人")]
    [InlineData(CardState.InStock, CustodianKind.Village, "村(社区)库存")]
    public void Handed_in_while_the_register_shows_no_hand_in(CardState state, CustodianKind where, string word)
    {
        var found = Assert.Single(RegisterCheck.Contradictions(Found(Outcome.NotReceivedHandedIn, to: HandedInTo.TownCentre), [Card(state, where)]));
        Assert.Contains("未见上交记录", found, StringComparison.Ordinal);
        Assert.Contains(word, found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Outcome.NotReceivedHandedIn, CardState.Returned, CustodianKind.TownCentre)]
    [InlineData(Outcome.NotReceivedHandedIn, CardState.InStock, CustodianKind.Bank)]
    [InlineData(Outcome.ReceivedInUse, CardState.Activated, CustodianKind.Holder)]
    [InlineData(Outcome.ReceivedInUse, CardState.Cancelled, CustodianKind.TownCentre)]
    public void What_agrees_with_the_register_raises_nothing(Outcome outcome, CardState state, CustodianKind where) =>
        Assert.Empty(RegisterCheck.Contradictions(Found(outcome, to: HandedInTo.TownCentre), [Card(state, where)]));

    [Fact]
    public void A_person_the_register_does_not_know_contradicts_nothing() =>
        Assert.Empty(RegisterCheck.Contradictions(Found(Outcome.ReceivedInUse), []));

    [Fact]
    public void The_issue_is_raised_once_and_restated_while_open()
    {
        var first = SuspiciousIssue.FromCheck(IssueSource.Register, RegisterCheck.Reason, null, 1, 2, 3, ["甲"], "u", DateTime.UtcNow);
        Assert.NotNull(first);
        Assert.Equal(IssueSource.Register, first.Source);
        Assert.Null(SuspiciousIssue.FromCheck(IssueSource.Register, RegisterCheck.Reason, first, 1, 2, 3, ["乙"], "u", DateTime.UtcNow));
        Assert.Equal("乙", first.Details);
        Assert.Null(SuspiciousIssue.FromCheck(IssueSource.Register, RegisterCheck.Reason, null, 1, 2, 3, [], "u", DateTime.UtcNow));
    }
}
