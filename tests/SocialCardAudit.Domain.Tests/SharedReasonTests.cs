using SocialCardAudit.Domain;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Domain.Tests;

public sealed class SharedReasonTests
{
    [Fact]
    public void Fills_the_chosen_people_without_a_reason_of_their_own()
    {
        var reasons = SharedReason.Fill(new Dictionary<long, string> { [1] = " 电话有误 ", [2] = " " }, [1, 2, 3], "请核实");
        Assert.Equal("电话有误", reasons[1]);
        Assert.Equal("请核实", reasons[2]);
        Assert.Equal("请核实", reasons[3]);
        Assert.Equal(3, reasons.Count);
    }

    [Fact]
    public void Chosen_people_with_no_reason_at_all_are_refused_with_how_many()
    {
        var e = Assert.Throws<DomainException>(() => SharedReason.Fill(new Dictionary<long, string> { [1] = "电话有误" }, [1, 2, 3], " "));
        Assert.Equal("已选中 2 人但没有写原因:请填写统一原因,或逐人填写。", e.Message);
    }

    [Fact]
    public void Nothing_chosen_keeps_only_the_written_reasons()
    {
        Assert.Equal(["电话有误"], SharedReason.Fill(new Dictionary<long, string> { [5] = "电话有误", [6] = "" }, [], null).Values);
    }
}
