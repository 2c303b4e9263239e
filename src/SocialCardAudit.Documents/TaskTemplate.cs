using ClosedXML.Excel;

namespace SocialCardAudit.Documents;

/// <summary>The workbook to fill in: the seed's column names, one example row, the number columns formatted as text.</summary>
public static class TaskTemplate
{
    /// <summary>The example person's ID number: a row carrying it is the example, skipped wherever it stands.</summary>
    public const string ExampleIdNumber = "11010519491231002X";

    private static readonly (TaskColumn Column, string Example, double Width)[] Columns =
    [
        (TaskColumn.Number, "1", 6),
        (TaskColumn.Name, "张三", 10),
        (TaskColumn.IdNumber, ExampleIdNumber, 22),
        (TaskColumn.BankCard, "6228480402564890018", 24),
        (TaskColumn.Address, "梅田湖镇迎丰社区第一居民小组 8 号", 34),
        (TaskColumn.Phone, "13800000000", 14),
        (TaskColumn.ResidentGroup, "第一居民小组", 14),
        (TaskColumn.Village, "迎丰社区", 12),
        (TaskColumn.Town, "梅田湖镇", 12), // needed only where a county campaign's villages share a name
    ];

    // 应发尽发: the people without a card, and what the comparison found (blank: the card register decides).
    private static readonly (TaskColumn Column, string Example, double Width)[] ComparisonColumns =
    [
        (TaskColumn.Number, "1", 6),
        (TaskColumn.Name, "张三", 10),
        (TaskColumn.IdNumber, ExampleIdNumber, 22),
        (TaskColumn.Village, "迎丰社区", 12),
        (TaskColumn.Town, "梅田湖镇", 12),
        (TaskColumn.Comparison, "制卡失败", 12),
        (TaskColumn.FailureReason, "无公安照片", 16),
        (TaskColumn.ApplyingUnit, "", 20), // 集体申领: the employer or school; blank for the village route
    ];

    public static byte[] Build() => Build("清查任务数据", Columns);

    public static byte[] BuildComparison() => Build("数据比对名单", ComparisonColumns);

    private static byte[] Build(string name, (TaskColumn Column, string Example, double Width)[] columns)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(name);
        for (var c = 0; c < columns.Length; c++)
        {
            var (column, example, width) = columns[c];
            sheet.Column(c + 1).Width = width;
            // Whole columns as text, so numbers typed later keep every digit.
            sheet.Column(c + 1).Style.NumberFormat.Format = "@";
            Sheets.Text(sheet.Cell(1, c + 1), TaskColumns.DisplayName(column)).Style.Font.SetBold(true);
            Sheets.Text(sheet.Cell(2, c + 1), example);
        }
        sheet.Cell(2, 1).Comment.AddText("示例行:导入时自动跳过,可以保留或删除");
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
