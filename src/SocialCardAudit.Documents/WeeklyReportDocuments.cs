using ClosedXML.Excel;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;
using static SocialCardAudit.Documents.Sheets;

namespace SocialCardAudit.Documents;

/// <summary>The weekly report as a workbook (the county on one sheet, each town on its own) and as a landscape PDF.</summary>
public static class WeeklyReportDocuments
{
    private static readonly (string Heading, double Width)[] Columns =
    [
        ("单位", 16), ("任务数据", 10), ("已核查", 10), ("完成率(%)", 10), ("本人已领·正常使用", 12), ("本人已领·已经去世", 12),
        ("本人未领·已经上交", 12), ("本人未领·已经去世", 12), ("未核查", 10), ("疑点", 8), ("冒领案件", 9), ("追回金额(元)", 12),
        ("库存卡", 8), ("遗失卡", 8), ("较上周新增核查", 12), ("签字状态", 10), ("距截止(天)", 10), ("逾期", 6),
    ];

    public static string Title(WeeklyReport r) => $"{r.CampaignName}周督查通报({r.Week})";

    public static string Status(WeeklyReport r, CountyClock clock) =>
        (r.FrozenAtUtc is { } at ? $"数据冻结于 {clock.Minute(at)}" : "本周尚未冻结,为生成时的实时数据")
        + $";{r.WeekName};截止 {r.Deadline:yyyy-MM-dd}";

    private static object?[] Row(ReportLine l)
    {
        var f = l.Figures;
        return
        [
            l.Name, f.TaskRows, f.Verified, f.CompletionPercent, f.ReceivedInUse, f.ReceivedDeceased, f.NotReceivedHandedIn, f.NotReceivedDeceased,
            f.Open, f.Flagged, f.FraudCases, f.Recovered, f.StockCards, f.LostCards, l.Change?.Verified, l.State is { } s ? VillageSubmission.DisplayName(s) : null,
            l.Deadline.DaysLeft, l.Deadline.Overdue ? "逾期" : null,
        ];
    }

    public static byte[] Xlsx(WeeklyReport r, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        Sheet(workbook, "全县", Title(r), r, r.Towns.Select(t => t.Town).Append(r.Total), clock);
        foreach (var town in r.Towns)
        {
            // Sheet names: at most 31 characters, unique.
            var name = town.Town.Name.Length > 28 ? town.Town.Name[..28] : town.Town.Name;
            Sheet(workbook, name, $"{town.Town.Name} {Title(r)}", r, town.Villages.Append(town.Town), clock);
        }
        return Save(workbook);
    }

    private static void Sheet(XLWorkbook workbook, string name, string title, WeeklyReport r, IEnumerable<ReportLine> lines, CountyClock clock)
    {
        var sheet = workbook.Worksheets.Add(name);
        Sheets.Title(sheet, 1, Columns.Length, title, 14);
        Line(sheet, 2, Columns.Length, Status(r, clock));
        var next = Table(sheet, 3, Columns, lines.Select(l => (IReadOnlyList<object?>)Row(l)));
        sheet.Row(next - 1).Style.Font.SetBold(true);
        sheet.Row(3).Height = 30;
        sheet.SheetView.FreezeRows(3);
        Line(sheet, next + 1, Columns.Length, $"生成时间:{clock.Minute(clock.UtcNow)}");
        Print(sheet, landscape: true, headingRow: 3);
    }

    public static byte[] Pdf(WeeklyReport r, CountyClock clock)
    {
        var pdf = new PdfForm(Title(r), landscape: true);
        pdf.Title(Title(r));
        pdf.Paragraph(Status(r, clock) + $";生成时间 {clock.Minute(clock.UtcNow)}", 10);
        var columns = Columns.Select((c, i) => new PdfColumn(c.Heading, c.Width, Right: i is > 0 and < 15)).ToList();
        IReadOnlyList<string> Text(ReportLine l) => Row(l).Select(x => x switch { decimal d => d.ToString("0.##"), null => "", _ => x.ToString()! }).ToList();
        var townLines = r.Towns.Select(t => t.Town).ToList();
        pdf.Table(columns, townLines.Append(r.Total).Select(Text), size: 8, bold: new HashSet<int> { townLines.Count });
        foreach (var town in r.Towns)
        {
            pdf.Paragraph($"{town.Town.Name}各村(社区)", 11);
            pdf.Table(columns, town.Villages.Append(town.Town).Select(Text), size: 8, bold: new HashSet<int> { town.Villages.Count });
        }
        return pdf.Save();
    }
}
