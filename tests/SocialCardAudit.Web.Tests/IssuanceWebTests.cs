using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using UglyToad.PdfPig;

namespace SocialCardAudit.Web.Tests;

/// <summary>应发尽发 over HTTP: what each role is shown, the numbers it may see, the home page's work and the reports' files.</summary>
public sealed class IssuanceWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private Target Own => fixture.Scenario.Own;

    private async Task<int> DemoIssuanceIdAsync()
    {
        await using var db = new AppDbContext(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(null));
        return await db.Campaigns.IgnoreQueryFilters().Where(c => c.Code == DemoData.IssuanceCode).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_village_sees_the_full_id_number_the_county_a_masked_one_and_only_the_town_gets_the_making_list()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var county = await fixture.App.SignedInAsync("demo.county");
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var page = $"/issuance/{Own.CaseId}";
        var full = SyntheticTaskList.IdNumberFor(900_300);
        Assert.Contains(full, await clerk.GetStringAsync(page), StringComparison.Ordinal);
        var seenByCounty = await county.GetStringAsync(page);
        Assert.DoesNotContain(full, seenByCounty, StringComparison.Ordinal);
        Assert.Contains(SocialCardAudit.Domain.People.Mask.IdNumber(full), seenByCounty, StringComparison.Ordinal);
        Assert.DoesNotContain("信息核查</summary>", seenByCounty, StringComparison.Ordinal); // the county supervises, it does not verify

        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/issuance/batches/{Own.BatchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/issuance/batches/{Own.BatchId}?format=xlsx")).StatusCode);
        var list = await town.GetAsync($"/issuance/batches/{Own.BatchId}?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await list.Content.ReadAsByteArrayAsync()));
        Assert.Equal("制卡结果", workbook.Worksheet(1).Cell(3, 13).GetString());
    }

    [Fact]
    public async Task The_home_page_gives_each_role_its_issuance_work_and_the_weekly_audit_report_leaves_issuance_campaigns_out()
    {
        var id = await DemoIssuanceIdAsync();
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var home = await clerk.GetStringAsync("/");
        Assert.Contains($"id=\"queue-verify-{id}\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"queue-open-{id}\"", home, StringComparison.Ordinal); // no audit rows to visit in it
        Assert.DoesNotContain($"id=\"queue-ready-{id}\"", home, StringComparison.Ordinal); // and nothing to sign
        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains($"id=\"queue-ready-{id}\"", await town.GetStringAsync("/"), StringComparison.Ordinal);

        var county = await fixture.App.SignedInAsync("demo.county");
        Assert.Contains($"id=\"queue-progress-{id}\"", await county.GetStringAsync("/"), StringComparison.Ordinal);
        var weekly = await county.GetStringAsync("/reports/weekly");
        Assert.DoesNotContain("梅田湖镇社会保障卡应发尽发", weekly, StringComparison.Ordinal);
        var asked = await county.GetAsync($"/reports/weekly?campaign={id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/campaigns/{id}/issuance/progress", asked.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_progress_report_files_carry_every_village_and_the_phases_in_chinese()
    {
        var id = await DemoIssuanceIdAsync();
        var county = await fixture.App.SignedInAsync("demo.county");
        var pdf = await county.GetAsync($"/campaigns/{id}/issuance/progress?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("进度通报", text, StringComparison.Ordinal);
            Assert.Contains("永吉村", text, StringComparison.Ordinal);
            Assert.Contains("金融功能激活", text, StringComparison.Ordinal);
        }
        var xlsx = await county.GetAsync($"/campaigns/{id}/issuance/progress?format=xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["全县", "梅田湖镇"], workbook.Worksheets.Select(w => w.Name).Take(2));
        var town = workbook.Worksheet("梅田湖镇");
        var villages = town.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Superset(DemoData.MeitianhuVillages.ToHashSet(), villages.ToHashSet());

        // A town sees its own town only; a village sees no report.
        var mine = await (await fixture.App.SignedInAsync("demo.town")).GetStringAsync($"/campaigns/{id}/issuance/progress");
        Assert.Contains("梅田湖镇各村(社区)", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.App.SignedInAsync("demo.clerk1")).GetAsync($"/campaigns/{id}/issuance/progress")).StatusCode);
    }

    [Fact]
    public async Task An_issuance_campaign_is_made_with_the_plan_s_five_deadlines_and_refused_without_them()
    {
        var county = await fixture.App.SignedInAsync("demo.county");
        var form = await county.GetStringAsync("/campaigns/new?kind=Issuance");
        foreach (var name in CampaignTerms.IssuancePhaseNames)
        {
            Assert.Contains($"value=\"{name}\"", form, StringComparison.Ordinal);
        }
        int townId;
        await using (var db = new AppDbContext(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(null)))
        {
            townId = (await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == Own.UnitId)).ParentId!.Value;
        }
        Dictionary<string, string> Form(params string[] deadlines)
        {
            var f = new Dictionary<string, string>
            {
                ["TownId"] = $"{townId}", ["Kind"] = "Issuance", ["Code"] = "YF-" + Guid.NewGuid().ToString("N")[..6], ["Name"] = "测试应发尽发",
                ["DocumentNumber"] = "测试〔2022〕2号", ["StartDate"] = "2022-05-25", ["EndDate"] = "2022-08-31", ["VillageIds[0]"] = $"{Own.UnitId}",
            };
            for (var i = 0; i < deadlines.Length; i++)
            {
                f[$"PhaseNames[{i}]"] = CampaignTerms.IssuancePhaseNames[i];
                f[$"PhaseDeadlines[{i}]"] = deadlines[i];
            }
            return f;
        }
        var token = await county.TokenAsync("/campaigns/new?kind=Issuance");
        var refused = await county.PostFormAsync("/campaigns/new", token, Form("2022-06-05", "2022-06-10", "2022-07-10", "2022-07-01", "2022-08-30"));
        Assert.Contains("“发放”的完成时限(2022-07-01)不能早于“制卡”的(2022-07-10)。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var made = await county.PostFormAsync("/campaigns/new", token, Form("2022-06-05", "2022-06-10", "2022-07-10", "2022-08-20", "2022-08-30"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var details = await county.GetStringAsync(made.Headers.Location!.OriginalString);
        Assert.Contains("导入数据比对名单", details, StringComparison.Ordinal);
        Assert.Contains("应发尽发人员", details, StringComparison.Ordinal);
    }
}
