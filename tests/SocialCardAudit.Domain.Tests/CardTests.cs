using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Domain.Tests;

public sealed class CardTests
{
    private static readonly DateTime Now = new(2022, 8, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Custody Town = Custody.AtTown(2);
    private static readonly Custody Village = Custody.AtVillage(3);

    private static Card NewCard(long id = 1, CardState state = CardState.InStock, Custody? at = null) =>
        Card.Register(new Card { Id = id, HolderName = "张三", TenantId = 1, BankId = 1, VillageId = 3 }, state,
            at ?? (state is CardState.InStock or CardState.Dormant ? Village : Custody.WithHolder), "clerk", "李四", Now.AddDays(-400));

    private static CardMove How(CardMethod method = CardMethod.InPerson, string? note = "说明") => new("u1", "王五", method, Note: note)
    {
        Recipient = Recipient.Holder, To = Town,
    };

    /// <summary>A card in any state, reached by legal moves only.</summary>
    private static Card InState(CardState state)
    {
        var card = NewCard(state: state is CardState.Issued or CardState.Activated or CardState.Dormant ? state : CardState.InStock);
        if (state is CardState.Lost or CardState.Returned or CardState.Cancelled)
        {
            card.Move(state, How(), [], CountyClock.At(Now));
        }
        Assert.Equal(state, card.State);
        return card;
    }

    public static TheoryData<CardState, CardState> EveryPair()
    {
        var data = new TheoryData<CardState, CardState>();
        foreach (var from in Enum.GetValues<CardState>())
        {
            foreach (var to in Enum.GetValues<CardState>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_of_states_is_allowed_exactly_when_the_table_says(CardState from, CardState to)
    {
        var card = InState(from);
        var legal = CardLifecycle.Table.Any(m => m.From == from && m.To == to);
        Assert.Equal(legal, CardLifecycle.Allows(from, to));
        var method = to == CardState.Activated ? CardMethod.FaceToFace : CardMethod.InPerson;
        var act = to == CardState.Dormant
            ? () => card.FallDormant(TimeSpan.FromDays(90), "system", Now)
            : (Func<CardEvent>)(() => card.Move(to, How(method), [], CountyClock.At(Now)));
        if (legal)
        {
            var e = act();
            Assert.Equal((from, to), (e.FromState!.Value, e.ToState));
            Assert.Equal(to, card.State);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => act());
            Assert.Contains($"当前状态为“{CardLifecycle.DisplayName(from)}”", error.Message, StringComparison.Ordinal);
            Assert.Equal(from, card.State);
        }
        Assert.Equal((card.State, card.Custody), Card.Replay(card.Events));
    }

    [Fact]
    public void The_table_has_no_way_out_of_cancelled_and_every_other_state_can_be_cancelled()
    {
        Assert.Empty(CardLifecycle.From(CardState.Cancelled));
        Assert.All(Enum.GetValues<CardState>().Where(s => s != CardState.Cancelled), s => Assert.True(CardLifecycle.Allows(s, CardState.Cancelled)));
    }

    [Fact]
    public void Activation_is_face_to_face_at_the_bank_only()
    {
        var card = InState(CardState.Issued);
        var e = Assert.Throws<DomainException>(() => card.Move(CardState.Activated, How(CardMethod.InPerson), [], CountyClock.At(Now)));
        Assert.Contains("面签", e.Message, StringComparison.Ordinal);
        card.Move(CardState.Activated, How(CardMethod.FaceToFace), [], CountyClock.At(Now));
        Assert.Equal(CardState.Activated, card.State);
    }

    [Fact]
    public void A_card_falls_dormant_only_after_the_period_without_activation()
    {
        var card = NewCard();
        card.Move(CardState.Issued, How(), [], CountyClock.At(Now));
        var e = Assert.Throws<DomainException>(() => card.FallDormant(TimeSpan.FromDays(90), "system", Now.AddDays(89)));
        Assert.Contains("未满 90 天", e.Message, StringComparison.Ordinal);
        card.FallDormant(TimeSpan.FromDays(90), "system", Now.AddDays(90));
        Assert.Equal(CardState.Dormant, card.State);
        Assert.Throws<DomainException>(() => card.Move(CardState.Dormant, How(), [], CountyClock.At(Now)));
    }

    [Fact]
    public void Issuing_to_a_proxy_needs_a_relative_or_guardian_and_cancelling_or_losing_needs_a_reason()
    {
        var card = NewCard();
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, How() with { Recipient = Recipient.Proxy, RecipientName = "邻居", ProxyRelation = "邻居" }, [], CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, How() with { Recipient = null }, [], CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => card.Move(CardState.Cancelled, How(note: " "), [], CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => card.Move(CardState.Lost, How(note: null), [], CountyClock.At(Now)));
        card.Move(CardState.Issued, How() with { Recipient = Recipient.Proxy, RecipientName = "张小三", ProxyRelation = "儿子" }, [], CountyClock.At(Now));
        Assert.Equal(Custody.WithHolder, card.Custody);
        Assert.Contains("张小三", card.Events[^1].Note, StringComparison.Ordinal);
    }

    private static CustodyAuthorisation Authorisation(long cardId, DateOnly from, DateOnly to) =>
        CustodyAuthorisation.Request(1, cardId, SpecialGroup.Minor, "张大山", "持卡人年幼,由监护人代管", from, to, "clerk", Now);

    [Fact]
    public void A_custodian_gets_the_card_only_with_an_approved_unexpired_authorisation_naming_them()
    {
        var card = NewCard();
        var today = DateOnly.FromDateTime(Now);
        var custodian = How() with { Recipient = Recipient.Custodian, RecipientName = "张大山" };
        var e = Assert.Throws<DomainException>(() => card.Move(CardState.Issued, custodian, [], CountyClock.At(Now)));
        Assert.Contains("代管", e.Message, StringComparison.Ordinal);

        var requested = Authorisation(card.Id, today.AddDays(-1), today.AddDays(30));
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, custodian, [requested], CountyClock.At(Now))); // not approved yet
        var expired = Authorisation(card.Id, today.AddDays(-60), today.AddDays(-1));
        expired.Approve("town", Now);
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, custodian, [expired], CountyClock.At(Now)));
        var otherCard = Authorisation(card.Id + 1, today, today.AddDays(30));
        otherCard.Approve("town", Now);
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, custodian, [otherCard], CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => card.Move(CardState.Issued, custodian with { RecipientName = "李四" }, [expired, otherCard], CountyClock.At(Now)));
        Assert.Equal(CardState.InStock, card.State);

        requested.Approve("town", Now);
        card.Move(CardState.Issued, custodian, [requested], CountyClock.At(Now));
        Assert.Equal(Custody.WithCustodian("张大山"), card.Custody);
    }

    [Fact]
    public void An_authorisation_needs_a_special_group_a_period_and_another_person_to_approve()
    {
        var today = DateOnly.FromDateTime(Now);
        Assert.Throws<DomainException>(() => CustodyAuthorisation.Request(1, 1, null, "张大山", "原因", today, today, "clerk", Now));
        Assert.Throws<DomainException>(() => CustodyAuthorisation.Request(1, 1, (SpecialGroup)9, "张大山", "原因", today, today, "clerk", Now));
        Assert.Throws<DomainException>(() => CustodyAuthorisation.Request(1, 1, SpecialGroup.Disabled, "张大山", "原因", today, today.AddDays(-1), "clerk", Now));
        Assert.Throws<DomainException>(() => CustodyAuthorisation.Request(1, 1, SpecialGroup.Disabled, "张大山", "原因", today, today.AddYears(4), "clerk", Now));
        Assert.Throws<DomainException>(() => CustodyAuthorisation.Request(1, 1, SpecialGroup.Disabled, " ", "原因", today, today, "clerk", Now));
        var a = CustodyAuthorisation.Request(1, 1, SpecialGroup.Disabled, "张大山", "行动不便", today, today.AddDays(10), "clerk", Now);
        Assert.Throws<DomainException>(() => a.Approve("clerk", Now));
        Assert.Throws<DomainException>(() => a.Refuse("town", "", Now));
        a.Refuse("town", "材料不全", Now);
        Assert.Throws<DomainException>(() => a.Approve("town", Now));
        Assert.False(a.Covers("张大山", today));
    }

    private static (CardHandover Handover, Dictionary<long, Card> Cards) Sent(int count)
    {
        var cards = Enumerable.Range(1, count).Select(i => NewCard(i)).ToDictionary(c => c.Id);
        var handover = CardHandover.Create(1, Village, Town, cards.Values, "clerk", "李四", "库存卡造册移交", Now);
        handover.Id = 7;
        handover.Dispatch(cards.Values);
        return (handover, cards);
    }

    [Fact]
    public void A_hand_over_takes_two_people_a_matching_count_and_stays_open_while_disputed()
    {
        var (handover, cards) = Sent(3);
        Assert.All(cards.Values, c => Assert.Equal(Village, c.Custody)); // still with the sender while travelling
        Assert.Throws<DomainException>(() => handover.Receive("clerk", "李四", 3, new HashSet<long> { 1, 2, 3 }, cards, Now));
        var e = Assert.Throws<DomainException>(() => handover.Receive("town", "王五", 3, new HashSet<long> { 1, 2 }, cards, Now));
        Assert.Contains("清点实收 3 张,但勾选了 2 张", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => handover.Receive("town", "王五", 1, new HashSet<long> { 99 }, cards, Now));

        handover.Receive("town", "王五", 2, new HashSet<long> { 1, 2 }, cards, Now);
        Assert.Equal(HandoverState.Disputed, handover.State);
        Assert.True(handover.IsOpen);
        Assert.Equal(Town, cards[1].Custody);
        Assert.Equal(Village, cards[3].Custody);
        Assert.Throws<DomainException>(() => cards[3].Move(CardState.Issued, How(), [], CountyClock.At(Now))); // still travelling
        Assert.Throws<DomainException>(() => handover.Receive("town", "王五", 1, new HashSet<long> { 3 }, cards, Now));

        handover.Resolve(3, found: false, "town", "王五", "村里复查未找到", cards[3], Now);
        Assert.Equal(HandoverState.Resolved, handover.State);
        Assert.Equal(CardState.Lost, cards[3].State);
        Assert.Equal(Village, cards[3].Custody); // last known custodian
        Assert.Throws<DomainException>(() => handover.Resolve(3, true, "town", "王五", "又找到了", cards[3], Now));
        Assert.All(cards.Values, c => Assert.Equal((c.State, c.Custody), Card.Replay(c.Events)));
    }

    [Fact]
    public void A_card_is_never_in_two_hand_overs_and_only_the_holder_of_it_can_send_it()
    {
        var (_, cards) = Sent(1);
        var again = CardHandover.Create(1, Village, Town, cards.Values, "clerk", "李四", null, Now);
        var e = Assert.Throws<DomainException>(() => again.Dispatch(cards.Values));
        Assert.Contains("正在交接中", e.Message, StringComparison.Ordinal);

        var atTown = NewCard(5, at: Town);
        Assert.Throws<DomainException>(() => CardHandover.Create(1, Village, Town, [atTown], "clerk", "李四", null, Now).Dispatch([atTown]));
        var issued = InState(CardState.Issued);
        Assert.Throws<DomainException>(() => CardHandover.Create(1, Village, Town, [issued], "clerk", "李四", null, Now).Dispatch([issued]));
        Assert.Throws<DomainException>(() => CardHandover.Create(1, Village, Village, [atTown], "clerk", "李四", null, Now));
        Assert.Throws<DomainException>(() => CardHandover.Create(1, Village, Custody.WithHolder, [atTown], "clerk", "李四", null, Now));
    }

    [Fact]
    public void State_and_custody_always_agree_with_the_events_over_random_legal_and_illegal_moves()
    {
        var random = new Random(20220801);
        var states = Enum.GetValues<CardState>();
        for (var n = 0; n < 200; n++)
        {
            var card = NewCard();
            for (var step = 0; step < 12; step++)
            {
                var to = states[random.Next(states.Length)];
                try
                {
                    _ = to == CardState.Dormant
                        ? card.FallDormant(TimeSpan.FromDays(random.Next(0, 800)), "system", Now)
                        : card.Move(to, How(to == CardState.Activated ? CardMethod.FaceToFace : CardMethod.InPerson) with
                        {
                            To = random.Next(2) == 0 ? Town : Village,
                        }, [], CountyClock.At(Now));
                }
                catch (DomainException)
                {
                    // refused moves leave no event behind
                }
                Assert.Equal(card.Version, card.Events.Count);
                Assert.Equal((card.State, card.Custody), Card.Replay(card.Events));
            }
        }
    }
}

public sealed class LostAndSecondIssueTests
{
    private static readonly DateTime Now = new(2022, 8, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Card Stock(CardState state = CardState.InStock) =>
        Card.Register(new Card { Id = 1, HolderName = "张三", TenantId = 1, BankId = 1, VillageId = 3 }, state, Custody.AtVillage(3), "clerk", "李四", Now.AddDays(-200));

    [Fact]
    public void A_lost_card_report_needs_a_day_not_in_the_future_and_the_circumstances_and_moves_the_card()
    {
        var card = Stock();
        Assert.Throws<DomainException>(() => LostCardReport.File(card, "三合村", DateOnly.FromDateTime(Now).AddDays(2), "不见了", "clerk", "李四", CountyClock.At(Now)));
        Assert.Throws<DomainException>(() => LostCardReport.File(card, "三合村", DateOnly.FromDateTime(Now), " ", "clerk", "李四", CountyClock.At(Now)));
        Assert.Equal(CardState.InStock, card.State);
        var report = LostCardReport.File(card, "三合村", DateOnly.FromDateTime(Now), "清点库存时发现缺少", "clerk", "李四", CountyClock.At(Now));
        Assert.Equal(CardState.Lost, card.State);
        Assert.Contains("清点库存时发现缺少", card.Events[^1].Note, StringComparison.Ordinal);
        report.Acknowledge("town", Now);
        Assert.Throws<DomainException>(() => report.Acknowledge("town", Now));
    }

    [Fact]
    public void A_failed_second_issue_needs_a_reason_and_recalls_the_card_a_successful_one_issues_it()
    {
        var how = new CardMove("clerk", "李四", CardMethod.InPerson) { Recipient = Recipient.Holder, To = Custody.AtTown(2) };
        var dormant = Stock(CardState.Dormant);
        Assert.Throws<DomainException>(() => SecondIssueAttempt.Record(dormant, DateOnly.FromDateTime(Now), false, "", how, [], CountyClock.At(Now)));
        var failed = SecondIssueAttempt.Record(dormant, DateOnly.FromDateTime(Now), false, "持卡人长期外出,联系不上", how, [], CountyClock.At(Now));
        Assert.Equal(CardState.Returned, dormant.State);
        Assert.Equal(Custody.AtTown(2), dormant.Custody);
        Assert.Equal("持卡人长期外出,联系不上", failed.FailureReason);
        Assert.Throws<DomainException>(() => SecondIssueAttempt.Record(dormant, DateOnly.FromDateTime(Now), true, null, how, [], CountyClock.At(Now)));

        var stock = Stock();
        Assert.True(SecondIssueAttempt.Record(stock, DateOnly.FromDateTime(Now), true, null, how, [], CountyClock.At(Now)).Succeeded);
        Assert.Equal((CardState.Issued, Custody.WithHolder), (stock.State, stock.Custody));
    }
}
