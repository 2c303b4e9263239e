using ClosedXML.Excel;
using Microsoft.Playwright;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class ImportJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_town_office_imports_a_file_with_bad_rows_downloads_the_report_fixes_it_and_imports_again()
    {
        var folder = Directory.CreateTempSubdirectory("sca-import-").FullName;
        var rows = SyntheticTaskList.Rows(3040, DemoData.MeitianhuVillages[2..]).Skip(3000).ToList(); // villages no other journey signs: a signed village takes nobody new
        var broken = rows.Select(r => (string[])r.Clone()).ToList();
        broken[5][2] = broken[5][2][..17] + (broken[5][2][17] == '1' ? '2' : '1'); // check digit
        broken[9][7] = "不存在村";
        var firstFile = Path.Combine(folder, "任务清单.xlsx");
        await using (var s = File.Create(firstFile))
        {
            SyntheticTaskList.WriteXlsx(s, broken);
        }

        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync("demo.town");
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "专项清查", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "梅田湖镇城乡居民社会保障卡专项清查" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "导入清查任务数据" }).ClickAsync();

        await page.Locator("#file").SetInputFilesAsync(firstFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        Assert.Equal("导入进度", await page.Locator("h1").InnerTextAsync());
        await page.Locator("progress#import-progress").WaitForAsync(new() { State = WaitForSelectorState.Visible }); // before and after it reloads itself

        // The page polls and reloads itself when the import is done.
        await page.Locator("#error-report").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("有 2 行未导入", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("100", await page.Locator("progress#import-progress").GetAttributeAsync("value"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#error-report").ClickAsync());
        var reportPath = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(reportPath);
        using (var report = new XLWorkbook(reportPath))
        {
            var sheet = report.Worksheet(1);
            Assert.Contains("校验位错误", sheet.Cell(2, 9).GetString(), StringComparison.Ordinal);
            Assert.Contains("没有名为“不存在村”", sheet.Cell(3, 9).GetString(), StringComparison.Ordinal);
        }

        // Corrected file: the whole list again, now right. Only the two missing people are added.
        var fixedFile = Path.Combine(folder, "任务清单-改正.xlsx");
        await using (var s = File.Create(fixedFile))
        {
            SyntheticTaskList.WriteXlsx(s, rows);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "再导入一个文件" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(fixedFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.Locator(".stats >> nth=1").WaitForAsync(new() { Timeout = 30_000 });
        var result = await page.Locator(".stats >> nth=1").InnerTextAsync();
        Assert.Matches(@"2\s*导入", result);
        Assert.Matches(@"38\s*已存在", result);
        Assert.Matches(@"0\s*未导入", result);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-import-done.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
