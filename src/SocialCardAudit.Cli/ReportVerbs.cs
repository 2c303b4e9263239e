using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.UseCases.Reports;

namespace SocialCardAudit.Cli;

/// <summary>weekly-report: the county's weekly report as the screen shows it, to a file (xlsx, pdf) or as JSON.</summary>
internal static class ReportVerbs
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static async Task<int> WeeklyReportAsync(Options o)
    {
        var format = o.Require("--format");
        if (format is not ("xlsx" or "pdf" or "json"))
        {
            throw new ArgumentException("--format 只能是 xlsx、pdf 或 json。");
        }
        var outPath = o.Get("--out");
        if (format != "json" && outPath is null)
        {
            throw new ArgumentException("xlsx 和 pdf 须用 --out 指定输出文件。");
        }
        var (services, options, tenantId) = await ImportVerbs.OpenAsync(o);
        await using var _ = services;
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var clock = await db.CountyClockAsync(tenantId, TimeProvider.System);
        var week = o.Get("--week") is { } w ? ReportWeek.Parse(w) : ReportWeek.Current(clock);
        var campaignCode = o.Require("--campaign");
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleOrDefaultAsync(c => c.Code == campaignCode)
            ?? throw new ArgumentException($"没有代码为“{campaignCode}”的专项清查。");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await WeeklyReports.BuildAsync(db, campaign, week, null, clock, CancellationToken.None);
        var built = watch.ElapsedMilliseconds;

        if (format == "json")
        {
            var json = JsonSerializer.Serialize(Shape(report), Json);
            if (outPath is null)
            {
                Console.WriteLine(json);
            }
            else
            {
                await File.WriteAllTextAsync(outPath, json);
            }
        }
        else
        {
            await File.WriteAllBytesAsync(outPath!, format == "xlsx" ? WeeklyReportDocuments.Xlsx(report, clock) : WeeklyReportDocuments.Pdf(report, clock));
            Console.WriteLine($"已写入 {outPath}({WeeklyReportDocuments.Status(report, clock)})");
        }
        if (o.Flag("--time"))
        {
            // On standard error, so the JSON on standard output stays clean.
            Console.Error.WriteLine($"report {built} ms, total {watch.ElapsedMilliseconds} ms");
        }
        return 0;
    }

    /// <summary>The figures of the screen, by town and village, with the change since the frozen week before.</summary>
    private static object Shape(WeeklyReport r) => new
    {
        campaign = r.CampaignCode,
        week = r.Week.ToString(),
        campaignWeek = r.CampaignWeek,
        frozenAtUtc = r.FrozenAtUtc,
        previousWeekFrozen = r.PreviousFrozen,
        deadline = r.Deadline,
        total = Line(r.Total),
        towns = r.Towns.Select(t => new { town = Line(t.Town), villages = t.Villages.Select(Line) }),
    };

    private static object Line(ReportLine l) => new
    {
        name = l.Name,
        taskRows = l.Figures.TaskRows,
        verified = l.Figures.Verified,
        completionPercent = l.Figures.CompletionPercent,
        receivedInUse = l.Figures.ReceivedInUse,
        receivedDeceased = l.Figures.ReceivedDeceased,
        notReceivedHandedIn = l.Figures.NotReceivedHandedIn,
        notReceivedDeceased = l.Figures.NotReceivedDeceased,
        open = l.Figures.Open,
        flagged = l.Figures.Flagged,
        fraudCases = l.Figures.FraudCases,
        recovered = l.Figures.Recovered,
        stockCards = l.Figures.StockCards,
        lostCards = l.Figures.LostCards,
        change = l.Change,
        state = l.State?.ToString(),
        daysLeft = l.Deadline.DaysLeft,
        overdue = l.Deadline.Overdue,
    };
}
