using ClosedXML.Excel;
using SocialCardAudit.Domain.People;
using static SocialCardAudit.Documents.Sheets;

namespace SocialCardAudit.Documents;

/// <summary>
/// The rejected rows as a workbook to correct and import again: the original row as text (ID numbers
/// stay text, nothing becomes a formula), each bad cell marked with its reason, and a reason column.
/// A file of several sheets gets one sheet of rejected rows per sheet it came from.
/// </summary>
public static class ErrorReport
{
    /// <param name="total">All refused rows, when <paramref name="rejected"/> holds the first ones only: the report says how many more.</param>
    public static byte[] Build(TaskFile file, IReadOnlyList<RejectedRow> rejected, int? total = null)
    {
        using var workbook = new XLWorkbook();
        var bySheet = rejected.GroupBy(r => r.Row.Sheet).ToList();
        if (bySheet.Count == 0)
        {
            Fill(workbook.Worksheets.Add("未导入的行"), file.Sheets[0], []);
        }
        foreach (var group in bySheet)
        {
            var title = bySheet.Count == 1 && file.Sheets.Count == 1 ? "未导入的行" : SheetName(group.Key.Name, workbook);
            Fill(workbook.Worksheets.Add(title), group.Key, group.ToList());
        }
        if (total > rejected.Count)
        {
            var sheet = workbook.Worksheet(1);
            var row = (sheet.LastRowUsed()?.RowNumber() ?? 1) + 2;
            Text(sheet.Cell(row, 1), $"另有 {total - rejected.Count} 行未导入,此处只列出前 {rejected.Count} 行:请先改正以上各行,重新导入整个文件后再看其余的。")
                .Style.Font.SetBold(true);
        }
        return Save(workbook);
    }

    /// <summary>
    /// The same report for a role that sees numbers masked (the county): every cell under an ID number, card number
    /// or 社保卡号 header masked as on screen. The rows and reasons stay, so the county still sees what went wrong.
    /// </summary>
    public static byte[] Masked(byte[] report)
    {
        using var workbook = new XLWorkbook(new MemoryStream(report));
        foreach (var sheet in workbook.Worksheets)
        {
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            foreach (var header in sheet.Row(1).CellsUsed())
            {
                var mask = TaskColumns.Recognize(header.GetString()) switch
                {
                    TaskColumn.IdNumber => Mask.IdNumber,
                    TaskColumn.BankCard or TaskColumn.SocialCardNumber => (Func<string, string>)Mask.BankCard,
                    _ => null,
                };
                for (var r = 2; mask is not null && r <= last; r++)
                {
                    var cell = sheet.Cell(r, header.Address.ColumnNumber);
                    var value = cell.GetString();
                    if (value.Length > 0)
                    {
                        Text(cell, mask(value));
                    }
                }
            }
        }
        return Save(workbook);
    }

    // Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.
    private static string SheetName(string name, XLWorkbook workbook)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : c).ToArray());
        clean = clean.Length == 0 ? "工作表" : clean[..Math.Min(clean.Length, 28)];
        var candidate = clean;
        for (var i = 2; workbook.Worksheets.Contains(candidate); i++)
        {
            candidate = $"{clean}({i})";
        }
        return candidate;
    }

    private static void Fill(IXLWorksheet sheet, DataSheet source, IReadOnlyList<RejectedRow> rejected)
    {
        var width = Math.Max(source.Headers.Count, rejected.Count == 0 ? 0 : rejected.Max(r => r.Row.Original.Count));
        var headers = Enumerable.Range(0, width)
            .Select(i => new Header(i < source.Headers.Count ? source.Headers[i] : "", source.ColumnAt.TryGetValue(i, out var c) ? c : null))
            .ToList();
        for (var c = 0; c < headers.Count; c++)
        {
            Text(sheet.Cell(1, c + 1), headers[c].Text).Style.Font.SetBold(true);
            sheet.Column(c + 1).Width = headers[c].Column is TaskColumn.IdNumber or TaskColumn.BankCard ? 24 : headers[c].Column == TaskColumn.Address ? 36 : 14;
        }
        var reasonColumn = headers.Count + 1;
        Text(sheet.Cell(1, reasonColumn), "错误原因").Style.Font.SetBold(true);
        sheet.Column(reasonColumn).Width = 60;
        Text(sheet.Cell(1, reasonColumn + 1), "原文件行号").Style.Font.SetBold(true);
        sheet.Column(reasonColumn + 1).Width = 12;

        var r = 2;
        foreach (var row in rejected)
        {
            for (var c = 0; c < headers.Count; c++)
            {
                var cell = Text(sheet.Cell(r, c + 1), c < row.Row.Original.Count ? row.Row.Original[c] : "");
                var errors = row.Errors.Where(e => e.Column == headers[c].Column).ToList();
                if (errors.Count > 0)
                {
                    cell.Style.Fill.SetBackgroundColor(XLColor.FromHtml("#FDE2E1"));
                    cell.Comment.AddText(string.Join("\n", errors.Select(e => e.Message)));
                }
            }
            Text(sheet.Cell(r, reasonColumn), string.Join(";", row.Errors.Select(e => $"{TaskColumns.DisplayName(e.Column)}:{e.Message}")));
            sheet.Cell(r, reasonColumn + 1).SetValue(row.Row.Line);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
    }

    private sealed record Header(string Text, TaskColumn? Column);
}
