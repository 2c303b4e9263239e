using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace SocialCardAudit.Browser.Tests;

/// <summary>The town office closes a campaign, compiles its archive, reads the catalogue and a volume's contents, downloads a file and verifies.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ArchiveJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_closed_campaign_is_archived_catalogued_downloaded_and_verified()
    {
        var town = await fixture.SignedInDesktopAsync("demo.town");
        await town.GotoAsync("/campaigns/new");
        await town.Locator("#Name").FillAsync("三合村社保卡复查");
        await town.Locator("#DocumentNumber").FillAsync("梅政办发〔2021〕30号");
        await town.Locator("#Code").FillAsync("SH-ARCH");
        await town.Locator("#StartDate").FillAsync("2021-08-01");
        await town.Locator("#EndDate").FillAsync("2021-08-31");
        await town.GetByLabel("三合村").CheckAsync();
        await town.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await town.WaitForURLAsync(url => !url.EndsWith("/campaigns/new", StringComparison.Ordinal));

        // Before it ends there is nothing to archive; ended, the archive is compiled once.
        await town.Locator("#archive").ClickAsync();
        Assert.Contains("结束后才能归档", await town.Locator("#not-closed").InnerTextAsync(), StringComparison.Ordinal);
        await town.GoBackAsync();
        await town.GetByRole(AriaRole.Button, new() { Name = "结束清查" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        await town.Locator("#archive").ClickAsync();
        await town.GetByRole(AriaRole.Button, new() { Name = "编制档案" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        Assert.Contains("已归档:1 卷,1 份文件", await town.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await town.GetByRole(AriaRole.Button, new() { Name = "编制档案" }).CountAsync());

        // The catalogue, and the volume's contents with the file number.
        Assert.Contains("50年", await town.Locator("#volumes").InnerTextAsync(), StringComparison.Ordinal);
        await town.Locator("#volumes a").First.ClickAsync();
        var number = await town.Locator(".volume-files td[data-label='档号'] code").First.InnerTextAsync();
        Assert.Matches(@"^\d{4}-GL-待遇领取资格验证材料-1-1-C$", number);
        var download = await town.RunAndWaitForDownloadAsync(() => town.Locator(".volume-files td[data-label='题名'] a").First.ClickAsync());
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            Assert.Contains("三合村", string.Join("\n", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }
        Assert.Equal(number + ".pdf", download.SuggestedFilename);

        await town.Locator("#verify").ClickAsync();
        Assert.Contains("全部 1 份文件与归档时一致", await town.Locator("#verify-result").InnerTextAsync(), StringComparison.Ordinal);
        await town.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-archive.png"), FullPage = true });
        await town.Context.CloseAsync();
    }
}
