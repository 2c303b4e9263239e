using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

/// <summary>The second sign-in factor: required by the county for staff, enrolled with an authenticator, used with codes and recovery codes.</summary>
public sealed partial class TwoFactorTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private AppFactory App => fixture.App;

    [GeneratedRegex(@"<code id=""authenticator-key"">([a-z0-9 ]+)</code>")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex(@"<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();

    private static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>Signs in with the password; the answer is where the browser is sent next.</summary>
    private async Task<(HttpClient Client, string? Next)> PasswordAsync(string userName)
    {
        var client = App.NewClient();
        var response = await client.LoginAsync(userName, DemoData.Password);
        return (client, response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code, bool recovery = false) =>
        await client.PostFormAsync("/account/login/code", await client.TokenAsync("/account/login/code"),
            new() { ["code"] = code, ["recovery"] = recovery ? "true" : "false", ["returnUrl"] = "/" });

    /// <summary>Enrols the signed-in account: reads the key from the page, proves a code, returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> Recovery)> EnrolAsync(HttpClient client)
    {
        var key = KeyOnPage().Match(await client.GetStringAsync("/account/two-factor")).Groups[1].Value;
        Assert.NotEmpty(key);
        var wrong = await client.PostFormAsync("/account/two-factor/enable", await client.TokenAsync("/account/two-factor"), new() { ["code"] = "000000" });
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Contains("验证码不正确,双因素认证未启用", await client.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
        var shown = await (await client.PostFormAsync("/account/two-factor/enable", await client.TokenAsync("/account/two-factor"),
            new() { ["code"] = CodeFor(key) })).Content.ReadAsStringAsync();
        var codes = RecoveryCode().Matches(shown).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    [Fact]
    public async Task The_county_requires_it_for_staff_who_enrol_then_sign_in_with_a_code_or_a_recovery_code_once()
    {
        var admin = await App.SignedInAsync("demo.admin");
        await admin.PostFormAsync("/admin/users/two-factor-policy", await admin.TokenAsync("/admin/users"), new() { ["required"] = "true" });
        try
        {
            // The town office signs in with its password and can do nothing before setting up the authenticator.
            var (town, next) = await PasswordAsync("demo.town");
            Assert.Equal("/", next);
            Assert.Equal("/account/two-factor", (await town.GetAsync("/campaigns")).Headers.Location?.OriginalString);
            Assert.Contains("id=\"two-factor-required\"", await town.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
            var (key, recovery) = await EnrolAsync(town);
            Assert.Equal(HttpStatusCode.OK, (await town.GetAsync("/campaigns")).StatusCode);
            Assert.Contains("不能停用", await (await town.PostFormAsync("/account/two-factor/disable", await town.TokenAsync("/account/two-factor"), []))
                .Content.ReadAsStringAsync() + await town.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);

            // Next time: the password alone is not enough.
            var (again, codeStep) = await PasswordAsync("demo.town");
            Assert.StartsWith("/account/login/code", codeStep, StringComparison.Ordinal);
            Assert.Equal("/account/login?ReturnUrl=%2Fcampaigns", (await again.GetAsync("/campaigns")).Headers.Location?.PathAndQueryOf());
            Assert.Contains("验证码不正确", await (await CodeAsync(again, "123456")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var good = await CodeAsync(again, CodeFor(key));
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/campaigns")).StatusCode);

            // A recovery code works once.
            var (phoneless, _) = await PasswordAsync("demo.town");
            Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(phoneless, " " + recovery[0].ToLowerInvariant(), recovery: true)).StatusCode); // as typed on a phone
            Assert.Contains("<b id=\"recovery-left\">9</b>", await phoneless.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
            var (reused, _) = await PasswordAsync("demo.town");
            Assert.Contains("恢复码不正确或已用过", await (await CodeAsync(reused, recovery[0], recovery: true)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // A village clerk is not required to, and may choose it.
            var (clerk, clerkNext) = await PasswordAsync("demo.clerk2");
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/campaigns")).StatusCode);
            Assert.Equal("/", clerkNext);
        }
        finally
        {
            await admin.PostFormAsync("/admin/users/two-factor-policy", await admin.TokenAsync("/admin/users"), new() { ["required"] = "false" });
        }
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords_and_the_administrator_resets_a_lost_phone()
    {
        var county = await App.SignedInAsync("demo.county");
        var (key, _) = await EnrolAsync(county);
        var (client, _) = await PasswordAsync("demo.county");
        for (var i = 0; i < 5; i++)
        {
            await CodeAsync(client, "999999" == CodeFor(key) ? "888888" : "999999");
        }
        var locked = await CodeAsync(client, CodeFor(key)); // even the right code, once locked
        Assert.Equal("/account/login", locked.Headers.Location?.OriginalString);
        var admin = await App.SignedInAsync("demo.admin");
        var log = await admin.GetStringAsync("/admin/security-events?kind=LockedOut");
        Assert.Contains("验证码连续错误", log, StringComparison.Ordinal);

        // The phone is lost: the administrator unlocks and resets; the account signs in with its password and enrols again.
        var id = Regex.Match(await admin.GetStringAsync("/admin/users?q=demo.county"), @"/admin/users/([0-9a-f-]{36})/reset-two-factor").Groups[1].Value;
        await admin.PostFormAsync($"/admin/users/{id}/enable", await admin.TokenAsync("/admin/users"), []);
        await admin.PostFormAsync($"/admin/users/{id}/reset-two-factor", await admin.TokenAsync("/admin/users"), []);
        Assert.Contains("重置双因素认证 demo.county", await admin.GetStringAsync("/admin/security-events?kind=TwoFactorChanged"), StringComparison.Ordinal);
        var (back, next) = await PasswordAsync("demo.county");
        Assert.Equal("/", next);
        Assert.Contains("状态:<b>未启用</b>", await back.GetStringAsync("/account/two-factor"), StringComparison.Ordinal);
    }
}

internal static class UriText
{
    public static string? PathAndQueryOf(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
