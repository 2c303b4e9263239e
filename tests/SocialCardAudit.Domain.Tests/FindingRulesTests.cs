using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Tests;

public sealed class FindingRulesTests
{
    private static readonly DateTime Now = new(2021, 6, 15, 10, 0, 0);
    private static readonly FindingContext Context = new(Now, new DateOnly(2021, 6, 8), new DateOnly(1940, 3, 1), ["农业银行", "邮政银行"]);

    private static readonly Finding InUse = new()
    {
        Outcome = Outcome.ReceivedInUse, Phone = "13800138000", VisitedAt = Now.AddHours(-1), Signature = SignatureKind.Self,
    };

    private static readonly Finding Deceased = InUse with
    {
        Outcome = Outcome.NotReceivedDeceased,
        DeathDate = new DateOnly(2020, 12, 1),
        CardWhereabouts = "由其子李四保管",
        Signature = SignatureKind.Proxy,
        ProxyName = "李四",
        ProxyRelation = "儿子",
    };

    private static IReadOnlyList<string> Fields(Finding f) => FindingRules.Validate(f, Context).Select(e => e.Field).ToList();

    private static string Message(Finding f, string field) => FindingRules.Validate(f, Context).First(e => e.Field == field).Message;

    [Fact]
    public void A_complete_finding_of_each_outcome_passes()
    {
        Assert.Empty(Fields(InUse));
        Assert.Empty(Fields(Deceased));
        Assert.Empty(Fields(Deceased with { Outcome = Outcome.ReceivedDeceased, DeathDate = null, DeclaredToCounty = true, CardWhereabouts = null }));
        Assert.Empty(Fields(InUse with { Outcome = Outcome.NotReceivedHandedIn, HandedInTo = HandedInTo.Bank, HandedInBank = "农业银行", HandedInDate = new DateOnly(2021, 5, 1) }));
        Assert.Empty(Fields(InUse with { Outcome = Outcome.NotReceivedHandedIn, HandedInTo = HandedInTo.TownCentre, HandedInDate = new DateOnly(2021, 6, 15) }));
    }

    [Fact]
    public void An_outcome_outside_the_four_is_refused()
    {
        Assert.Equal(["Outcome"], Fields(InUse with { Outcome = (Outcome)9 }));
        Assert.Equal(["Outcome"], Fields(InUse with { Outcome = null }));
    }

    [Fact]
    public void Received_and_deceased_needs_either_the_declaration_or_the_death_date()
    {
        var f = Deceased with { Outcome = Outcome.ReceivedDeceased, DeathDate = null, CardWhereabouts = null };
        Assert.Contains("已申报", Message(f, "DeathDate"), StringComparison.Ordinal);
        Assert.Empty(Fields(f with { DeathDate = new DateOnly(2021, 1, 1) }));
    }

    [Fact]
    public void Handed_in_needs_to_whom_the_bank_when_it_is_a_bank_and_a_date_not_after_the_visit()
    {
        var f = InUse with { Outcome = Outcome.NotReceivedHandedIn };
        Assert.Equal(["HandedInTo", "HandedInDate"], Fields(f));
        Assert.Equal(["HandedInBank"], Fields(f with { HandedInTo = HandedInTo.Bank, HandedInBank = "某某银行", HandedInDate = new DateOnly(2021, 6, 1) }));
        Assert.Equal(["HandedInDate"], Fields(f with { HandedInTo = HandedInTo.TownCentre, HandedInDate = new DateOnly(2021, 6, 16) }));
    }

    [Theory]
    [InlineData(null, "须填写卡片去向")]
    [InlineData("  ", "须填写卡片去向")]
    [InlineData("不知道", "清晰、明确")]
    [InlineData("不清楚去向", "清晰、明确")]
    [InlineData("丢了", "清晰、明确")]
    public void Not_received_and_deceased_needs_a_clear_whereabouts(string? where, string message) =>
        Assert.Contains(message, Message(Deceased with { CardWhereabouts = where }, "CardWhereabouts"), StringComparison.Ordinal);

    [Fact]
    public void Not_received_and_deceased_needs_the_death_date() =>
        Assert.Contains("须填写去世时间", Message(Deceased with { DeathDate = null }, "DeathDate"), StringComparison.Ordinal);

    [Fact]
    public void The_death_date_is_not_after_the_visit_nor_before_birth()
    {
        Assert.Contains("不能晚于上门核查时间", Message(Deceased with { DeathDate = new DateOnly(2099, 1, 1) }, "DeathDate"), StringComparison.Ordinal);
        Assert.Contains("不能早于出生日期 1940-03-01", Message(Deceased with { DeathDate = new DateOnly(1939, 1, 1) }, "DeathDate"), StringComparison.Ordinal);
        Assert.Contains("只有“已经去世”", Message(InUse with { DeathDate = new DateOnly(2021, 1, 1) }, "DeathDate"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_visit_is_not_in_the_future_nor_before_the_campaign()
    {
        Assert.Contains("不能晚于现在", Message(InUse with { VisitedAt = Now.AddHours(1) }, "VisitedAt"), StringComparison.Ordinal);
        Assert.Empty(Fields(InUse with { VisitedAt = Now.AddMinutes(5) })); // a phone's clock a little ahead
        Assert.Contains("2021-06-08", Message(InUse with { VisitedAt = new DateTime(2021, 6, 7, 9, 0, 0) }, "VisitedAt"), StringComparison.Ordinal);
        Assert.Equal(["VisitedAt"], Fields(InUse with { VisitedAt = null }));
    }

    [Fact]
    public void The_deceased_are_signed_for_by_a_proxy_only()
    {
        Assert.Contains("代为签名", Message(Deceased with { Signature = SignatureKind.Self, ProxyName = null, ProxyRelation = null }, "Signature"), StringComparison.Ordinal);
        Assert.Contains("代为签名", Message(Deceased with { Signature = SignatureKind.Fingerprint }, "Signature"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("邻居")]
    [InlineData("朋友")]
    [InlineData("村干部")]
    [InlineData(null)]
    public void A_proxy_must_be_an_immediate_relative_or_guardian(string? relation) =>
        Assert.Equal(["ProxyRelation"], Fields(Deceased with { ProxyRelation = relation }));

    [Fact]
    public void A_proxy_must_give_a_name()
    {
        Assert.Equal(["ProxyName"], Fields(Deceased with { ProxyName = "" }));
        Assert.Empty(Fields(InUse with { Signature = SignatureKind.Proxy, ProxyName = "王五", ProxyRelation = "监护人" }));
    }

    [Fact]
    public void The_phone_is_required_and_well_formed()
    {
        Assert.Equal(["Phone"], Fields(InUse with { Phone = "" }));
        Assert.Equal(["Phone"], Fields(InUse with { Phone = "12345" }));
    }

    [Fact]
    public void Normalizing_keeps_only_what_the_outcome_means()
    {
        var n = FindingRules.Normalize(InUse with
        {
            DeathDate = new DateOnly(2020, 1, 1),
            CardWhereabouts = "x",
            HandedInBank = "农业银行",
            ProxyName = "李四",
            ProxyRelation = "儿子",
            Note = "  ",
        });
        Assert.Null(n.DeathDate);
        Assert.Null(n.CardWhereabouts);
        Assert.Null(n.HandedInBank);
        Assert.Null(n.ProxyName);
        Assert.Null(n.Note);
        Assert.Empty(Fields(n));
    }
}

public sealed class RecordingRulesTests
{
    private static readonly DateTime Now = new(2021, 6, 20, 10, 0, 0);
    private static readonly FindingContext Context = new(Now, new DateOnly(2021, 6, 8), new DateOnly(1950, 1, 1), ["邮政银行"]);

    /// <summary>Not only the web form: any caller that records a finding meets the rules of 附件2.</summary>
    [Fact]
    public void A_finding_breaking_the_rules_is_refused_when_recorded_without_the_form_and_nothing_changes()
    {
        var record = new VerificationRecord { TaskRowId = 1 };
        var broken = new Finding { Outcome = Outcome.NotReceivedDeceased, VisitedAt = Now.AddHours(-1), Signature = SignatureKind.Self, Phone = "13800138000" };
        var e = Assert.Throws<FindingRejectedException>(() => record.Record(broken, Context, "v", Now));
        Assert.Contains(e.Errors, x => x.Message == FindingRules.Messages.DeathDateMissing);
        Assert.Contains(e.Errors, x => x.Message == FindingRules.Messages.WhereaboutsMissing);
        Assert.Equal(0, record.Version);

        var version = record.Record(broken with { DeathDate = new DateOnly(2021, 3, 1), CardWhereabouts = "已交村委会", Signature = SignatureKind.Proxy, ProxyName = "李四", ProxyRelation = "儿子" },
            Context, "v", Now);
        Assert.Equal(1, version.Version);
    }
}
