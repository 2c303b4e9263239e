using Microsoft.Playwright;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class SignOffJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Verifier_finishes_clerk_signs_town_returns_clerk_re_signs_town_signs_off()
    {
        // The verifier of 三合村 records one person.
        var verifier = await fixture.SignedInPhoneAsync("demo.verifier2");
        await verifier.GotoAsync("/my/tasks?status=todo");
        await verifier.Locator(".tasks li a").First.ClickAsync();
        await verifier.GetByLabel("本人已领·正常使用").CheckAsync();
        await verifier.GetByLabel("本人签名").CheckAsync();
        await verifier.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        await verifier.Locator(".flash").WaitForAsync();
        await verifier.Context.CloseAsync();

        // The clerk opens the statistics, explains the rows still open, and signs with the password.
        var clerk = await fixture.SignedInPhoneAsync("demo.clerk2");
        await clerk.GotoAsync("/campaigns");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "梅田湖镇城乡居民社会保障卡专项清查" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "核查情况分类统计表(附件4)" }).ClickAsync();
        Assert.Contains("本人领取的共 1 张", await clerk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "签字与审核" }).ClickAsync();
        Assert.True(await clerk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the sign-off page scrolls sideways on a phone");
        async Task SignAsClerkAsync()
        {
            foreach (var reason in await clerk.Locator("input[name^='reasons[']").AllAsync())
            {
                await reason.FillAsync("外出务工");
            }
            await clerk.Locator("#password").FillAsync(DemoData.Password);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "签字提交" }).ClickAsync();
            await clerk.Locator(".flash").WaitForAsync();
        }
        await SignAsClerkAsync();
        Assert.Equal("已提交", await clerk.Locator("#submission-state").InnerTextAsync());
        var signoffUrl = clerk.Url;

        // The town sees it waiting, returns it with a reason.
        var town = await fixture.SignedInPhoneAsync("demo.town");
        await town.GetByRole(AriaRole.Link, new() { Name = "三合村已签字提交分类统计表,待审核。" }).ClickAsync();
        await town.Locator("#return-reason").FillAsync("请核对未核查人员的原因");
        await town.Locator("#return-rows input[name^='rows[']").First.FillAsync("联系电话有误");
        Assert.True(await town.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the sign-off page scrolls sideways on a phone");
        await town.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        Assert.Equal("退回", await town.Locator("#submission-state").InnerTextAsync());

        // The verifier's phone: the home page counts the person the town returned and the 镇退回 filter lists them with why.
        var phone = await fixture.SignedInPhoneAsync("demo.verifier2");
        Assert.Equal("1", await phone.Locator("#queue-returned .count").InnerTextAsync());
        await phone.Locator("#queue-returned").ClickAsync();
        Assert.EndsWith("/my/tasks?status=returned", phone.Url, StringComparison.Ordinal);
        Assert.Equal("镇退回:联系电话有误", await phone.Locator(".tasks li .returned").InnerTextAsync());
        Assert.Equal("page", await phone.GetByRole(AriaRole.Link, new() { Name = "镇退回" }).GetAttributeAsync("aria-current"));
        await phone.Context.CloseAsync();

        // The clerk sees why on the home page, and signs again.
        await clerk.GotoAsync("/");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "分类统计表已被镇退回:请核对未核查人员的原因" }).ClickAsync();
        Assert.Contains("联系电话有误", await clerk.Locator("#returned-rows").InnerTextAsync(), StringComparison.Ordinal);
        await SignAsClerkAsync();

        // The town signs off with its password; the verification says the content is unchanged.
        await town.GotoAsync(signoffUrl);
        await town.Locator("#approve-password").FillAsync(DemoData.Password);
        await town.GetByRole(AriaRole.Button, new() { Name = "审核通过并签字" }).ClickAsync();
        await town.Locator(".flash").WaitForAsync();
        Assert.Equal("镇已审核", await town.Locator("#submission-state").InnerTextAsync());
        await town.GetByRole(AriaRole.Link, new() { Name = "核验" }).ClickAsync();
        Assert.Contains("核验通过", await town.Locator("#verify-result").InnerTextAsync(), StringComparison.Ordinal);

        // The signed form is printed for the file: a PDF named after the village.
        var download = await town.RunAndWaitForDownloadAsync(() => town.GetByRole(AriaRole.Link, new() { Name = "导出 PDF(打印存档)" }).ClickAsync());
        Assert.Equal("三合村-核查情况分类统计表.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await town.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-signoff.png"), FullPage = true });
        await clerk.Context.CloseAsync();
        await town.Context.CloseAsync();
    }
}
