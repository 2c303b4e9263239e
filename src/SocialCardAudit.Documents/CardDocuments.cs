using ClosedXML.Excel;
using SocialCardAudit.Domain.Organization;
using static SocialCardAudit.Documents.Sheets;

namespace SocialCardAudit.Documents;

/// <summary>One line of 附件1: a village's (or, for the county, a town's) undistributed cards per bank, and who reported them.</summary>
public sealed record StockLine(int UnitId, string Name, IReadOnlyDictionary<int, int> ByBank, int AtTown, string? ReportedBy, DateTime? ReportedAtUtc)
{
    public int Total => ByBank.Values.Sum();
}

public sealed record StockPage(string Title, IReadOnlyDictionary<int, string> Banks, IReadOnlyList<StockLine> Lines, StockLine Total, bool ByTown);

public sealed record LedgerEntry(DateTime AtUtc, string Holder, string CardNumberMasked, string Bank, string Action, string State, string Where,
    string Responsible, string Method, string? Place, string? Note, string By);

public sealed record LedgerPage(OrgUnit Village, IReadOnlyList<LedgerEntry> Entries, int Total);

/// <summary>附件1 (库存卡清理汇总表) and a village's custody ledger as Excel and PDF, laid out as the paper forms.</summary>
public static class CardDocuments
{
    /// <summary>The columns of 附件1: 序号, the unit, one column per cooperating bank, 小计, and who reported when.</summary>
    private static List<(string Heading, double Width)> StockColumns(StockPage page) =>
    [
        ("序号", 6), (page.ByTown ? "乡镇名称" : "村(社区)名称", 18),
        .. page.Banks.Values.Select(b => ($"{b}(张)", 12.0)),
        ("小计(张)", 10), ("其中已移交镇(张)", 14), ("填报人", 12), ("填报时间", 16),
    ];

    private static List<object?> StockRow(StockPage page, StockLine line, int? number, CountyClock clock) =>
    [
        number, line.Name, .. page.Banks.Keys.Select(b => (object?)line.ByBank.GetValueOrDefault(b)),
        line.Total, line.AtTown, line.ReportedBy, line.ReportedAtUtc is { } at ? clock.Minute(at) : null,
    ];

    public static byte[] StockXlsx(StockPage page, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("库存卡清理汇总");
        var columns = StockColumns(page);
        Title(sheet, 1, columns.Count, page.Title);
        var rows = page.Lines.Select((l, i) => (IReadOnlyList<object?>)StockRow(page, l, i + 1, clock)).Append(StockRow(page, page.Total, null, clock));
        var next = Table(sheet, 3, columns, rows);
        sheet.Row(next - 1).Style.Font.SetBold(true);
        sheet.SheetView.FreezeRows(3);
        Line(sheet, next + 1, columns.Count, "库存卡:已制成但尚未发放到持卡人手中的卡(含睡眠卡、已退回的卡),按卡片登记的村(社区)和合作银行统计。");
        Line(sheet, next + 2, columns.Count, $"生成时间:{clock.Minute(clock.UtcNow)}");
        Print(sheet, landscape: true, headingRow: 3);
        return Save(workbook);
    }

    public static byte[] StockPdf(StockPage page, CountyClock clock)
    {
        var pdf = new PdfForm(page.Title, landscape: true);
        pdf.Title(page.Title);
        var columns = StockColumns(page).Select((c, i) => new PdfColumn(c.Heading, c.Width, Right: i >= 2 && i < 2 + page.Banks.Count + 2)).ToList();
        var rows = page.Lines.Select((l, i) => StockRow(page, l, i + 1, clock)).Append(StockRow(page, page.Total, null, clock))
            .Select(r => (IReadOnlyList<string>)r.Select(x => x?.ToString() ?? "").ToList());
        pdf.Table(columns, rows, bold: new HashSet<int> { page.Lines.Count });
        pdf.Paragraph("库存卡:已制成但尚未发放到持卡人手中的卡(含睡眠卡、已退回的卡),按卡片登记的村(社区)和合作银行统计。", 9);
        pdf.Paragraph($"生成时间:{clock.Minute(clock.UtcNow)}", 9);
        return pdf.Save();
    }

    private static readonly (string Heading, double Width)[] LedgerColumns =
    [
        ("时间", 16), ("持卡人", 12), ("卡号", 22), ("合作银行", 10), ("事项", 14), ("状态", 8), ("所在", 18), ("责任人", 10),
        ("方式", 12), ("地点", 12), ("说明", 24), ("经办", 10),
    ];

    private static object?[] LedgerRow(LedgerEntry e, CountyClock clock) =>
        [clock.Minute(e.AtUtc), e.Holder, e.CardNumberMasked, e.Bank, e.Action, e.State, e.Where, e.Responsible, e.Method, e.Place, e.Note, e.By];

    public static byte[] LedgerXlsx(LedgerPage page, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("流转台账");
        Title(sheet, 1, LedgerColumns.Length, $"{page.Village.Name}社保卡接收、发放、移交台账");
        Line(sheet, 2, LedgerColumns.Length, $"共 {page.Total} 条记录,新的在前。生成时间:{clock.Minute(clock.UtcNow)}");
        Table(sheet, 3, LedgerColumns, page.Entries.Select(e => LedgerRow(e, clock)));
        sheet.SheetView.FreezeRows(3);
        Print(sheet, landscape: true, headingRow: 3);
        return Save(workbook);
    }

    public static byte[] LedgerPdf(LedgerPage page, CountyClock clock)
    {
        var title = $"{page.Village.Name}社保卡接收、发放、移交台账";
        var pdf = new PdfForm(title, landscape: true);
        pdf.Title(title);
        pdf.Paragraph($"共 {page.Total} 条记录,新的在前。生成时间:{clock.Minute(clock.UtcNow)}", 9);
        pdf.Table(LedgerColumns.Select(c => new PdfColumn(c.Heading, c.Width)).ToList(),
            page.Entries.Select(e => (IReadOnlyList<string>)LedgerRow(e, clock).Select(x => x?.ToString() ?? "").ToList()), size: 8);
        return pdf.Save();
    }
}
