using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

public sealed class CampaignWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private Scenario S => fixture.Scenario;

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_campaign_with_inconsistent_terms_is_refused_field_by_field_in_Chinese()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var response = await town.PostFormAsync("/campaigns/new", await town.TokenAsync(), new()
        {
            ["Code"] = "bad code!", ["Name"] = "测试清查", ["DocumentNumber"] = "", ["StartDate"] = "2021-06-30", ["EndDate"] = "2021-06-08",
            ["PhaseNames[0]"] = "入户核查", ["PhaseDeadlines[0]"] = "2021-07-30",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("代码为 2–32 位字母", html, StringComparison.Ordinal);
        Assert.Contains("请填写文号", html, StringComparison.Ordinal);
        Assert.Contains("结束日期不能早于开始日期", html, StringComparison.Ordinal);
        Assert.Contains("请至少选择一个村(社区)", html, StringComparison.Ordinal);
        Assert.Contains("晚于清查结束日期", html, StringComparison.Ordinal);
        Assert.Contains("value=\"测试清查\"", html, StringComparison.Ordinal); // what was typed stays
    }

    [Fact]
    public async Task A_town_office_creates_a_campaign_for_its_own_town_only()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var otherTownVillage = S.OtherTown.UnitId;
        var refused = await town.PostFormAsync("/campaigns/new", await town.TokenAsync(), new()
        {
            ["Code"] = "T-X", ["Name"] = "越权", ["DocumentNumber"] = "x", ["StartDate"] = "2021-06-08", ["EndDate"] = "2021-06-30",
            ["VillageIds[0]"] = Id(otherTownVillage), ["TownId"] = "999999",
        });
        Assert.Contains("所选村(社区)须属于梅田湖镇", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await town.PostFormAsync("/campaigns/new", await town.TokenAsync(), new()
        {
            ["Code"] = "MTH-2022", ["Name"] = "2022 年复查", ["DocumentNumber"] = "梅政办发〔2022〕1号", ["StartDate"] = "2022-03-01",
            ["EndDate"] = "2022-03-31", ["VillageIds[0]"] = Id(S.Own.UnitId), ["PhaseNames[0]"] = "入户核查", ["PhaseDeadlines[0]"] = "2022-03-20",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await town.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("2022 年复查", page, StringComparison.Ordinal);
        Assert.Contains("入户核查:2022-03-20 前完成", page, StringComparison.Ordinal);

        var duplicate = await town.PostFormAsync("/campaigns/new", await town.TokenAsync(), new()
        {
            ["Code"] = "MTH-2022", ["Name"] = "重复", ["DocumentNumber"] = "x", ["StartDate"] = "2022-03-01", ["EndDate"] = "2022-03-31",
            ["VillageIds[0]"] = Id(S.Own.UnitId),
        });
        Assert.Contains("代码“MTH-2022”已被本县其他专项清查使用", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_runs_in_the_background_and_its_rejected_rows_can_be_downloaded_and_the_download_is_recorded()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var rows = SyntheticTaskList.Rows(5020, ["迎丰社区", "三合村"]).Skip(5000).ToList();
        var wrong = rows[3][2][..17] + (rows[3][2][17] == '1' ? '2' : '1'); // a check character that does not fit
        rows[3][2] = wrong;
        var response = await UploadAsync(town, S.Own.CampaignId, Xlsx(rows), "第一批.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var importPage = response.Headers.Location!.OriginalString;

        var status = await town.ImportFinishedAsync(importPage);
        Assert.Equal("Succeeded", status.GetProperty("status").GetString());
        Assert.Equal(19, status.GetProperty("imported").GetInt32());
        Assert.Equal(1, status.GetProperty("rejected").GetInt32());

        var html = await town.GetStringAsync(importPage);
        Assert.Contains("有 1 行未导入", html, StringComparison.Ordinal);
        var report = await town.GetAsync(importPage + "/errors");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(await report.Content.ReadAsStreamAsync());
        Assert.Equal(wrong, workbook.Worksheet(1).Cell(2, 3).GetString());
        Assert.Contains("校验位错误", workbook.Worksheet(1).Cell(2, 9).GetString(), StringComparison.Ordinal);
        Assert.Equal(SecurityEventKind.PersonalDataExported, (await LastEventAsync("demo.town")).Kind);

        // The county supervises with masked numbers, in this file as on every page.
        var county = await fixture.App.SignedInAsync("demo.county");
        using var masked = new XLWorkbook(await (await county.GetAsync(importPage + "/errors")).Content.ReadAsStreamAsync());
        Assert.Equal(Domain.People.Mask.IdNumber(wrong), masked.Worksheet(1).Cell(2, 3).GetString());
        Assert.Equal(Domain.People.Mask.BankCard(rows[3][3]), masked.Worksheet(1).Cell(2, 4).GetString());
        Assert.Contains("校验位错误", masked.Worksheet(1).Cell(2, 9).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_names_the_default_limit_and_no_file_gets_a_Chinese_answer_and_no_import()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var before = await CountImportsAsync();
        // A file over it is refused in UploadLimitTests, on an app whose limit is small enough to send.
        Assert.Contains("不超过 200 MB", await town.GetStringAsync($"/campaigns/{S.Own.CampaignId}/imports/new"), StringComparison.Ordinal);
        var none = await town.PostFormAsync($"/campaigns/{S.Own.CampaignId}/imports", await town.TokenAsync(), []);
        Assert.Contains("请选择要导入的文件", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountImportsAsync());
    }

    [Fact]
    public async Task A_running_import_can_be_cancelled_and_stores_nothing()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var rows = SyntheticTaskList.Rows(100_000, ["迎丰社区", "三合村"]).Skip(40_000).ToList();
        var before = await CountRowsAsync();
        var response = await UploadAsync(town, S.Own.CampaignId, Xlsx(rows), "大文件.xlsx");
        var page = response.Headers.Location!.OriginalString;
        await town.PostFormAsync(page + "/cancel", await town.TokenAsync(page), []);

        var status = await town.ImportFinishedAsync(page);
        Assert.Equal("Cancelled", status.GetProperty("status").GetString());
        Assert.Equal(before, await CountRowsAsync());
        Assert.Contains("导入已取消,未写入任何数据", await town.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clerk_assigns_a_whole_group_and_reassignment_keeps_the_history()
    {
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var group = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.ParentId == S.Own.UnitId).OrderBy(u => u.Code).FirstAsync();
        var verifier1b = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "demo.verifier1b").Select(u => u.Id).SingleAsync();
        var rowsPage = $"/campaigns/{S.Own.CampaignId}/villages/{S.Own.UnitId}/rows";

        var assigned = await clerk.PostFormAsync(rowsPage.Replace("/rows", "/assign", StringComparison.Ordinal), await clerk.TokenAsync(rowsPage),
            new() { ["VerifierId"] = verifier1b, ["GroupId"] = Id(group.Id) });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var inGroup = await db.TaskRows.IgnoreQueryFilters().Where(r => r.ResidentGroupId == group.Id).ToListAsync();
        Assert.NotEmpty(inGroup);
        Assert.All(inGroup, r => Assert.Equal(verifier1b, r.VerifierId));

        var one = inGroup[0].Id;
        await clerk.PostFormAsync(rowsPage.Replace("/rows", "/assign", StringComparison.Ordinal), await clerk.TokenAsync(rowsPage),
            new() { ["VerifierId"] = S.Verifier1Id, ["RowIds"] = one.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var history = await db.TaskAssignments.IgnoreQueryFilters().Where(a => a.TaskRowId == one).OrderBy(a => a.Id).ToListAsync();
        Assert.True(history.Count >= 2);
        Assert.Equal(verifier1b, history[^1].FromVerifierId);
        Assert.Equal(S.Verifier1Id, history[^1].ToVerifierId);
        var page = await clerk.GetStringAsync($"/rows/{one}");
        Assert.Contains("陈丽 → 王志强", page, StringComparison.Ordinal);

        var mine = await (await fixture.App.SignedInAsync("demo.verifier1")).GetStringAsync("/my/tasks");
        Assert.Contains(inGroup[0].Name, mine, StringComparison.Ordinal);
        Assert.Contains(inGroup[0].IdNumberMasked, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_cannot_assign_to_a_verifier_of_another_village()
    {
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var rowsPage = $"/campaigns/{S.Own.CampaignId}/villages/{S.Own.UnitId}/rows";
        var response = await clerk.PostFormAsync(rowsPage.Replace("/rows", "/assign", StringComparison.Ordinal), await clerk.TokenAsync(rowsPage),
            new() { ["VerifierId"] = S.SiblingVillage.UserId, ["RowIds"] = S.Own.RowId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("不属于本村", await clerk.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_are_masked_on_screen_and_shown_in_full_only_on_request_which_is_recorded()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var rowsPage = await town.GetStringAsync($"/campaigns/{S.Own.CampaignId}/villages/{S.Own.UnitId}/rows");
        Assert.Contains("********", rowsPage, StringComparison.Ordinal);
        Assert.Contains(" **** **** ", rowsPage, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{17}[\dX]", rowsPage);

        var revealed = await town.PostFormAsync($"/rows/{S.Own.RowId}/reveal", await town.TokenAsync($"/rows/{S.Own.RowId}"), []);
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Matches(@"<code id=""id-number"">430621\d{11}[\dX]</code>", html);
        Assert.Matches(@"<code id=""bank-card"">622848\d{13}</code>", html);
        Assert.True(revealed.Headers.CacheControl?.NoStore);
        var e = await LastEventAsync("demo.town");
        Assert.Equal(SecurityEventKind.PersonalDataViewed, e.Kind);

        var county = await fixture.App.SignedInAsync("demo.county");
        var countyView = await county.GetStringAsync($"/rows/{S.Own.RowId}");
        Assert.DoesNotContain("显示完整号码", countyView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_has_the_seed_s_headers_and_text_number_columns()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        using var workbook = new XLWorkbook(await town.GetStreamAsync("/imports/template"));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["序号", "姓名", "身份证号码", "社保卡银行卡号", "户口地址", "联系电话", "居民小组", "村(社区)", "乡镇(街道)"],
            Enumerable.Range(1, 10).Select(c => sheet.Cell(1, c).GetString()).Where(h => h.Length > 0));
        Assert.Equal("11010519491231002X", sheet.Cell(2, 3).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 4).DataType);
    }

    [Fact]
    public async Task The_classified_statistics_are_computed_per_village_with_the_town_total()
    {
        int rowsInOwnVillage;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            rowsInOwnVillage = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TaskRows.IgnoreQueryFilters()
                .CountAsync(r => r.CampaignId == S.Own.CampaignId && r.VillageId == S.Own.UnitId);
        }
        var town = await (await fixture.App.SignedInAsync("demo.town")).GetStringAsync($"/campaigns/{S.Own.CampaignId}/statistics");
        Assert.Contains($"我单位共领取清查任务数据 <b>{rowsInOwnVillage}</b> 条", town, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\">", town, StringComparison.Ordinal);
        Assert.Contains("三合村", town, StringComparison.Ordinal);

        var clerk = await (await fixture.App.SignedInAsync("demo.clerk1")).GetStringAsync($"/campaigns/{S.Own.CampaignId}/statistics");
        Assert.Contains("迎丰社区", clerk, StringComparison.Ordinal);
        Assert.DoesNotContain("三合村", clerk, StringComparison.Ordinal);
        Assert.DoesNotContain("全镇汇总", clerk, StringComparison.Ordinal);
    }

    private static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var s = new MemoryStream();
        SyntheticTaskList.WriteXlsx(s, rows);
        return s.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int campaignId, byte[] file, string name)
    {
        var token = await client.TokenAsync($"/campaigns/{campaignId}/imports/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await client.PostAsync($"/campaigns/{campaignId}/imports", content);
    }

    private async Task<int> CountRowsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TaskRows.IgnoreQueryFilters().CountAsync();
    }

    private async Task<int> CountImportsAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TaskImports.IgnoreQueryFilters().CountAsync();
    }

    private async Task<SecurityEvent> LastEventAsync(string userName)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SecurityEvents.IgnoreQueryFilters()
            .Where(e => e.UserName == userName).OrderByDescending(e => e.Id).FirstAsync();
    }
}
