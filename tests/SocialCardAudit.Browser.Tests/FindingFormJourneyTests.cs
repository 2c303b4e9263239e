using Microsoft.Playwright;

namespace SocialCardAudit.Browser.Tests;

/// <summary>The finding form at the door, on a 360 px phone: every error in one round, each leading to its field.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class FindingFormJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_empty_save_shows_every_error_at_once_and_each_links_to_its_field()
    {
        var page = await fixture.SignedInPhoneAsync("demo.verifier1"); // 迎丰社区: a village no other journey signs
        await page.GotoAsync("/my/tasks?status=todo");
        // Masked numbers stay whole on one line, and nothing pushes the page wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var number = page.Locator(".tasks li code").First;
        Assert.True(await number.EvaluateAsync<bool>("c => c.getClientRects().length === 1"));
        await page.Locator(".tasks li a").Last.ClickAsync();
        var form = page.Url;
        await page.Locator("#Phone").FillAsync("");
        await page.Locator("#VisitedAt").FillAsync("");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await summary.WaitForAsync();
        Assert.Equal(form, page.Url); // checked in the page: nothing was sent
        var items = await summary.Locator("li").AllInnerTextsAsync();
        Assert.Equal(["请选择核查结果(四项之一)。", "请填写现在的联系电话。", "请填写上门核查时间。", "请选择签名方式:本人签名、捺指纹或代签。"], items);
        Assert.Equal("请填写现在的联系电话。", await page.Locator("[data-valmsg-for=Phone]").InnerTextAsync()); // and at the field

        await page.EvaluateAsync("document.querySelector('#error-summary a[data-field=Phone]').click()");
        Assert.Equal("Phone", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("", await page.EvaluateAsync<string>("location.hash")); // taken to the field by the page, no jump

        // Once put right, the page sends it and the server agrees.
        await page.GetByLabel("本人已领·正常使用").CheckAsync();
        await page.Locator("#Phone").FillAsync("13800138000");
        await page.Locator("#VisitedAt").FillAsync(SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("捺指纹").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Contains("已保存", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
    }
}
