using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Web.Features.Statistics;
using UglyToad.PdfPig;

namespace SocialCardAudit.Web.Tests;

/// <summary>How the printed forms lay out: where lines break, and what is kept on one page.</summary>
public sealed class PdfLayoutTests
{
    private static double Chars(string s) => s.Length; // one unit per character

    [Theory]
    [InlineData("完成率(%)", 5, new[] { "完成率", "(%)" })]
    [InlineData("本人已领·正常使用", 6, new[] { "本人已领·", "正常使用" })]
    [InlineData("追回金额(元)", 5, new[] { "追回金额", "(元)" })]
    [InlineData("编号A2021号", 6, new[] { "编号", "A2021号" })]
    [InlineData("身份证号码", 3, new[] { "身份证", "号码" })]
    public void Lines_break_before_brackets_after_dots_and_never_inside_a_number(string text, double width, string[] lines) =>
        Assert.Equal(lines, PdfForm.Wrap(text, Chars, width));

    [Fact]
    public void A_number_longer_than_the_line_still_breaks_where_it_must() =>
        Assert.Equal(["1234", "5678", "9"], PdfForm.Wrap("123456789", Chars, 4));

    /// <summary>However many villages a town has, the page with the QR code also has the 合计 row and the signer.</summary>
    [Fact]
    public void The_town_total_signer_and_QR_code_are_never_split_from_each_other()
    {
        var clock = CountyClock.At(new DateTime(2021, 6, 30, 8, 0, 0, DateTimeKind.Utc));
        var figures = new VillageStatistics(20, 2, 10, 1, 2, 1, 6, 0);
        for (var villages = 1; villages <= 40; villages++)
        {
            var lines = Enumerable.Range(1, villages).Select(i => new StatisticsLine(i, $"第{i}村", figures, SubmissionState.Approved)).ToList();
            var form = new TownForm("梅田湖镇", "梅田湖镇专项清查", lines, figures, new Signer("审核人", "周建华", clock.UtcNow), new string('a', 64),
                "https://sca.example.gov.cn/verify", clock.UtcNow);
            using var pdf = PdfDocument.Open(StatisticsDocuments.TownPdf(form, clock));
            var qrPage = pdf.GetPages().Single(p => p.Text.Contains("扫码核验", StringComparison.Ordinal));
            Assert.Contains("合计", qrPage.Text, StringComparison.Ordinal);
            Assert.Contains("镇审核签署", qrPage.Text, StringComparison.Ordinal);
        }
    }
}
