using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.People;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>A card's life by the village and the town, called as the card page calls it, on a real database file.</summary>
public sealed class CardTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static int _person = 800_000;

    /// <summary>A new card of a made-up person, in stock at demo.clerk1's village.</summary>
    private async Task<(long Card, Actor Clerk)> StockCardAsync()
    {
        var clerk = await demo.ActorAsync("demo.clerk1");
        var protector = demo.Services.GetRequiredService<PersonalDataProtector>();
        await using var db = demo.Db(clerk.Scope.TenantId);
        var person = Interlocked.Increment(ref _person);
        var (id, number) = (SyntheticTaskList.IdNumberFor(person), SyntheticTaskList.CardFor(person));
        var card = Card.Register(new Card
        {
            TenantId = clerk.Scope.TenantId, HolderName = "张三", VillageId = clerk.Scope.UnitId, BankId = await db.Banks.Select(b => b.Id).FirstAsync(),
            IdNumberCipher = protector.Protect(id, Purposes.IdNumber), IdNumberHash = protector.Hash(id, Purposes.IdNumber), IdNumberMasked = Mask.IdNumber(id),
            CardNumberCipher = protector.Protect(number, Purposes.BankCard), CardNumberHash = protector.Hash(number, Purposes.BankCard), CardNumberMasked = Mask.BankCard(number),
        }, CardState.InStock, Custody.AtVillage(clerk.Scope.UnitId), "test", "测试", DateTime.UtcNow);
        db.Cards.Add(card);
        await db.SaveChangesAsync();
        return (card.Id, clerk);
    }

    private static Task<string?> Signed() => Task.FromResult<string?>(null);

    [Fact]
    public async Task The_village_issues_a_card_and_nobody_outside_may_and_the_domain_refuses_with_its_reason()
    {
        var (card, clerk) = await StockCardAsync();
        await using var db = demo.Db(clerk.Scope.TenantId);
        var issue = new MoveDetails { To = CardState.Issued, Recipient = Recipient.Holder, Method = CardMethod.InPerson };
        Assert.Equal(Result.Denied, await new MoveCard(db, TimeProvider.System).HandleAsync(await demo.ActorAsync("demo.clerk2"), card, issue, default));
        Assert.Equal(Result.Denied, await new MoveCard(db, TimeProvider.System).HandleAsync(await demo.ActorAsync("demo.county"), card, issue, default));
        Assert.Equal(Result.NotFound, await new MoveCard(db, TimeProvider.System).HandleAsync(clerk, long.MaxValue, issue, default));
        Assert.Equal(Status.Done, (await new MoveCard(db, TimeProvider.System).HandleAsync(clerk, card, issue, default)).Status);

        var byPhone = new MoveDetails { To = CardState.Activated, Method = CardMethod.InPerson };
        var refused = await new MoveCard(db, TimeProvider.System).HandleAsync(clerk, card, byPhone, default);
        Assert.Equal(Result.Refused("金融功能须持卡人本人到银行网点面签激活,严禁非面签方式激活。"), refused);

        await using var check = demo.Db(clerk.Scope.TenantId);
        var stored = await check.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card);
        Assert.Equal(CardState.Issued, stored.State);
        Assert.Equal(2, stored.Events.Count);
    }

    [Fact]
    public async Task Only_the_clerk_reports_a_lost_card_and_only_with_the_facts_and_the_signature()
    {
        var (card, clerk) = await StockCardAsync();
        await using var db = demo.Db(clerk.Scope.TenantId);
        Task<string> Where(Card c) => Task.FromResult("村委会");
        var today = Domain.Organization.CountyClock.BeijingTime.Today;
        Assert.Equal(Result.Denied, await new ReportLostCard(db, TimeProvider.System).HandleAsync(await demo.ActorAsync("demo.town"), card, today, "清点时缺少", Where, Signed, default));
        Assert.Equal(Result.Refused("请填写发现遗失的日期和遗失经过。"), await new ReportLostCard(db, TimeProvider.System).HandleAsync(clerk, card, today, " ", Where, Signed, default));
        Assert.Equal(Result.Refused("密码不正确,未签字。"),
            await new ReportLostCard(db, TimeProvider.System).HandleAsync(clerk, card, today, "清点时缺少", Where, () => Task.FromResult<string?>("密码不正确,未签字。"), default));
        Assert.Equal(Status.Done, (await new ReportLostCard(db, TimeProvider.System).HandleAsync(clerk, card, today, "清点时缺少", Where, Signed, default)).Status);
        await using var check = demo.Db(clerk.Scope.TenantId);
        var report = await check.LostCardReports.SingleAsync(r => r.CardId == card);
        Assert.Equal("村委会", report.LastCustodian);

        // The town confirms it has the report; the clerk who filed it cannot, and it is confirmed once.
        var acknowledge = new AcknowledgeLostCard(check, TimeProvider.System);
        Assert.Equal(Result.Denied, await acknowledge.HandleAsync(clerk, report.Id, default));
        Assert.Equal(Result.NotFound, await acknowledge.HandleAsync(await demo.ActorAsync("demo.town"), long.MaxValue, default));
        Assert.Equal(Result.Done("已确认收到遗失卡登记。"), await acknowledge.HandleAsync(await demo.ActorAsync("demo.town"), report.Id, default));
        Assert.Equal(Status.Refused, (await acknowledge.HandleAsync(await demo.ActorAsync("demo.town"), report.Id, default)).Status);
    }

    [Fact]
    public async Task The_clerk_asks_for_custody_and_the_town_decides_it()
    {
        var (card, clerk) = await StockCardAsync();
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(clerk.Scope.TenantId);
        var today = Domain.Organization.CountyClock.BeijingTime.Today;
        Assert.Equal(Result.Denied, await new RequestCustody(db, TimeProvider.System).HandleAsync(town, card, SpecialGroup.Disabled, "李四", "行动不便", today, today.AddMonths(6), default));
        Assert.Equal(Status.Done, (await new RequestCustody(db, TimeProvider.System).HandleAsync(clerk, card, SpecialGroup.Disabled, "李四", "行动不便", today, today.AddMonths(6), default)).Status);
        var request = await db.CustodyAuthorisations.Where(a => a.CardId == card).Select(a => a.Id).SingleAsync();

        Assert.Equal(Result.Denied, (await new DecideCustody(db, TimeProvider.System).HandleAsync(clerk, request, approve: true, null, default)).Result);
        Assert.Equal(Result.NotFound, (await new DecideCustody(db, TimeProvider.System).HandleAsync(town, long.MaxValue, approve: true, null, default)).Result);
        var (approved, cardId) = await new DecideCustody(db, TimeProvider.System).HandleAsync(town, request, approve: true, null, default);
        Assert.Equal(Status.Done, approved.Status);
        Assert.Equal(card, cardId);
        await using var check = demo.Db(clerk.Scope.TenantId);
        Assert.Equal(AuthorisationState.Approved, (await check.CustodyAuthorisations.SingleAsync(a => a.Id == request)).State);
    }

    [Fact]
    public async Task The_town_counts_a_village_s_hand_over_and_settles_the_card_that_did_not_arrive()
    {
        var (first, clerk) = await StockCardAsync();
        var (second, _) = await StockCardAsync();
        var town = await demo.ActorAsync("demo.town");
        long handoverId;
        await using (var db = demo.Db(clerk.Scope.TenantId))
        {
            var cards = await db.Cards.Include(c => c.Events).Where(c => c.Id == first || c.Id == second).ToListAsync();
            var village = await db.OrgUnits.SingleAsync(u => u.Id == clerk.Scope.UnitId);
            var handover = CardHandover.Create(clerk.Scope.TenantId, Custody.AtVillage(village.Id), Custody.AtTown(village.ParentId!.Value), cards, clerk.UserId, "王五", null, DateTime.UtcNow);
            db.CardHandovers.Add(handover);
            await db.SaveChangesAsync();
            handover.Dispatch(cards);
            await db.SaveChangesAsync();
            handoverId = handover.Id;
        }
        await using var work = demo.Db(clerk.Scope.TenantId);
        Assert.Equal(Result.Denied, await new ReceiveHandover(work, TimeProvider.System).HandleAsync(clerk, handoverId, "王五", 2, [first, second], default)); // the sender does not receive
        Assert.Equal(Status.Refused, (await new ReceiveHandover(work, TimeProvider.System).HandleAsync(town, handoverId, " ", 1, [first], default)).Status);
        var received = await new ReceiveHandover(work, TimeProvider.System).HandleAsync(town, handoverId, "赵六", 1, [first], default);
        Assert.Equal(Status.Done, received.Status);
        Assert.Contains("1 张未收到", received.Message, StringComparison.Ordinal);
        Assert.Equal(Result.Denied, await new ResolveHandoverCard(work, TimeProvider.System).HandleAsync(clerk, handoverId, second, false, null, "路上遗失", default));
        Assert.Equal(Status.Done, (await new ResolveHandoverCard(work, TimeProvider.System).HandleAsync(town, handoverId, second, false, null, "路上遗失", default)).Status);
        await using var check = demo.Db(clerk.Scope.TenantId);
        Assert.Equal(CardState.Lost, (await check.Cards.SingleAsync(c => c.Id == second)).State);
        Assert.Equal(HandoverState.Resolved, (await check.CardHandovers.SingleAsync(h => h.Id == handoverId)).State);
    }

    [Fact]
    public async Task The_clerk_sends_the_village_s_stock_to_the_town_centre_only_and_a_card_sent_cannot_travel_twice()
    {
        var (first, clerk) = await StockCardAsync();
        var (second, _) = await StockCardAsync();
        var village = Custody.AtVillage(clerk.Scope.UnitId);
        await using var db = demo.Db(clerk.Scope.TenantId);
        var town = Custody.AtTown(await db.OrgUnits.Where(u => u.Id == clerk.Scope.UnitId).Select(u => u.ParentId!.Value).SingleAsync());
        var send = new SendHandover(db, TimeProvider.System);

        Assert.Equal(Result.Denied, (await send.HandleAsync(await demo.ActorAsync("demo.verifier1"), village, town, [first], "王五", null, default)).Result);
        Assert.Equal(Result.Denied, (await send.HandleAsync(await demo.ActorAsync("demo.county"), village, town, [first], "王五", null, default)).Result);
        Assert.Equal(Result.Refused("请选择发出单位和接收单位。"), (await send.HandleAsync(clerk, village, Custody.AtBank(1), [first], "王五", null, default)).Result);
        var elsewhere = await demo.ActorAsync("demo.clerk2"); // another village's clerk cannot send this village's cards
        Assert.Equal(Result.Refused("请选择发出单位和接收单位。"), (await send.HandleAsync(elsewhere, village, town, [first], "王五", null, default)).Result);

        var (result, handoverId) = await send.HandleAsync(clerk, village, town, [first, second], "王五", "月底移交", default);
        Assert.Equal(Result.Done("已造册移交 2 张卡,等待接收方清点确认。"), result);
        Assert.Equal(Result.Refused("有的卡已不在发出单位,请刷新后重新选择。"),
            (await new SendHandover(demo.Db(clerk.Scope.TenantId), TimeProvider.System).HandleAsync(clerk, village, town, [first], "王五", null, default)).Result);
        await using var check = demo.Db(clerk.Scope.TenantId);
        Assert.All(await check.Cards.Where(c => c.Id == first || c.Id == second).ToListAsync(), c => Assert.Equal(handoverId, c.HandoverId));
    }

    [Fact]
    public async Task Only_the_town_marks_dormant_cards_and_only_those_past_the_period()
    {
        var (card, clerk) = await StockCardAsync();
        await using var db = demo.Db(clerk.Scope.TenantId);
        var mark = new MarkDormantCards(db, TimeProvider.System);
        Assert.Equal(Result.Denied, await mark.HandleAsync(clerk, TimeSpan.FromDays(90), default));
        var town = await demo.ActorAsync("demo.town");
        var none = await mark.HandleAsync(town, TimeSpan.FromDays(36_500), default);
        Assert.Equal(Result.Done("没有发放或入库满 36500 天仍未激活的卡。"), none);
        Assert.Equal(CardState.InStock, (await demo.Db(clerk.Scope.TenantId).Cards.SingleAsync(c => c.Id == card)).State);
        var marked = await new MarkDormantCards(demo.Db(clerk.Scope.TenantId), new Later(TimeSpan.FromDays(91))).HandleAsync(town, TimeSpan.FromDays(90), default);
        Assert.Equal(Status.Done, marked.Status);
        Assert.Equal(CardState.Dormant, (await demo.Db(clerk.Scope.TenantId).Cards.SingleAsync(c => c.Id == card)).State);
    }

    /// <summary>The clock some days ahead: cards stocked today are then past the dormancy period.</summary>
    private sealed class Later(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
