using SocialCardAudit.Domain;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Tests;

public sealed class SignOffTests
{
    private static readonly DateTime Now = new(2021, 6, 28, 16, 0, 0);

    [Fact]
    public void Statistics_of_a_hand_counted_village()
    {
        // 9 rows over 3 groups (one row without a group): 3 in use, 1 received-deceased, 2 handed in,
        // 1 not-received-deceased, 2 still open, 2 with an open issue.
        RowState[] rows =
        [
            new(1, Outcome.ReceivedInUse, 10, false), new(2, Outcome.ReceivedInUse, 10, false), new(3, Outcome.ReceivedInUse, 11, true),
            new(4, Outcome.ReceivedDeceased, 11, false), new(5, Outcome.NotReceivedHandedIn, 12, false), new(6, Outcome.NotReceivedHandedIn, 12, false),
            new(7, Outcome.NotReceivedDeceased, null, false), new(8, null, 12, true), new(9, null, 10, false),
        ];
        var s = VillageStatistics.Compute(rows);
        Assert.Equal(new VillageStatistics(9, 3, 3, 1, 2, 1, 2, 2), s);
        Assert.Equal(4, s.ReceivedTotal);
        Assert.Equal(3, s.NotReceivedTotal);
        Assert.Equal(s.TaskRecords, s.ReceivedTotal + s.NotReceivedTotal + s.Open);
    }

    [Fact]
    public void An_empty_village_counts_zero_everywhere_and_sums_are_by_village()
    {
        var empty = VillageStatistics.Compute([]);
        Assert.Equal(new VillageStatistics(0, 0, 0, 0, 0, 0, 0, 0), empty);
        var one = VillageStatistics.Compute([new(1, Outcome.ReceivedInUse, 5, false), new(2, Outcome.NotReceivedDeceased, 6, false)]);
        var town = VillageStatistics.Sum([empty, one, one]);
        Assert.Equal(new VillageStatistics(4, 4, 2, 0, 0, 2, 0, 0), town);
    }

    private static VillageSubmission Submission() => new() { CampaignId = 1, VillageId = 3 };

    [Fact]
    public void The_legal_path_submit_return_submit_approve_reopen()
    {
        var v = Submission();
        Assert.True(v.AllowsFindingChanges);
        v.Submit([], new Dictionary<long, string>(), "d1", "clerk", Now);
        Assert.Equal(SubmissionState.Submitted, v.State);
        Assert.False(v.AllowsFindingChanges);
        Assert.Equal("d1", v.SignedDigest);
        v.Return("第 3 组张三的去世时间有误", new Dictionary<long, string>(), new HashSet<long>(), "town", Now);
        Assert.Equal(SubmissionState.Returned, v.State);
        Assert.True(v.AllowsFindingChanges);
        v.Submit([], new Dictionary<long, string>(), "d2", "clerk", Now);
        v.Approve("d3", "town", Now);
        Assert.Equal(SubmissionState.Approved, v.State);
        Assert.Equal("d3", v.SignedDigest);
        Assert.False(v.AllowsFindingChanges);
        v.Reopen("村里发现一人漏登", "town", Now);
        Assert.Equal(SubmissionState.InProgress, v.State);
        Assert.Equal(
            [SubmissionState.Submitted, SubmissionState.Returned, SubmissionState.Submitted, SubmissionState.Approved, SubmissionState.InProgress],
            v.Steps.Select(s => s.To));
    }

    public static TheoryData<SubmissionState, string> Illegal => new()
    {
        { SubmissionState.InProgress, "return" }, { SubmissionState.InProgress, "approve" }, { SubmissionState.InProgress, "reopen" },
        { SubmissionState.Submitted, "submit" }, { SubmissionState.Submitted, "reopen" },
        { SubmissionState.Returned, "return" }, { SubmissionState.Returned, "approve" }, { SubmissionState.Returned, "reopen" },
        { SubmissionState.Approved, "submit" }, { SubmissionState.Approved, "return" }, { SubmissionState.Approved, "approve" },
    };

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Every_illegal_move_is_refused_naming_the_state(SubmissionState state, string move)
    {
        var v = InState(state);
        var steps = v.Steps.Count;
        var e = Assert.Throws<DomainException>(() => Apply(v, move));
        Assert.Contains($"当前状态为“{VillageSubmission.DisplayName(state)}”", e.Message, StringComparison.Ordinal);
        Assert.Equal(state, v.State);
        Assert.Equal(steps, v.Steps.Count);
    }

    [Fact]
    public void Open_rows_need_a_reason_each_before_submitting()
    {
        var v = Submission();
        var e = Assert.Throws<DomainException>(() => v.Submit([7, 8], new Dictionary<long, string> { [7] = "外出务工" }, "d", "clerk", Now));
        Assert.Contains("还有 1 人未核查且未说明原因", e.Message, StringComparison.Ordinal);
        v.Submit([7, 8], new Dictionary<long, string> { [7] = "外出务工", [8] = "联系不上" }, "d", "clerk", Now);
        Assert.Equal(SubmissionState.Submitted, v.State);
    }

    [Fact]
    public void Returning_and_reopening_need_a_reason()
    {
        var v = InState(SubmissionState.Submitted);
        Assert.Throws<DomainException>(() => v.Return(" ", new Dictionary<long, string>(), new HashSet<long>(), "town", Now));
        v.Approve("d", "town", Now);
        Assert.Throws<DomainException>(() => v.Reopen("", "town", Now));
    }

    [Fact]
    public void A_return_can_name_persons_of_the_village_and_they_stay_named_until_the_next_submission()
    {
        var v = InState(SubmissionState.Submitted);
        var village = new HashSet<long> { 7, 8, 9 };
        var e = Assert.Throws<DomainException>(() => v.Return("", new Dictionary<long, string> { [42] = "不是本村" }, village, "town", Now));
        Assert.Contains("不属于本村", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => v.Return("", new Dictionary<long, string> { [7] = new string('长', 201) }, village, "town", Now));
        Assert.Equal(SubmissionState.Submitted, v.State);

        // Blank per-person boxes are ignored; no general reason then reads as a count.
        v.Return(null, new Dictionary<long, string> { [7] = " 去世时间有误 ", [8] = "" }, village, "town", Now);
        Assert.Equal("1 人需修改", v.Steps[^1].Reason);
        var named = Assert.Single(v.ReturnedRows);
        Assert.Equal((7L, "去世时间有误"), (named.TaskRowId, named.Reason));

        v.Submit([], new Dictionary<long, string>(), "d", "clerk", Now);
        Assert.Empty(v.ReturnedRows);
        Assert.Single(v.Steps.Single(s => s.To == SubmissionState.Returned).Rows); // kept in the history
    }

    [Fact]
    public void The_town_total_waits_for_every_village()
    {
        var e = Assert.Throws<DomainException>(() => TownSignOff.EnsureAllApproved(new Dictionary<string, SubmissionState>
        {
            ["迎丰社区"] = SubmissionState.Approved, ["三合村"] = SubmissionState.Submitted,
        }));
        Assert.Contains("三合村(已提交)", e.Message, StringComparison.Ordinal);
        TownSignOff.EnsureAllApproved(new Dictionary<string, SubmissionState> { ["迎丰社区"] = SubmissionState.Approved });
    }

    [Fact]
    public void The_digest_changes_with_any_count_or_any_finding_version_and_not_with_their_order()
    {
        var s = new VillageStatistics(2, 1, 1, 0, 1, 0, 0, 0);
        var f = new Finding { Outcome = Outcome.ReceivedInUse, Phone = "13800138000", VisitedAt = Now, Signature = SignatureKind.Self };
        (long, string) L(long row, int version, Finding x) => (row, SignedContent.Line(row, version, x));
        var a = SignedContent.Digest(SignedContent.Canonical(3, 1, s, [L(10, 1, f), L(11, 2, f)]));
        Assert.Equal(a, SignedContent.Digest(SignedContent.Canonical(3, 1, s, [L(11, 2, f), L(10, 1, f)])));
        Assert.NotEqual(a, SignedContent.Digest(SignedContent.Canonical(3, 1, s, [L(10, 1, f), L(11, 3, f)])));
        Assert.NotEqual(a, SignedContent.Digest(SignedContent.Canonical(3, 1, s, [L(10, 1, f), L(11, 2, f with { Phone = "13900000000" })])));
        Assert.NotEqual(a, SignedContent.Digest(SignedContent.Canonical(3, 1, s with { ReceivedInUse = 2 }, [L(10, 1, f), L(11, 2, f)])));
        Assert.Equal(64, a.Length);
    }

    private static VillageSubmission InState(SubmissionState state)
    {
        var v = Submission();
        if (state == SubmissionState.InProgress)
        {
            return v;
        }
        v.Submit([], new Dictionary<long, string>(), "d", "clerk", Now);
        if (state == SubmissionState.Returned)
        {
            v.Return("原因", new Dictionary<long, string>(), new HashSet<long>(), "town", Now);
        }
        else if (state == SubmissionState.Approved)
        {
            v.Approve("d", "town", Now);
        }
        return v;
    }

    private static void Apply(VillageSubmission v, string move)
    {
        switch (move)
        {
            case "submit": v.Submit([], new Dictionary<long, string>(), "d", "clerk", Now); break;
            case "return": v.Return("原因", new Dictionary<long, string>(), new HashSet<long>(), "town", Now); break;
            case "approve": v.Approve("d", "town", Now); break;
            default: v.Reopen("原因", "town", Now); break;
        }
    }
}

public sealed class SignedDigestTests
{
    [Fact]
    public void SM3_digests_match_the_standard_and_say_how_they_were_made()
    {
        // GB/T 32905-2016, example 1: SM3("abc").
        Assert.Equal("sm3:66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", SignedContent.Digest("abc", DigestAlgorithm.Sm3));
        Assert.Equal(DigestAlgorithm.Sm3, SignedContent.AlgorithmOf(SignedContent.Digest("abc", DigestAlgorithm.Sm3)));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SignedContent.Digest("abc"));
        Assert.Equal(DigestAlgorithm.Sha256, SignedContent.AlgorithmOf(SignedContent.Digest("abc")));
    }
}
