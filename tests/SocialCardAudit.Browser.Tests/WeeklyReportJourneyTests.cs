using Microsoft.Playwright;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class WeeklyReportJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_county_inspector_opens_the_dashboard_drills_into_a_town_and_downloads_the_Excel()
    {
        var county = await fixture.SignedInPhoneAsync("demo.county");
        await county.GetByRole(AriaRole.Link, new() { Name = "进度看板" }).ClickAsync();
        await county.Locator("select[name=campaign]").SelectOptionAsync(new SelectOptionValue { Label = "梅田湖镇城乡居民社会保障卡专项清查" });
        await county.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await county.WaitForURLAsync(url => url.Contains("campaign=", StringComparison.Ordinal));
        Assert.Equal(3, await county.Locator("svg.chart").CountAsync());
        Assert.Contains("梅田湖镇", await county.Locator("#progress-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await county.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the dashboard scrolls sideways on a phone");

        // Drill into the town: the weekly report of its villages.
        await county.Locator("#progress-table").GetByRole(AriaRole.Link, new() { Name = "梅田湖镇" }).ClickAsync();
        await county.Locator("#weekly-report").WaitForAsync();
        var report = await county.Locator("#weekly-report").InnerTextAsync();
        Assert.Contains("迎丰社区", report, StringComparison.Ordinal);
        Assert.Contains("永吉村", report, StringComparison.Ordinal);

        var download = await county.RunAndWaitForDownloadAsync(() => county.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Contains(workbook.Worksheets, w => w.Name == "梅田湖镇");
        await county.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-weekly.png"), FullPage = true });
        await county.Context.CloseAsync();
    }
}
