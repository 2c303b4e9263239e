using Microsoft.Playwright;
using OtpNet;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class TwoFactorJourneyTests(BrowserFixture fixture)
{
    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    private async Task<IPage> PasswordAsync(string userName)
    {
        var page = await fixture.NewPhoneAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    /// <summary>
    /// A village clerk on a phone chooses a second factor: scans (here: reads) the key, proves a code, keeps the
    /// recovery codes; signs in with a code, then with a recovery code; five wrong codes lock the account.
    /// </summary>
    [Fact]
    public async Task Enrol_sign_in_with_a_code_and_a_recovery_code_and_wrong_codes_lock_the_account()
    {
        var clerk = await fixture.SignedInPhoneAsync("demo.clerk4");
        await clerk.GotoAsync("/account/two-factor");
        Assert.True(await clerk.Locator("#authenticator-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code is not drawn");
        var key = await clerk.Locator("#authenticator-key").InnerTextAsync();
        await clerk.Locator("#code").FillAsync(CodeFor(key));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await clerk.Locator("#recovery-codes").WaitForAsync();
        var recovery = await clerk.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, recovery.Count);
        Assert.True(await clerk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await clerk.Context.CloseAsync();

        // With the code from the authenticator.
        var next = await PasswordAsync("demo.clerk4");
        await next.WaitForURLAsync(url => url.Contains("/account/login/code", StringComparison.Ordinal));
        await next.Locator("#code").FillAsync(CodeFor(key));
        await next.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await next.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        Assert.Contains("村级清查责任人首页", await next.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await next.Context.CloseAsync();

        // Phone left at home: a recovery code.
        var phoneless = await PasswordAsync("demo.clerk4");
        await phoneless.Locator("#use-recovery").ClickAsync();
        await phoneless.Locator("#code").FillAsync(recovery[0]);
        await phoneless.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await phoneless.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await phoneless.GotoAsync("/account/two-factor");
        Assert.Equal("9", await phoneless.Locator("#recovery-left").InnerTextAsync());
        await phoneless.Context.CloseAsync();

        // Someone with the password but not the phone: five wrong codes and the account is locked.
        var guesser = await PasswordAsync("demo.clerk4");
        for (var i = 0; i < 4; i++)
        {
            await guesser.Locator("#code").FillAsync(i % 2 == 0 ? "111111" : "222222");
            await guesser.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
            Assert.Contains("验证码不正确", await guesser.Locator("#code-error").InnerTextAsync(), StringComparison.Ordinal);
        }
        await guesser.Locator("#code").FillAsync("333333"); // the fifth wrong code locks, as the fifth wrong password does
        await guesser.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await guesser.WaitForURLAsync(url => url.EndsWith("/account/login", StringComparison.Ordinal));
        Assert.Contains("账号已锁定", await guesser.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await guesser.Context.CloseAsync();
    }
}
