using Microsoft.Playwright;
using SocialCardAudit.Data.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class VerificationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_verifier_on_a_phone_records_one_person_of_each_outcome()
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync("demo.verifier1b");
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我的核查清单" }).First.ClickAsync();
        var before = await page.Locator("#done-count").InnerTextAsync();
        Assert.StartsWith("0 /", before, StringComparison.Ordinal);

        async Task OpenNextAsync()
        {
            await page.GotoAsync("/my/tasks?status=todo");
            await page.Locator(".tasks li a").First.ClickAsync();
            Assert.Contains("/finding", page.Url, StringComparison.Ordinal);
        }

        async Task SaveAsync()
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
            await page.Locator(".flash").WaitForAsync();
            Assert.Contains("已保存", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        }

        // 本人已领·正常使用, signed by the person.
        await OpenNextAsync();
        Assert.True(await page.Locator("#DeathDate").IsHiddenAsync()); // fields show only when the outcome needs them
        await page.GetByLabel("本人已领·正常使用").CheckAsync();
        await page.GetByLabel("本人签名").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-finding.png"), FullPage = true });
        await SaveAsync();

        // 本人已领·已经去世, declared to the county, a son signs.
        await OpenNextAsync();
        await page.GetByLabel("本人已领·已经去世").CheckAsync();
        await page.GetByLabel("已申报").CheckAsync();
        await page.GetByLabel("代签", new() { Exact = true }).CheckAsync();
        await page.Locator("#ProxyName").FillAsync("李四");
        await page.Locator("#ProxyRelation").SelectOptionAsync("儿子");
        await SaveAsync();

        // 本人未领·已经上交 to the bank.
        await OpenNextAsync();
        await page.GetByLabel("本人未领·已经上交").CheckAsync();
        await page.GetByLabel("合作银行").First.CheckAsync();
        await page.Locator("#HandedInBank").SelectOptionAsync("邮政银行");
        await page.Locator("#HandedInDate").FillAsync("2021-06-10");
        await page.GetByLabel("捺指纹").CheckAsync();
        await SaveAsync();

        // 本人未领·已经去世: the first try without a proxy is refused next to the field, nothing lost.
        await OpenNextAsync();
        await page.GetByLabel("本人未领·已经去世").CheckAsync();
        await page.Locator("#DeathDate").FillAsync("2021-01-05");
        await page.Locator("#CardWhereabouts").FillAsync("由其女王芳保管");
        await page.GetByLabel("本人签名").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        Assert.Contains("代为签名", await page.Locator(".field-error >> text=代为签名").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("由其女王芳保管", await page.Locator("#CardWhereabouts").InputValueAsync());
        await page.GetByLabel("代签", new() { Exact = true }).CheckAsync();
        await page.Locator("#ProxyName").FillAsync("王芳");
        await page.Locator("#ProxyRelation").SelectOptionAsync("女儿");
        await SaveAsync();

        await page.GotoAsync("/my/tasks");
        Assert.StartsWith("4 /", await page.Locator("#done-count").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Context.CloseAsync();
    }
}
