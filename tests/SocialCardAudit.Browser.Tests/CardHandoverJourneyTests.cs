using Microsoft.Playwright;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class CardHandoverJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_clerk_hands_three_stock_cards_to_the_town_which_confirms_two_and_disputes_one()
    {
        // The clerk of 迎丰社区 finds the stock cards from the register and hands three of them over.
        var clerk = await fixture.SignedInPhoneAsync("demo.clerk1");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "社保卡台账" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "库存卡清理汇总(附件1)" }).ClickAsync();
        Assert.Contains("迎丰社区", await clerk.Locator("#stock").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "库存卡造册移交" }).ClickAsync();
        var boxes = await clerk.Locator("#handover-cards input[type=checkbox]").AllAsync();
        Assert.True(boxes.Count > 3, $"only {boxes.Count} stock cards");
        foreach (var box in boxes.Skip(3))
        {
            await box.UncheckAsync();
        }
        Assert.True(await clerk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the hand-over page scrolls sideways on a phone");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "造册移交" }).ClickAsync();
        await clerk.Locator(".flash").WaitForAsync();
        Assert.Equal("待接收", await clerk.Locator("#handover-state").InnerTextAsync());
        Assert.Equal(3, await clerk.Locator("#handover-lines tbody tr").CountAsync());
        var handoverUrl = clerk.Url;
        await clerk.Context.CloseAsync();

        // The town counts two, ticks the two it has, and confirms; the third stays disputed.
        var town = await fixture.SignedInPhoneAsync("demo.town");
        await town.GetByRole(AriaRole.Link, new() { Name = "社保卡台账" }).ClickAsync();
        await town.GetByRole(AriaRole.Link, new() { Name = "交接单" }).ClickAsync();
        await town.Locator("#handovers a").First.ClickAsync();
        Assert.Equal(handoverUrl, town.Url);
        var received = await town.Locator("#receive-cards input[type=checkbox]").AllAsync();
        Assert.Equal(3, received.Count);
        await received[0].CheckAsync();
        await received[1].CheckAsync();
        await town.Locator("#counted").FillAsync("2");
        await town.GetByRole(AriaRole.Button, new() { Name = "确认接收" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        Assert.Contains("1 张未收到", await town.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("有争议", await town.Locator("#handover-state").InnerTextAsync());
        var results = await town.Locator("#handover-lines td[data-label='结果'] .tag").AllInnerTextsAsync();
        Assert.Equal(["已收到", "已收到", "未收到(争议)"], results.Order(StringComparer.Ordinal));
        await town.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-handover.png"), FullPage = true });
        await town.Context.CloseAsync();
    }
}
