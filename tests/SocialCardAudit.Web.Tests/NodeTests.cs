using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

/// <summary>Two nodes of the app on one database, as behind a load balancer: what one issues, the other reads.</summary>
public sealed partial class NodeTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static HttpClient Client(AppFactory node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A request carrying the cookies gathered so far, as a browser moving between nodes would send them.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string> cookies,
        Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await client.SendAsync(request);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        return response;
    }

    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_node_are_taken_by_another_on_the_same_database()
    {
        using var first = new AppFactory();
        _ = first.Server; // migrated and seeded before the second node starts on the same database
        using var second = new AppFactory(first.Database);
        var (a, b) = (Client(first), Client(second));
        var cookies = new Dictionary<string, string>();

        var login = await (await SendAsync(a, HttpMethod.Get, "/account/login", cookies)).Content.ReadAsStringAsync();
        var signedIn = await SendAsync(a, HttpMethod.Post, "/account/login", cookies, new()
        {
            ["UserName"] = "demo.county", ["Password"] = DemoData.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(login).Groups[1].Value),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(cookies.Keys, k => k == "sca.auth");
        // The key that protects the cookie is in the database both nodes use, not in one machine's profile folder.
        await using (var scope = second.Services.CreateAsyncScope())
        {
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().DataProtectionKeys.ToListAsync());
        }

        // The second node reads the first node's cookie: the same person, signed in.
        var home = await SendAsync(b, HttpMethod.Get, "/", cookies);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("罗建国", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form from the first node is posted to the second: its antiforgery token is accepted.
        var page = await (await SendAsync(a, HttpMethod.Get, "/account/password", cookies)).Content.ReadAsStringAsync();
        var signedOut = await SendAsync(b, HttpMethod.Post, "/account/logout", cookies, new()
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(a, HttpMethod.Get, "/", cookies)).StatusCode); // signed out on every node
    }

    /// <summary>The clock a week ahead: the week now running has ended for the freezing job.</summary>
    private sealed class WeekAhead : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(7);
    }

    [Fact]
    public async Task Nodes_freezing_the_ended_week_at_the_same_moment_freeze_it_once()
    {
        using var node = new AppFactory();
        _ = node.Server;
        var options = node.Services.GetRequiredService<DbContextOptions<Data.AppDbContext>>();
        // The week that has ended a week from now in the demo counties (Beijing time); the host's own job at
        // start-up freezes the week before it, so that one is left out of the count.
        var target = Domain.Reports.ReportWeek.Current(Domain.Organization.CountyClock.For(new WeekAhead(), "Asia/Shanghai")).Previous;

        // Four nodes' hourly jobs at once, each with its own connection.
        var frozen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            UseCases.Reports.WeeklyFreezing.FreezeEndedWeeksAsync(options, new WeekAhead(), CancellationToken.None))));

        await using var check = new Data.AppDbContext(options, new Data.FixedTenant(null));
        var weeks = await check.WeeklySnapshots.IgnoreQueryFilters().Where(s => s.Year == target.Year && s.Week == target.Week)
            .GroupBy(s => s.CampaignId).Select(g => g.Count()).ToListAsync();
        Assert.All(weeks, count => Assert.Equal(1, count));
        Assert.True(frozen.Sum() > 0, "no campaign had a week to freeze");
        Assert.Equal(frozen.Sum(), weeks.Count); // each freeze counted by exactly one node
    }
}
