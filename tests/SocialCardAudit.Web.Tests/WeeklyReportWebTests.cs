using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Reports;

namespace SocialCardAudit.Web.Tests;

/// <summary>The weekly report on screen: frozen weeks stay as they were, scope holds through every parameter.</summary>
public sealed partial class WeeklyReportWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [GeneratedRegex(@"<table class=""table report"" id=""weekly-report"">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    private string Report(string week) => $"/reports/weekly?campaign={fixture.Scenario.Own.CampaignId}&week={week}";

    private async Task RecordFindingAsync(long rowId, string verifier)
    {
        var client = await fixture.App.SignedInAsync(verifier);
        var page = $"/rows/{rowId}/finding";
        var saved = await client.PostFormAsync(page, await client.TokenAsync(page), new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task A_frozen_week_reads_the_same_after_later_findings_while_the_live_week_moves()
    {
        var county = await fixture.App.SignedInAsync("demo.county");
        var week = "2021-W20"; // the job test below freezes 2021-W25
        var before = await county.GetStringAsync(Report(week));
        Assert.Contains("本周尚未冻结", before, StringComparison.Ordinal);
        Assert.Contains("梅田湖镇", before, StringComparison.Ordinal);

        await county.PostFormAsync("/reports/weekly/freeze", await county.TokenAsync(Report(week)),
            new() { ["campaign"] = fixture.Scenario.Own.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["week"] = week });
        var frozen = await county.GetStringAsync(Report(week));
        Assert.Contains("本周数据已于", frozen, StringComparison.Ordinal);
        var table = Table().Match(frozen).Value;
        Assert.NotEmpty(table);

        await RecordFindingAsync(fixture.Scenario.Own.RowId, "demo.verifier1");
        Assert.Equal(table, Table().Match(await county.GetStringAsync(Report(week))).Value);
        var live = await county.GetStringAsync($"/reports/weekly?campaign={fixture.Scenario.Own.CampaignId}");
        Assert.NotEqual(table, Table().Match(live).Value);

        // Freezing the same week again is refused and changes nothing; the week after shows the change since.
        await county.PostFormAsync("/reports/weekly/freeze", await county.TokenAsync(Report(week)),
            new() { ["campaign"] = fixture.Scenario.Own.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["week"] = week });
        Assert.Contains("已冻结,不能重新冻结", await county.GetStringAsync(Report(week)), StringComparison.Ordinal);
        Assert.Equal(table, Table().Match(await county.GetStringAsync(Report(week))).Value);
        var next = WebUtility.HtmlDecode(Table().Match(await county.GetStringAsync(Report("2021-W21"))).Value);
        Assert.Contains("<td data-label=\"已核查\">1 <small>+1</small></td>", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_town_sees_its_own_villages_only_and_no_parameter_opens_another_town()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var own = await town.GetStringAsync(Report("2021-W25"));
        Assert.Contains("迎丰社区", own, StringComparison.Ordinal);
        Assert.DoesNotContain("测试村", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/reports/weekly?campaign={fixture.Scenario.OtherTown.CampaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/reports/weekly?campaign={fixture.Scenario.OtherTenant.CampaignId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await town.GetAsync($"/reports/weekly/{fixture.Scenario.OtherTown.CampaignId}/villages/{fixture.Scenario.OtherTown.UnitId}")).StatusCode);
        Assert.Contains("格式不正确", await town.GetStringAsync(Report("明年")), StringComparison.Ordinal);
        // Naming another town in the drill-down parameter narrows the town's own view to nothing, never widens it.
        Assert.DoesNotContain("迎丰社区", await town.GetStringAsync(Report("2021-W25") + $"&town={fixture.Scenario.OtherTown.UnitId}"), StringComparison.Ordinal);
        var dashboard = await town.GetStringAsync($"/reports/dashboard?campaign={fixture.Scenario.Own.CampaignId}");
        Assert.Contains("<svg class=\"chart\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("迎丰社区", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/reports/dashboard?campaign={fixture.Scenario.OtherTown.CampaignId}")).StatusCode);
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(Report("2021-W25"))).StatusCode);
    }

    [Fact]
    public async Task The_weekly_job_freezes_the_week_that_ended_once()
    {
        var options = fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var monday = new DateTime(2021, 6, 28, 1, 0, 0, DateTimeKind.Utc); // Monday 09:00 in Beijing: 2021-W25 has ended
        await WeeklyFreezing.FreezeEndedWeeksAsync(options, new FixedTime(monday), default);
        Assert.Equal(0, await WeeklyFreezing.FreezeEndedWeeksAsync(options, new FixedTime(monday.AddHours(1)), default));
        await using var system = new AppDbContext(options, new FixedTenant(null));
        var snapshots = await system.WeeklySnapshots.IgnoreQueryFilters()
            .Where(s => s.CampaignId == fixture.Scenario.Own.CampaignId && s.Year == 2021 && s.Week == 25).Include(s => s.Lines).ToListAsync();
        var snapshot = Assert.Single(snapshots);
        Assert.Null(snapshot.TakenById);
        Assert.Equal(fixture.Scenario.Own.CampaignVillageIds.Count, snapshot.Lines.Count);
        Assert.Equal(new ReportWeek(2021, 25), snapshot.ReportWeek);
    }

    [Fact]
    public async Task The_report_files_carry_the_county_and_each_town_and_the_chinese_text()
    {
        var county = await fixture.App.SignedInAsync("demo.county");
        var xlsx = await county.GetAsync($"/reports/weekly.xlsx?campaign={fixture.Scenario.Own.CampaignId}&week=2021-W25");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["全县", "梅田湖镇"], workbook.Worksheets.Select(w => w.Name));
        var town = workbook.Worksheet("梅田湖镇");
        Assert.Equal("单位", town.Cell(3, 1).GetString());
        Assert.Contains(town.RowsUsed(), r => r.Cell(1).GetString() == "迎丰社区");
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula));
        Assert.True(town.SheetView.SplitRow == 3); // the heading stays in view

        var pdf = await county.GetAsync($"/reports/weekly.pdf?campaign={fixture.Scenario.Own.CampaignId}&week=2021-W25");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("周督查通报", text, StringComparison.Ordinal);
        Assert.Contains("迎丰社区", text, StringComparison.Ordinal);
        Assert.Contains("第 1 页", text, StringComparison.Ordinal);
        Assert.True(document.GetPage(1).Width > document.GetPage(1).Height); // landscape

        var town2 = await fixture.App.SignedInAsync("demo.town");
        Assert.Equal(HttpStatusCode.Forbidden, (await town2.GetAsync($"/reports/weekly.xlsx?campaign={fixture.Scenario.OtherTown.CampaignId}")).StatusCode);
    }
}
