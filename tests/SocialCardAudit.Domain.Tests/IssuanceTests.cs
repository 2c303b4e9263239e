using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;

namespace SocialCardAudit.Domain.Tests;

/// <summary>The phases of 社会保障卡应发尽发 for one person (Dayao 2022, Panyu 2013): each refused where the plan does not allow it.</summary>
public sealed class IssuanceTests
{
    private static readonly DateOnly Today = new(2022, 6, 9);
    private static readonly DateTime Now = new(2022, 6, 9, 2, 0, 0, DateTimeKind.Utc);

    private static NineElements Complete => new(Sex.Female, "彝族", new DateOnly(1980, 1, 1), null, IdLongTerm: true,
        "大姚县金碧镇新街社区", "13800138000", "农民");

    private static IssuanceCase Person(ComparisonResult comparison = ComparisonResult.NoRecord) =>
        new() { Name = "李秀英", Comparison = comparison, CampaignId = 1, VillageId = 2 };

    private static CardEvent Event(long card, CardState to, CardMethod method) =>
        new() { CardId = card, ToState = to, Method = method, Action = "", ById = "u", Responsible = "张三", AtUtc = Now };

    [Fact]
    public void A_person_found_deceased_is_never_carded()
    {
        var person = Person();
        person.Verify(Complete, hasPhoto: true, alive: false, "u", Now);
        Assert.Equal(IssuanceStage.Deceased, person.Stage);
        Assert.Equal("李秀英已去世,不再制卡。", Assert.Throws<DomainException>(() => person.AddToBatch(1, MakingRoute.Batch, Today)).Message);
        Assert.Equal("李秀英现为“已去世”,不能再核查。", Assert.Throws<DomainException>(() => person.Verify(Complete, true, true, "u", Now)).Message);
        Assert.True(IssuancePlan.Done(person.Stage, IssuancePhase.Activation)); // nothing is due for them
    }

    [Fact]
    public void The_nine_elements_and_a_photo_are_complete_before_a_batch()
    {
        var person = Person();
        Assert.Contains("尚未完成信息核查", Assert.Throws<DomainException>(() => person.AddToBatch(1, MakingRoute.Batch, Today)).Message, StringComparison.Ordinal);

        person.Verify(Complete with { Ethnicity = " ", IdLongTerm = false, IdValidUntil = new DateOnly(2021, 1, 1), Phone = "123" }, true, true, "u", Now);
        Assert.Equal("李秀英的制卡九要素不全(缺民族、证件有效期、联系电话),请先补正。",
            Assert.Throws<DomainException>(() => person.AddToBatch(1, MakingRoute.Batch, Today)).Message); // an expired ID card opens no account

        person.Verify(Complete, hasPhoto: false, alive: true, "u", Now);
        Assert.Contains("照片", Assert.Throws<DomainException>(() => person.AddToBatch(1, MakingRoute.Batch, Today)).Message, StringComparison.Ordinal);

        person.Verify(Complete, hasPhoto: true, alive: true, "u", Now);
        person.AddToBatch(7, MakingRoute.Instant, Today);
        Assert.Equal((IssuanceStage.InBatch, 7L, MakingRoute.Instant), (person.Stage, person.BatchId!.Value, person.Route!.Value));
        Assert.Equal("李秀英现为“制卡中”,不能再加入制卡批次。", Assert.Throws<DomainException>(() => person.AddToBatch(8, MakingRoute.Batch, Today)).Message);
        Assert.Empty(Complete.Missing(Today));
    }

    [Fact]
    public void A_failed_making_needs_its_reason_and_goes_back_to_the_village_to_put_right()
    {
        var person = Person();
        person.Verify(Complete, true, true, "u", Now);
        person.AddToBatch(1, MakingRoute.Batch, Today);
        Assert.Equal("制卡失败须选择原因。", Assert.Throws<DomainException>(() => person.Failed("", null)).Message);
        Assert.Contains("写明", Assert.Throws<DomainException>(() => person.Failed(MakingFailures.Other, " ")).Message, StringComparison.Ordinal);

        person.Failed("照片质量不合格", "背景不是白色");
        Assert.Equal((IssuanceStage.MakingFailed, "照片质量不合格:背景不是白色"), (person.Stage, person.FailureReason));
        Assert.False(IssuancePlan.Done(person.Stage, IssuancePhase.Making));

        // A new photo taken at the village, and the person goes into the next batch.
        person.Verify(Complete, true, true, "u", Now);
        person.AddToBatch(2, MakingRoute.Batch, Today);
        person.Made(cardId: 500, Now);
        Assert.Equal((IssuanceStage.Made, 500L, (string?)null), (person.Stage, person.CardId!.Value, person.FailureReason));
    }

    [Fact]
    public void A_card_found_at_comparison_is_issued_not_made_again()
    {
        var person = Person(ComparisonResult.CardMade);
        person.Verify(Complete, true, true, "u", Now);
        Assert.Contains("不要重复制卡", Assert.Throws<DomainException>(() => person.AddToBatch(1, MakingRoute.Batch, Today)).Message, StringComparison.Ordinal);
        person.Found(cardId: 42, Now);
        Assert.Equal(IssuanceStage.Made, person.Stage);
        Assert.Throws<DomainException>(() => Person().Found(42, Now)); // only a card the comparison found
    }

    [Fact]
    public void Activation_is_face_to_face_only_and_follows_the_issue_of_the_same_card()
    {
        var person = Person(ComparisonResult.CardMade);
        person.Found(42, Now);
        Assert.Contains("还没有发放", Assert.Throws<DomainException>(() => person.Activated(Event(42, CardState.Activated, CardMethod.FaceToFace))).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => person.Issued(Event(43, CardState.Issued, CardMethod.InPerson))); // another card's
        person.Issued(Event(42, CardState.Issued, CardMethod.InPerson));
        Assert.Equal((IssuanceStage.Issued, Now), (person.Stage, person.IssuedAtUtc!.Value));

        Assert.Equal("金融功能须持卡人本人到银行网点面签激活,严禁非面签方式激活。",
            Assert.Throws<DomainException>(() => person.Activated(Event(42, CardState.Activated, CardMethod.InPerson))).Message);
        person.Activated(Event(42, CardState.Activated, CardMethod.FaceToFace));
        Assert.Equal(IssuanceStage.Activated, person.Stage);
        Assert.All(Enum.GetValues<IssuancePhase>(), p => Assert.True(IssuancePlan.Done(person.Stage, p)));
    }

    [Fact]
    public void A_plan_s_deadlines_run_in_the_order_of_its_phases()
    {
        var dayao = new IssuancePlan(new(2022, 6, 5), new(2022, 6, 10), new(2022, 7, 10), new(2022, 8, 20), new(2022, 8, 30)).Checked();
        Assert.Equal(IssuancePhase.Verification, dayao.Current(Today));
        Assert.Equal(IssuancePhase.Issuing, dayao.Current(new DateOnly(2022, 8, 20)));
        Assert.Equal(IssuancePhase.Activation, dayao.Current(new DateOnly(2022, 12, 1)));
        Assert.Equal("“发放”的完成时限(2022-07-01)不能早于“制卡”的(2022-07-10)。",
            Assert.Throws<DomainException>(() => (dayao with { Issuing = new DateOnly(2022, 7, 1) }).Checked()).Message);
    }
}

/// <summary>An issuance campaign's terms and its progress figures.</summary>
public sealed class IssuanceCampaignTests
{
    private static readonly IReadOnlyList<PhaseTerms> Dayao =
    [
        new("数据比对", new(2022, 6, 5)), new("信息核查", new(2022, 6, 10)), new("制卡", new(2022, 7, 10)),
        new("发放", new(2022, 8, 20)), new("金融功能激活", new(2022, 8, 30)),
    ];

    private static CampaignTerms Terms(IReadOnlyList<PhaseTerms> phases) =>
        new("DY-2022", "大姚县社会保障卡应发尽发", "大人社发〔2022〕1号", new(2022, 5, 25), new(2022, 8, 31), [1], phases, CampaignKind.Issuance);

    [Fact]
    public void An_issuance_campaign_has_the_five_phases_of_the_plan_in_order()
    {
        Assert.Empty(Terms(Dayao).Validate());
        Assert.Equal(new IssuancePlan(new(2022, 6, 5), new(2022, 6, 10), new(2022, 7, 10), new(2022, 8, 20), new(2022, 8, 30)), CampaignTerms.PlanOf(Dayao));
        Assert.Contains(Terms(Dayao.Take(4).ToList()).Validate(), e => e.Message.StartsWith("应发尽发须有且只有这五个阶段", StringComparison.Ordinal));
        var backwards = Dayao.Select(p => p.Name == "发放" ? p with { Deadline = new(2022, 7, 1) } : p).ToList();
        Assert.Contains(Terms(backwards).Validate(), e => e.Message == "“发放”的完成时限(2022-07-01)不能早于“制卡”的(2022-07-10)。");
        Assert.Empty((Terms(Dayao) with { Kind = CampaignKind.Audit, Phases = [] }).Validate()); // an audit campaign needs no plan

        var campaign = Campaign.Create(1, 2, Terms(Dayao), new Dictionary<int, int> { [1] = 2 });
        Assert.Equal(new DateOnly(2022, 7, 10), campaign.Plan!.Making);
    }

    [Fact]
    public void The_figures_count_the_deceased_as_done_and_flag_a_phase_behind_its_deadline()
    {
        var plan = CampaignTerms.PlanOf(Dayao)!;
        // 10 people: 1 deceased; 8 verified (+1 deceased), 5 made, 3 issued, 1 activated; a week ago 4 verified and nothing made.
        var f = new IssuanceFigures(10, 1, 2, [10, 9, 6, 4, 2], [10, 5, 1, 1, 1]);
        Assert.Equal((90.0m, 4, 5), (f.Percent(IssuancePhase.Verification), f.ChangeIn(IssuancePhase.Verification), f.ChangeIn(IssuancePhase.Making)));
        Assert.True(f.Overdue(IssuancePhase.Verification, plan, new DateOnly(2022, 6, 11)));
        Assert.False(f.Overdue(IssuancePhase.Making, plan, new DateOnly(2022, 6, 11)));
        Assert.Equal(33.3m, f.ActivationRate); // 1 of the 3 issued to the living
        var sum = IssuanceFigures.Sum([f, f]);
        Assert.Equal((20, 2, 4, 12), (sum.Total, sum.Deceased, sum.OpenFailures, sum.DoneIn(IssuancePhase.Making)));
    }

    [Fact]
    public void Each_phase_is_done_when_its_step_happened_and_a_deceased_person_when_found_so()
    {
        var now = new DateTime(2022, 6, 9, 2, 0, 0, DateTimeKind.Utc);
        var person = new IssuanceCase { Name = "李秀英", Comparison = ComparisonResult.NoRecord, ComparedAtUtc = now.AddDays(-3) };
        Assert.Equal(now.AddDays(-3), person.DoneAtUtc(IssuancePhase.Comparison));
        Assert.Null(person.DoneAtUtc(IssuancePhase.Verification));
        person.Verify(new NineElements(Sex.Female, "彝族", new(1980, 1, 1), null, true, "金碧镇", "13800138000", "农民"), true, alive: false, "u", now);
        Assert.All(Enum.GetValues<IssuancePhase>().Skip(1), p => Assert.Equal(now, person.DoneAtUtc(p)));
    }
}

public sealed class NineElementsTests
{
    [Fact]
    public void Sex_and_date_of_birth_must_agree_with_the_id_number()
    {
        var id = "43062119400112031" + SocialCardAudit.Domain.People.IdNumber.CheckCharacter("43062119400112031"); // a man born 1940-01-12
        var today = new DateOnly(2022, 6, 9);
        Assert.Equal((Sex.Male, (DateOnly?)new DateOnly(1940, 1, 12)), NineElements.FromIdNumber(id, today));
        var found = new NineElements(Sex.Male, "汉族", new DateOnly(1940, 1, 12), null, true, "永吉村", "13900001111", "农民");
        Assert.Null(found.Contradiction(id, today));
        Assert.Equal("出生日期 1960-03-01 与身份证号码不符(身份证为 1940-01-12),请核对。", (found with { BirthDate = new DateOnly(1960, 3, 1) }).Contradiction(id, today));
        Assert.Equal("性别与身份证号码不符(身份证为男),请核对。", (found with { Sex = Sex.Female }).Contradiction(id, today));
        Assert.Null((found with { Sex = null, BirthDate = null }).Contradiction(id, today)); // missing, not contradicting: Missing names it
    }
}
