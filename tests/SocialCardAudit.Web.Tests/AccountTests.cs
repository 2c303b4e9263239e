using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

public sealed class AccountTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_refused()
    {
        var jar = new CookieContainer();
        var client = App.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync("demo.county", UseCases.Demo.DemoData.Password)).StatusCode);
        var copy = jar.GetCookieHeader(client.BaseAddress!); // what someone could lift from the browser

        async Task<HttpStatusCode> WithCopyAsync()
        {
            using var thief = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/dashboard");
            request.Headers.Add("Cookie", copy);
            return (await thief.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await WithCopyAsync());

        var logout = await client.PostFormAsync("/account/logout", await client.TokenAsync("/account/password"), []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await WithCopyAsync()); // to the sign-in page

        // Another session of the same account goes on.
        var other = await App.SignedInAsync("demo.county");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/reports/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_recorded_with_the_address()
    {
        var client = App.NewClient();
        var response = await client.LoginAsync("demo.verifier2", "not-the-password1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录名或密码错误", html, StringComparison.Ordinal);
        var e = await LastEventAsync("demo.verifier2");
        Assert.Equal(SecurityEventKind.SignInFailed, e.Kind);
        Assert.NotNull(e.TenantId);
    }

    [Fact]
    public async Task An_unknown_login_name_gets_the_same_answer_as_a_wrong_password()
    {
        var html = await (await App.NewClient().LoginAsync("no.such.user", "whatever1x")).Content.ReadAsStringAsync();
        Assert.Contains("登录名或密码错误", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var client = App.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync("t.sibling", "wrong-password" + i);
        }
        var response = await client.LoginAsync("t.sibling", Scenario.Password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已锁定", html, StringComparison.Ordinal);
        Assert.Equal(SecurityEventKind.LockedOut, (await LastEventAsync("t.sibling")).Kind);

        // The administrator unlocks it; the right password works again.
        var admin = await App.SignedInAsync("demo.admin");
        await admin.PostFormAsync($"/admin/users/{fixture.Scenario.SiblingVillage.UserId}/enable", await admin.TokenAsync(), []);
        Assert.Equal(HttpStatusCode.Redirect, (await App.NewClient().LoginAsync("t.sibling", Scenario.Password)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_is_recorded()
    {
        await App.SignedInAsync("demo.clerk2");
        var e = await LastEventAsync("demo.clerk2");
        Assert.Equal(SecurityEventKind.SignIn, e.Kind);
        Assert.NotNull(e.UserId);
    }

    [Fact]
    public async Task A_denied_access_is_answered_403_in_Chinese_and_recorded()
    {
        var clerk = await App.SignedInAsync("demo.clerk1");
        var response = await clerk.GetAsync($"/org/units/{fixture.Scenario.SiblingVillage.UnitId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var e = await LastEventAsync("demo.clerk1");
        Assert.Equal(SecurityEventKind.AccessDenied, e.Kind);
        Assert.Equal($"/org/units/{fixture.Scenario.SiblingVillage.UnitId}", e.Path);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once_and_cannot_sign_in()
    {
        var target = await App.SignedInAsync("t.othertown", Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await target.GetAsync("/")).StatusCode);

        var admin = await App.SignedInAsync("demo.admin");
        await admin.PostFormAsync($"/admin/users/{fixture.Scenario.OtherTown.UserId}/disable", await admin.TokenAsync(), []);

        var next = await target.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var again = await App.NewClient().LoginAsync("t.othertown", Scenario.Password);
        Assert.Contains("账号已停用", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.PostFormAsync($"/admin/users/{fixture.Scenario.OtherTown.UserId}/enable", await admin.TokenAsync(), []);
    }

    [Fact]
    public async Task The_session_ends_after_thirty_idle_minutes()
    {
        var client = await App.SignedInAsync("demo.verifier1b");
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // activity slides the expiry
        App.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_reset_the_temporary_password_must_be_changed_before_anything_else()
    {
        var admin = await App.SignedInAsync("demo.admin");
        var reset = await admin.PostFormAsync($"/admin/users/{fixture.Scenario.Own.UserId}/reset-password", await admin.TokenAsync(), []);
        var html = await reset.Content.ReadAsStringAsync();
        var temporary = System.Text.RegularExpressions.Regex.Match(html, "id=\"temporary-password\">([a-z0-9]{10})<").Groups[1].Value;
        Assert.Equal(10, temporary.Length);

        var user = await App.SignedInAsync("t.own", temporary);
        var home = await user.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);

        var weak = await user.PostFormAsync("/account/password", await user.TokenAsync(),
            new() { ["CurrentPassword"] = temporary, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Contains("密码至少 8 位", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await user.PostFormAsync("/account/password", await user.TokenAsync(),
            new() { ["CurrentPassword"] = temporary, ["NewPassword"] = Scenario.Password, ["ConfirmPassword"] = Scenario.Password });
        Assert.Equal("/", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var admin = await App.SignedInAsync("demo.admin");
        var response = await admin.PostFormAsync($"/admin/users/{fixture.Scenario.Own.UserId}/disable", null, []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.IgnoreQueryFilters().Where(u => u.Id == fixture.Scenario.Own.UserId).Select(u => u.IsDisabled).SingleAsync());
    }

    [Fact]
    public async Task Every_request_is_logged_and_a_password_never_is()
    {
        await App.NewClient().LoginAsync("demo.county", "Leaked-Secret-77");
        Assert.Contains("SignInFailed", App.ReadLogs(), StringComparison.Ordinal);
        Assert.Contains("HTTP POST /account/login responded 200", App.ReadLogs(), StringComparison.Ordinal);
        Assert.DoesNotContain("Leaked-Secret-77", App.ReadLogs(), StringComparison.Ordinal);
    }

    private async Task<SecurityEvent> LastEventAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.SecurityEvents.IgnoreQueryFilters().Where(e => e.UserName == userName).OrderByDescending(e => e.Id).FirstAsync();
    }
}
