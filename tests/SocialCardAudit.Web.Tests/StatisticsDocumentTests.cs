using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Statistics;
using UglyToad.PdfPig;

namespace SocialCardAudit.Web.Tests;

/// <summary>The files of 附件4 and 附件3, opened as a user would open them: Excel cells, PDF text.</summary>
public sealed class StatisticsDocumentTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string FormulaName = "=HYPERLINK(\"http://x\",\"点我\")";

    private string Village => $"/campaigns/{fixture.Scenario.Own.CampaignId}/villages/{fixture.Scenario.Own.UnitId}";

    /// <summary>One finding of each kind the summary lists, for the scenario's own row, whose name is a would-be formula.</summary>
    private async Task RecordFindingAsync()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.TaskRows.IgnoreQueryFilters().Where(r => r.Id == fixture.Scenario.Own.RowId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, FormulaName));
        }
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var page = $"/rows/{fixture.Scenario.Own.RowId}/finding";
        var token = await verifier.TokenAsync(page);
        var version = (await verifier.GetStringAsync(page)).Contains("name=\"Version\" value=\"0\"", StringComparison.Ordinal) ? "0" : null;
        if (version is null)
        {
            return; // recorded by an earlier test of this class
        }
        var saved = await verifier.PostFormAsync(page, token, new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = version, ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static async Task<XLWorkbook> WorkbookAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    private static void NoFormulas(XLWorkbook workbook) =>
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula, $"{c.Address} has a formula"));

    [Fact]
    public async Task The_summary_for_the_town_has_full_numbers_as_text_no_formulas_and_is_logged()
    {
        await RecordFindingAsync();
        var town = await fixture.App.SignedInAsync("demo.town");
        using var workbook = await WorkbookAsync(town, Village + "/summary.xlsx");
        Assert.Equal(4, workbook.Worksheets.Count);
        var sheet = workbook.Worksheet(1);
        Assert.Contains("核查情况分类汇总表(类别:", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal(["序号", "姓名", "身份证号码", "社保卡银行卡号", "户口地址", "联系电话"], Enumerable.Range(1, 6).Select(c => sheet.Cell(3, c).GetString()));
        var person = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == FormulaName);
        var id = person.Cell(3);
        Assert.Equal(XLDataType.Text, id.DataType);
        Assert.Matches(@"^\d{17}[\dX]$", id.GetString());
        Assert.Equal(XLDataType.Text, person.Cell(2).DataType);
        NoFormulas(workbook);
        Assert.True(sheet.Column(3).Width >= 20);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.SecurityEvents.IgnoreQueryFilters().AnyAsync(e =>
            e.Kind == SecurityEventKind.PersonalDataExported && e.UserName == "demo.town" && e.Detail!.Contains("完整号码")));
    }

    [Fact]
    public async Task The_county_gets_the_summary_with_masked_numbers_and_the_verifier_none()
    {
        await RecordFindingAsync();
        var county = await fixture.App.SignedInAsync("demo.county");
        using var workbook = await WorkbookAsync(county, Village + "/summary.xlsx");
        var person = workbook.Worksheet(1).RowsUsed().Single(r => r.Cell(2).GetString() == FormulaName);
        Assert.Contains("*", person.Cell(3).GetString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"^\d{17}[\dX]$", person.Cell(3).GetString());

        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        Assert.Equal(HttpStatusCode.Forbidden, (await verifier.GetAsync(Village + "/summary.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync(Village + "/summary.doc")).StatusCode);
    }

    [Fact]
    public async Task The_summary_pdf_has_extractable_chinese_and_the_persons()
    {
        await RecordFindingAsync();
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var text = await PdfTextAsync(clerk, Village + "/summary.pdf");
        Assert.Contains("核查情况分类汇总表", text, StringComparison.Ordinal);
        Assert.Contains("身份证号码", text, StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("第 1 页", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_village_form_shows_the_counts_the_signer_and_the_digest()
    {
        await RecordFindingAsync();
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var unsigned = await PdfTextAsync(clerk, Village + "/statistics.pdf");
        Assert.Contains("未签字,仅供核对", unsigned, StringComparison.Ordinal);

        var signoff = await clerk.GetStringAsync(Village + "/signoff");
        var open = System.Text.RegularExpressions.Regex.Matches(signoff, @"name=""reasons\[(\d+)\]""").Select(m => m.Groups[1].Value);
        var form = open.ToDictionary(id => $"reasons[{id}]", _ => "联系不上");
        form["password"] = DemoData.Password;
        await clerk.PostFormAsync(Village + "/submit", await clerk.TokenAsync(Village + "/signoff"), form);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var submission = await db.VillageSubmissions.IgnoreQueryFilters().Include(v => v.Steps)
            .SingleAsync(v => v.CampaignId == fixture.Scenario.Own.CampaignId && v.VillageId == fixture.Scenario.Own.UnitId);
        var digest = submission.Steps[^1].Digest!;
        var rows = await db.TaskRows.IgnoreQueryFilters().CountAsync(r => r.CampaignId == fixture.Scenario.Own.CampaignId && r.VillageId == fixture.Scenario.Own.UnitId);

        var text = await PdfTextAsync(clerk, Village + "/statistics.pdf");
        Assert.Contains($"我单位共领取清查任务数据 {rows} 条", text, StringComparison.Ordinal);
        Assert.Contains("正常使用的 1 张", text, StringComparison.Ordinal);
        Assert.Contains("以上统计结果真实有效。", text, StringComparison.Ordinal);
        Assert.Contains("统 计 人:", text, StringComparison.Ordinal);
        Assert.Contains(digest[..32], text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("未签字", text, StringComparison.Ordinal);

        using var workbook = await WorkbookAsync(clerk, Village + "/statistics.xlsx");
        var cells = workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(cells, c => c.Contains("本人领取的共 1 张", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Contains(digest, StringComparison.Ordinal));
        NoFormulas(workbook);
    }

    [Fact]
    public async Task The_town_table_lists_every_village_and_the_total_for_town_and_county_not_the_village()
    {
        var campaign = fixture.Scenario.Own.CampaignId;
        var town = await fixture.App.SignedInAsync("demo.town");
        using var workbook = await WorkbookAsync(town, $"/campaigns/{campaign}/statistics.xlsx");
        var sheet = workbook.Worksheet(1);
        Assert.Equal("村(社区)", sheet.Cell(4, 1).GetString());
        var total = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "合计");
        var villages = sheet.Rows(5, total.RowNumber() - 1).ToList();
        Assert.Equal(fixture.Scenario.Own.CampaignVillageIds.Count, villages.Count);
        Assert.Equal(villages.Sum(r => r.Cell(2).GetDouble()), total.Cell(2).GetDouble());
        Assert.Equal(XLDataType.Number, total.Cell(2).DataType);
        NoFormulas(workbook);

        var county = await fixture.App.SignedInAsync("demo.county");
        var text = await PdfTextAsync(county, $"/campaigns/{campaign}/statistics.pdf");
        Assert.Contains("合计", text, StringComparison.Ordinal);
        Assert.Contains("尚未签署", text, StringComparison.Ordinal);

        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/campaigns/{campaign}/statistics.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_county_overview_counts_in_the_database_what_the_village_tables_count_row_by_row()
    {
        await RecordFindingAsync();
        var options = fixture.App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AppDbContext>>();
        int tenant;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenant = await system.Campaigns.IgnoreQueryFilters().Where(c => c.Id == fixture.Scenario.Own.CampaignId).Select(c => c.TenantId).SingleAsync();
        }
        await using (var db = new AppDbContext(options, new FixedTenant(tenant)))
        {
            var campaigns = await db.Campaigns.Include(c => c.Villages).ToListAsync();
            var totals = await UseCases.Statistics.StatisticsQueries.VillageTotalsAsync(db, campaigns.Select(c => c.Id).ToList(), CancellationToken.None);
            var compared = 0;
            foreach (var c in campaigns)
            {
                var villages = c.Villages.Select(v => v.VillageId).ToList();
                var rows = await UseCases.Statistics.StatisticsQueries.RowStatesAsync(db, c.Id, villages, CancellationToken.None);
                foreach (var v in villages.Where(v => rows[v].Count > 0))
                {
                    Assert.Equal(Domain.SignOff.VillageStatistics.Compute(rows[v]), totals[(c.Id, v)]);
                    compared++;
                }
                Assert.Equal(villages.Count(v => rows[v].Count > 0), totals.Keys.Count(k => k.Campaign == c.Id));
            }
            Assert.True(compared >= 3, $"only {compared} villages compared");
            Assert.Contains(totals.Values, t => t.ReceivedInUse > 0 && t.Open > 0);
        }

        var county = await fixture.App.SignedInAsync("demo.county");
        var overview = await county.GetStringAsync("/statistics");
        Assert.Contains($"/campaigns/{fixture.Scenario.Own.CampaignId}/statistics", overview, StringComparison.Ordinal);
        Assert.Contains($"/campaigns/{fixture.Scenario.OtherTown.CampaignId}/statistics", overview, StringComparison.Ordinal);
        var town = await fixture.App.SignedInAsync("demo.town");
        var own = await town.GetStringAsync("/statistics");
        Assert.Contains($"/campaigns/{fixture.Scenario.Own.CampaignId}/statistics", own, StringComparison.Ordinal);
        Assert.DoesNotContain($"/campaigns/{fixture.Scenario.OtherTown.CampaignId}/statistics", own, StringComparison.Ordinal);
    }
}
