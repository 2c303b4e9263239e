using ClosedXML.Excel;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using static SocialCardAudit.Documents.Sheets;

namespace SocialCardAudit.Documents;

/// <summary>One person on a making list: what the bank needs to open the account and make the card.</summary>
public sealed record MakingListLine(string Name, string IdNumber, string Village, string? ApplyingUnit, NineElements? Elements);

/// <summary>
/// 应发尽发 documents: the making list a town sends its bank, and the progress report per phase (the county on one
/// sheet, each town on its own; a landscape PDF), each phase with its count, share and change over seven days.
/// </summary>
public static class IssuanceDocuments
{
    private static readonly (string Heading, double Width)[] MakingColumns =
    [
        ("序号", 6), ("姓名", 10), ("性别", 6), ("民族", 8), ("出生日期", 12), ("身份证号码", 22), ("证件有效期", 12), ("地址", 30),
        ("联系电话", 14), ("职业", 10), ("村(社区)", 12), ("申领单位", 16), ("制卡结果", 10), ("银行卡号", 22), ("社保卡号", 12), ("失败原因", 16),
    ];

    /// <summary>
    /// The list for the bank, with the three columns it fills in and sends back (制卡结果, 银行卡号, 失败原因): the same
    /// file, returned, is the batch's results file.
    /// </summary>
    public static byte[] MakingList(string title, IEnumerable<MakingListLine> lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("制卡名单");
        Sheets.Title(sheet, 1, MakingColumns.Length, title, 14);
        // Above the table, where the reader takes it for a title: a note below it would be read as a row.
        Line(sheet, 2, MakingColumns.Length, "制卡结果填“成功”或“失败”;成功的填银行卡号,失败的填原因(无公安照片、照片质量不合格、已持有金融社保卡、年满60周岁、身份信息不一致或其他)。");
        var n = 0;
        Table(sheet, 3, MakingColumns, lines.Select(l => (IReadOnlyList<object?>)
        [
            ++n, l.Name, l.Elements?.Sex switch { Sex.Male => "男", Sex.Female => "女", _ => null }, l.Elements?.Ethnicity,
            l.Elements?.BirthDate?.ToString("yyyy-MM-dd"), l.IdNumber,
            l.Elements is { IdLongTerm: true } ? "长期" : l.Elements?.IdValidUntil?.ToString("yyyy-MM-dd"),
            l.Elements?.Address, l.Elements?.Phone, l.Elements?.Occupation, l.Village, l.ApplyingUnit, null, null, null, null,
        ]));
        foreach (var column in new[] { 6, 9, 14, 15 })
        {
            sheet.Column(column).Style.NumberFormat.Format = "@"; // numbers typed by the bank keep every digit
        }
        sheet.SheetView.FreezeRows(3);
        Print(sheet, landscape: true, headingRow: 3);
        return Save(workbook);
    }

    private static IEnumerable<(string Heading, double Width)> ProgressColumns(IssuanceProgressReport r) =>
        new (string, double)[] { ("单位", 16), ("名单人数", 9), ("已去世", 7) }
            .Concat(IssuanceFigures.Phases.Skip(1).SelectMany(p => new (string, double)[]
            {
                ($"{IssuancePlan.DisplayName(p)}(截止{r.Plan.Deadlines.First(d => d.Phase == p).Deadline:M/d})", 11), ("完成率(%)", 8), ("较上周", 7),
            }))
            .Append(("制卡失败待补正", 10)).Append(("激活率(%)", 8)).Append(("逾期阶段", 14));

    private static object?[] Row(IssuanceProgressReport r, IssuanceLine l)
    {
        var f = l.Figures;
        var overdue = IssuanceFigures.Phases.Where(p => f.Overdue(p, r.Plan, r.Today)).Select(IssuancePlan.DisplayName);
        return new object?[] { l.Name, f.Total, f.Deceased }
            .Concat(IssuanceFigures.Phases.Skip(1).SelectMany(p => new object?[] { f.DoneIn(p), f.Percent(p), f.ChangeIn(p) }))
            .Append(f.OpenFailures).Append(f.ActivationRate).Append(string.Join("、", overdue)).ToArray();
    }

    public static string Title(IssuanceProgressReport r) => $"{r.CampaignName}进度通报({r.Today:yyyy-MM-dd})";

    private static string Status(IssuanceProgressReport r, CountyClock clock) =>
        $"当前阶段:{IssuancePlan.DisplayName(r.Current)}({r.DeadlineText(r.Current)});较上周为与 7 天前相比;生成时间 {clock.Minute(r.AtUtc)}";

    public static byte[] ProgressXlsx(IssuanceProgressReport r, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        var columns = ProgressColumns(r).ToList();
        void Sheet(string name, string title, IEnumerable<IssuanceLine> lines)
        {
            var sheet = workbook.Worksheets.Add(name.Length > 28 ? name[..28] : name);
            Sheets.Title(sheet, 1, columns.Count, title, 14);
            Line(sheet, 2, columns.Count, Status(r, clock));
            var next = Table(sheet, 3, columns, lines.Select(l => (IReadOnlyList<object?>)Row(r, l)));
            sheet.Row(next - 1).Style.Font.SetBold(true);
            sheet.Row(3).Height = 30;
            sheet.SheetView.FreezeRows(3);
            Print(sheet, landscape: true, headingRow: 3);
        }
        Sheet("全县", Title(r), r.Towns.Select(t => t.Town).Append(r.Total));
        foreach (var (town, villages) in r.Towns)
        {
            Sheet(town.Name, $"{town.Name} {Title(r)}", villages.Append(town));
        }
        if (r.ApplyingUnits.Count > 0)
        {
            Sheet("集体申领", $"集体申领单位 {Title(r)}", r.ApplyingUnits);
        }
        return Save(workbook);
    }

    public static byte[] ProgressPdf(IssuanceProgressReport r, CountyClock clock)
    {
        var pdf = new PdfForm(Title(r), landscape: true);
        pdf.Title(Title(r));
        pdf.Paragraph(Status(r, clock), 10);
        var columns = ProgressColumns(r).Select((c, i) => new PdfColumn(c.Heading, c.Width, Right: i > 0 && i < 20)).ToList();
        IReadOnlyList<string> Text(IssuanceLine l) => Row(r, l).Select(x => x switch { decimal d => d.ToString("0.#"), null => "", _ => x.ToString()! }).ToList();
        var towns = r.Towns.Select(t => t.Town).ToList();
        pdf.Table(columns, towns.Append(r.Total).Select(Text), size: 7, bold: new HashSet<int> { towns.Count });
        foreach (var (town, villages) in r.Towns)
        {
            pdf.Paragraph($"{town.Name}各村(社区)", 11);
            pdf.Table(columns, villages.Append(town).Select(Text), size: 7, bold: new HashSet<int> { villages.Count });
        }
        if (r.ApplyingUnits.Count > 0)
        {
            pdf.Paragraph("集体申领单位", 11);
            pdf.Table(columns, r.ApplyingUnits.Select(Text), size: 7);
        }
        return pdf.Save();
    }
}
