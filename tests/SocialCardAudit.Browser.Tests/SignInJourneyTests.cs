using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class SignInJourneyTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> RoleHomes => new()
    {
        { "demo.county", "县督查首页" },
        { "demo.town", "镇社会事业综合服务中心首页" },
        { "demo.clerk1", "村级清查责任人首页" },
        { "demo.verifier1", "核查员首页" },
        { "demo.admin", "系统管理首页" },
    };

    [Theory]
    [MemberData(nameof(RoleHomes))]
    public async Task Each_role_signs_in_on_a_phone_and_lands_on_its_home_page_in_Chinese(string userName, string heading)
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Equal("登录", await page.Locator("h1").InnerTextAsync());

        await SignInAsync(page, userName, DemoData.Password);

        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the home page scrolls sideways on a 360 px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"sca-home-{userName}.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Chinese_error_and_keeps_the_login_name()
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, "demo.clerk2", "not-the-password1");

        Assert.Contains("登录名或密码错误", await page.Locator(".errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("demo.clerk2", await page.Locator("#UserName").InputValueAsync());
        Assert.Equal("", await page.Locator("#Password").InputValueAsync());
        await page.Context.CloseAsync();

        // Recorded with who, when and from where.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SecurityEvents.IgnoreQueryFilters()
            .Where(e => e.UserName == "demo.clerk2").OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(SecurityEventKind.SignInFailed, last.Kind);
        Assert.Equal("127.0.0.1", last.RemoteIp);
        Assert.True(DateTime.UtcNow - last.AtUtc < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        for (var i = 1; i <= 5; i++)
        {
            await SignInAsync(page, "demo.verifier2", $"wrong-password{i}");
        }
        Assert.Contains("账号已锁定", await page.Locator(".errors").InnerTextAsync(), StringComparison.Ordinal);

        await SignInAsync(page, "demo.verifier2", DemoData.Password);
        Assert.Contains("账号已锁定", await page.Locator(".errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Disabling_an_account_asks_for_confirmation_first()
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, "demo.admin", DemoData.Password);
        await page.GotoAsync("/admin/users?q=t.othertown");
        var row = page.Locator("tr", new() { HasText = "t.othertown" });

        page.Dialog += DismissOnce;
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("正常", await row.InnerTextAsync(), StringComparison.Ordinal);

        page.Dialog += AcceptOnce;
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await page.Locator(".flash").WaitForAsync();
        Assert.Contains("已停用", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        static async void DismissOnce(object? sender, IDialog dialog)
        {
            ((IPage)sender!).Dialog -= DismissOnce;
            Assert.Contains("确定停用", dialog.Message, StringComparison.Ordinal);
            await dialog.DismissAsync();
        }

        static async void AcceptOnce(object? sender, IDialog dialog)
        {
            ((IPage)sender!).Dialog -= AcceptOnce;
            await dialog.AcceptAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
