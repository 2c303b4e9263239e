using Microsoft.Playwright;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class TownReviewJourneyTests(BrowserFixture fixture)
{
    /// <summary>
    /// A village of 1,000 people at the town office's 1366 px screen: find a group of them, tick them all at once,
    /// give them one reason, and return the village; each of them, and nobody else, is named with that reason.
    /// </summary>
    [Fact]
    public async Task Town_returns_a_filtered_selection_of_a_thousand_row_village_with_one_reason()
    {
        var (campaign, village) = await Scenario.SubmittedVillageAsync(fixture.App.Services, 1000);
        var town = await fixture.SignedInDesktopAsync("demo.town");
        await town.GotoAsync($"/campaigns/{campaign}/villages/{village}/signoff");
        Assert.Equal("已提交", await town.Locator("#submission-state").InnerTextAsync());
        Assert.Equal(1000, await town.Locator("#return-rows tbody tr").CountAsync());

        // Everyone surnamed 王 (every 20th person of the list): 50 people.
        await town.Locator("#return-filter").FillAsync("王");
        Assert.Equal("显示 50 人,已选 0 人", await town.Locator("#return-count").InnerTextAsync());
        await town.Locator("#return-outcome").SelectOptionAsync("未核查");
        Assert.Equal("显示 50 人,已选 0 人", await town.Locator("#return-count").InnerTextAsync());
        await town.Locator("#return-all").CheckAsync();
        Assert.Equal("显示 50 人,已选 50 人", await town.Locator("#return-count").InnerTextAsync());
        // One of them gets a reason of their own, which the shared one does not replace.
        var first = town.Locator("#return-rows tbody tr:not([hidden])").First;
        var firstName = await first.Locator("label").InnerTextAsync();
        await first.Locator("input[name^='rows[']").FillAsync("家庭住址有误");
        await town.Locator("#selection-reason").FillAsync("请补充入户核查记录");
        Assert.True(await town.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the review page scrolls sideways at 1366 px");
        await town.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();

        Assert.Equal("退回", await town.Locator("#submission-state").InnerTextAsync());
        var named = await town.Locator("#returned-rows li").AllInnerTextsAsync();
        Assert.Equal(50, named.Count);
        Assert.All(named, line => Assert.StartsWith("王", line, StringComparison.Ordinal));
        Assert.Equal(49, named.Count(line => line.EndsWith(":请补充入户核查记录", StringComparison.Ordinal)));
        Assert.Contains(named, line => line.StartsWith(firstName, StringComparison.Ordinal) && line.EndsWith(":家庭住址有误", StringComparison.Ordinal));
        await town.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-town-review.png") });
        await town.Context.CloseAsync();
    }
}
