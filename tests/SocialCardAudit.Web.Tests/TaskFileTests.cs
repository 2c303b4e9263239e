using System.Text;
using SocialCardAudit.Documents;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>The file reader on its own: formats told from bytes, headers, rows set aside. The corpus tests the whole import.</summary>
public sealed class TaskFileTests
{
    private static TaskFile Open(byte[] bytes, string name = "任务.csv") => TaskFile.Open(new MemoryStream(bytes), name);

    private const string Header = "姓名,身份证号码,社保卡银行卡号,村(社区)";

    [Theory]
    [InlineData("身份证号码(必填)", TaskColumn.IdNumber)]
    [InlineData("银行卡号（19位）", TaskColumn.BankCard)]
    [InlineData("*姓名", TaskColumn.Name)]
    [InlineData("身份证\n号码", TaskColumn.IdNumber)]
    [InlineData("村（社区）", TaskColumn.Village)]
    [InlineData("社保卡号", TaskColumn.SocialCardNumber)]
    [InlineData("公民身份证号码", TaskColumn.IdNumber)]
    public void Headers_are_known_with_their_notes_and_widths(string header, TaskColumn column) =>
        Assert.Equal(column, TaskColumns.Recognize(header));

    [Fact]
    public void UTF16_big_endian_text_with_tabs_is_read()
    {
        var text = "姓名\t身份证号码\t社保卡银行卡号\t村(社区)\r\n王芳\t430921198001011234\t6228480402564890018\t迎丰社区\r\n";
        var file = Open([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], "导出.txt");
        Assert.Equal("王芳", Assert.Single(file.Rows()).Get(TaskColumn.Name));
    }

    [Fact]
    public void Guards_around_long_numbers_are_removed()
    {
        var file = Open(Encoding.UTF8.GetBytes($"{Header}\r\n王芳,\"=\"\"430921198001011234\"\"\",'6228480402564890018,迎丰社区\r\n"));
        var row = Assert.Single(file.Rows());
        Assert.Equal("430921198001011234", row.Get(TaskColumn.IdNumber));
        Assert.Equal("6228480402564890018", row.Get(TaskColumn.BankCard));
    }

    [Theory]
    [InlineData("合计,,,", "合计")]
    [InlineData("制表人:张三,审核人:李四,,", "制表人")]
    [InlineData("（以下空白）,,,", "以下空白")]
    [InlineData("姓名,身份证号码,社保卡银行卡号,村(社区)", "重复的表头行")]
    [InlineData(",,,迎丰社区", "没有姓名")]
    [InlineData("张三,11010519491231002X,6228480402564890018,迎丰社区", "示例行")]
    public void Rows_that_are_no_person_are_set_aside_and_reported(string line, string reason)
    {
        var file = Open(Encoding.UTF8.GetBytes($"{Header}\r\n王芳,430921198001011234,6228480402564890018,迎丰社区\r\n{line}\r\n"));
        Assert.Single(file.Rows());
        Assert.Equal(1, file.IgnoredCount);
        Assert.Contains(file.Notes([]), n => n.StartsWith("第 3 行", StringComparison.Ordinal) && n.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_footer_word_does_not_hide_a_person_with_an_ID_number()
    {
        // 盖 is a surname: a row that holds an ID number is a person, whatever its first word.
        var file = Open(Encoding.UTF8.GetBytes($"{Header}\r\n盖章,430921198001011234,6228480402564890018,迎丰社区\r\n"));
        Assert.Single(file.Rows());
    }

    [Theory]
    [InlineData("%PDF-1.7 binary", "任务.xlsx", "PDF")]
    [InlineData("<html><table><tr><td>姓名</td></tr></table></html>", "导出.xls", "网页")]
    [InlineData("just some words", "任务.xlsx", "不是 Excel")]
    public void Files_that_are_no_table_are_refused_saying_what_they_are(string content, string name, string message)
    {
        var e = Assert.Throws<TaskFileException>(() => Open(Encoding.UTF8.GetBytes(content), name));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
