using ClosedXML.Excel;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Verification;
using static SocialCardAudit.Documents.Sheets;

namespace SocialCardAudit.Documents;

/// <summary>A signature on a form: 统计人 (the clerk) or 审核人 (the town), with the time.</summary>
/// <summary>A person of 附件3; the numbers are masked unless the document is for a role that needs them in full.</summary>
public sealed record SummaryPerson(int Number, string Name, string IdNumber, string? BankCard, string? Address, string? Phone);

public sealed record StatisticsLine(int VillageId, string Village, VillageStatistics Statistics, SubmissionState State);

public sealed record Signer(string Role, string Name, DateTime AtUtc);

/// <summary>What a village's 附件4 carries: the counts, who signed, and the digest to verify them by.</summary>
public sealed record VillageForm(string Town, string Village, VillageStatistics Statistics, SubmissionState State,
    IReadOnlyList<Signer> Signers, string? Digest, string VerifyUrl, DateTime PrintedAtUtc);

public sealed record TownForm(string Town, string Campaign, IReadOnlyList<StatisticsLine> Villages, VillageStatistics Total,
    Signer? Signer, string? Digest, string VerifyUrl, DateTime PrintedAtUtc);

public sealed record SummaryForm(string Town, string Village, IReadOnlyList<(Outcome Outcome, IReadOnlyList<SummaryPerson> People)> Categories,
    bool FullNumbers, DateTime PrintedAtUtc);

/// <summary>
/// 附件4 (per village and the town's table) and 附件3 as Excel and PDF, laid out as the paper forms of the work plan:
/// the same sentences with the counts filled in, the signature lines, and the digest that ties the paper to the record.
/// </summary>
public static class StatisticsDocuments
{
    public static string VillageTitle(VillageForm f) => $"{f.Town}{f.Village}社保卡核查情况分类统计表";

    public static string SummaryTitle(string town, Outcome outcome) => $"{town}社会保障卡核查情况分类汇总表(类别:{outcome.DisplayName()})";

    /// <summary>The sentences of 附件4 with the counts filled in.</summary>
    public static IReadOnlyList<string> Sentences(VillageStatistics s) =>
    [
        $"我单位共领取清查任务数据 {s.TaskRecords} 条,涉及 {s.ResidentGroups} 个居民小组。经核查汇总,统计结果如下:",
        $"1.本人领取的共 {s.ReceivedTotal} 张,其中,正常使用的 {s.ReceivedInUse} 张,已经去世的 {s.ReceivedDeceased} 张;",
        $"2.本人未领取的共 {s.NotReceivedTotal} 张,其中,已经上交的 {s.NotReceivedHandedIn} 张,已经去世的 {s.NotReceivedDeceased} 张。",
        "以上统计结果真实有效。",
    ];

    private static string Status(SubmissionState state, VillageStatistics s) =>
        $"状态:{VillageSubmission.DisplayName(state)}" + (s.Open > 0 ? $";尚未核查 {s.Open} 人" : "") + (s.Flagged > 0 ? $";未处理疑点 {s.Flagged} 人" : "");

    private static string? SignerLine(IReadOnlyList<Signer> signers, string role, CountyClock clock) =>
        signers.FirstOrDefault(s => s.Role == role) is { } s ? $"{s.Name}(于 {clock.Minute(s.AtUtc)} 以密码签字)" : null;

    private static string Unsigned => "(未签字,仅供核对)";

    private static readonly (string Heading, double Width)[] TownColumns =
    [
        ("村(社区)", 16), ("任务数据", 9), ("居民小组", 9), ("本人领取合计", 9), ("其中正常使用", 9), ("其中已经去世", 9),
        ("本人未领取合计", 9), ("其中已经上交", 9), ("其中已经去世", 9), ("尚未核查", 8), ("状态", 10),
    ];

    private static object?[] TownRow(string name, VillageStatistics s, string? state) =>
        [name, s.TaskRecords, s.ResidentGroups, s.ReceivedTotal, s.ReceivedInUse, s.ReceivedDeceased, s.NotReceivedTotal, s.NotReceivedHandedIn, s.NotReceivedDeceased, s.Open, state];

    private static readonly (string Heading, double Width)[] SummaryColumns =
        [("序号", 6), ("姓名", 10), ("身份证号码", 21), ("社保卡银行卡号", 22), ("户口地址", 30), ("联系电话", 14)];

    private static object?[] SummaryRow(SummaryPerson p) => [p.Number, p.Name, p.IdNumber, p.BankCard, p.Address, p.Phone];

    public static byte[] VillageXlsx(VillageForm f, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("分类统计表");
        const int width = 8;
        for (var c = 1; c <= width; c++)
        {
            sheet.Column(c).Width = 11;
        }
        Title(sheet, 1, width, VillageTitle(f));
        var row = 3;
        if (f.Digest is null)
        {
            Line(sheet, 2, width, Unsigned);
        }
        foreach (var sentence in Sentences(f.Statistics))
        {
            Line(sheet, row++, width, sentence, 36);
        }
        row++;
        Line(sheet, row++, width, $"统 计 人:{SignerLine(f.Signers, "统计人", clock) ?? ""}");
        Line(sheet, row++, width, $"单位(盖章):{f.Village}");
        Line(sheet, row++, width, $"填报时间:{(f.Signers.FirstOrDefault(s => s.Role == "统计人") is { } clerk ? clock.Day(clerk.AtUtc) : "")}");
        Line(sheet, row++, width, $"镇审核人:{SignerLine(f.Signers, "审核人", clock) ?? ""}");
        Line(sheet, row++, width, Status(f.State, f.Statistics));
        row++;
        var s = f.Statistics;
        row = Table(sheet, row, [("项目", 22), ("张(条)", 11)],
        [
            ["任务数据", s.TaskRecords], ["居民小组", s.ResidentGroups], ["本人领取合计", s.ReceivedTotal], ["其中正常使用", s.ReceivedInUse],
            ["其中已经去世", s.ReceivedDeceased], ["本人未领取合计", s.NotReceivedTotal], ["其中已经上交", s.NotReceivedHandedIn],
            ["其中已经去世", s.NotReceivedDeceased], ["尚未核查", s.Open],
        ]);
        Footer(sheet, row + 1, width, f.Digest, f.VerifyUrl, f.PrintedAtUtc, clock);
        Print(sheet, landscape: false);
        return Save(workbook);
    }

    public static byte[] VillagePdf(VillageForm f, CountyClock clock)
    {
        var pdf = new PdfForm(VillageTitle(f));
        pdf.Title(VillageTitle(f));
        if (f.Digest is null)
        {
            pdf.Paragraph(Unsigned, 11, right: true);
        }
        pdf.Space(8);
        foreach (var sentence in Sentences(f.Statistics))
        {
            pdf.Paragraph(sentence, 13, indent: true);
            pdf.Space(4);
        }
        pdf.Space(24);
        pdf.Paragraph($"统 计 人:{SignerLine(f.Signers, "统计人", clock) ?? "____________"}");
        pdf.Paragraph($"单位(盖章):{f.Village}");
        pdf.Paragraph($"填报时间:{(f.Signers.FirstOrDefault(s => s.Role == "统计人") is { } clerk ? clock.Day(clerk.AtUtc) : "____年__月__日")}");
        pdf.Paragraph($"镇审核人:{SignerLine(f.Signers, "审核人", clock) ?? "____________"}");
        pdf.Space(6);
        pdf.Paragraph(Status(f.State, f.Statistics), 10);
        pdf.Space(12);
        Verification(pdf, f.Digest, f.VerifyUrl, f.PrintedAtUtc, clock);
        return pdf.Save();
    }

    public static byte[] TownXlsx(TownForm f, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("全镇分类统计");
        var title = $"{f.Town}社保卡核查情况分类统计表(汇总)";
        Title(sheet, 1, TownColumns.Length, title);
        Line(sheet, 2, TownColumns.Length, $"清查任务:{f.Campaign}");
        var rows = f.Villages.Select(v => TownRow(v.Village, v.Statistics, VillageSubmission.DisplayName(v.State)))
            .Append(TownRow("合计", f.Total, null));
        var next = Table(sheet, 4, TownColumns, rows);
        sheet.Row(next - 1).Style.Font.SetBold(true);
        sheet.Row(4).Height = 30;
        sheet.SheetView.FreezeRows(4);
        Line(sheet, next + 1, TownColumns.Length, $"镇审核签署:{(f.Signer is { } s ? $"{s.Name}(于 {clock.Minute(s.AtUtc)} 以密码签字)" : "尚未签署")}");
        Footer(sheet, next + 2, TownColumns.Length, f.Digest, f.VerifyUrl, f.PrintedAtUtc, clock);
        Print(sheet, landscape: true, headingRow: 4);
        return Save(workbook);
    }

    public static byte[] TownPdf(TownForm f, CountyClock clock)
    {
        var title = $"{f.Town}社保卡核查情况分类统计表(汇总)";
        var pdf = new PdfForm(title, landscape: true);
        pdf.Title(title);
        pdf.Paragraph($"清查任务:{f.Campaign}", 11);
        var columns = TownColumns.Select((c, i) => new PdfColumn(c.Heading, c.Width, Right: i is > 0 and < 10)).ToList();
        var rows = f.Villages.Select(v => TownRow(v.Village, v.Statistics, VillageSubmission.DisplayName(v.State)))
            .Append(TownRow("合计", f.Total, null))
            .Select(r => (IReadOnlyList<string>)r.Select(x => x?.ToString() ?? "").ToList());
        // The 合计 row, the signer, the QR code and the time stay on one page (about 150 points).
        pdf.Table(columns, rows, bold: new HashSet<int> { f.Villages.Count }, keepLastWith: 150);
        pdf.Paragraph($"镇审核签署:{(f.Signer is { } s ? $"{s.Name}(于 {clock.Minute(s.AtUtc)} 以密码签字)" : "尚未签署")}");
        pdf.Space(8);
        Verification(pdf, f.Digest, f.VerifyUrl, f.PrintedAtUtc, clock);
        return pdf.Save();
    }

    /// <summary>附件3: one sheet per category, each headed like the paper form.</summary>
    public static byte[] SummaryXlsx(SummaryForm f, CountyClock clock)
    {
        using var workbook = new XLWorkbook();
        foreach (var (outcome, people) in f.Categories)
        {
            var sheet = workbook.Worksheets.Add(outcome.DisplayName().Replace('/', '、'));
            Title(sheet, 1, SummaryColumns.Length, SummaryTitle(f.Town, outcome), 14);
            Line(sheet, 2, SummaryColumns.Length, $"村(社区):{f.Village}    共 {people.Count} 人" + (f.FullNumbers ? "" : "    (身份证号码、银行卡号部分显示)"));
            var next = Table(sheet, 3, SummaryColumns, people.Select(SummaryRow));
            sheet.SheetView.FreezeRows(3);
            Line(sheet, next + 1, SummaryColumns.Length, $"生成时间:{clock.Minute(f.PrintedAtUtc)}");
            Print(sheet, landscape: true, headingRow: 3);
        }
        return Save(workbook);
    }

    public static byte[] SummaryPdf(SummaryForm f, CountyClock clock)
    {
        var pdf = new PdfForm($"{f.Village} 核查情况分类汇总表", landscape: true);
        var columns = SummaryColumns.Select(c => new PdfColumn(c.Heading, c.Width)).ToList();
        foreach (var (outcome, people) in f.Categories)
        {
            pdf.Title(SummaryTitle(f.Town, outcome));
            pdf.Paragraph($"村(社区):{f.Village}    共 {people.Count} 人" + (f.FullNumbers ? "" : "    (身份证号码、银行卡号部分显示)"), 11);
            pdf.Table(columns, people.Select(p => (IReadOnlyList<string>)SummaryRow(p).Select(x => x?.ToString() ?? "").ToList()));
            pdf.Space(16);
        }
        pdf.Paragraph($"生成时间:{clock.Minute(f.PrintedAtUtc)}", 9);
        return pdf.Save();
    }

    private static void Footer(IXLWorksheet sheet, int row, int width, string? digest, string url, DateTime printedAtUtc, CountyClock clock)
    {
        Line(sheet, row, width, digest is null ? "尚未签字,无签字摘要。" : $"签字摘要(SHA-256):{digest}");
        Line(sheet, row + 1, width, $"核验地址:{url}");
        Line(sheet, row + 2, width, $"生成时间:{clock.Minute(printedAtUtc)}");
    }

    private static void Verification(PdfForm pdf, string? digest, string url, DateTime printedAtUtc, CountyClock clock)
    {
        if (digest is null)
        {
            pdf.Paragraph("尚未签字,无签字摘要。", 9);
        }
        else
        {
            pdf.Verification(url, digest, "扫码核验:签字后内容是否被改动");
        }
        pdf.Paragraph($"生成时间:{clock.Minute(printedAtUtc)}", 9);
    }
}
