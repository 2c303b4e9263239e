using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

/// <summary>The app with its public address configured, as in production.</summary>
public sealed class PublicAddressApp : AppFactory
{
    public const string PublicUrl = "https://sbk.example.gov.cn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:PublicUrl", PublicUrl);
    }
}

/// <summary>Printed links use the configured address, and a forged Host header is refused.</summary>
public sealed class PublicAddressTests(PublicAddressApp app) : IClassFixture<PublicAddressApp>
{
    [Fact]
    public async Task A_forged_host_is_refused()
    {
        var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_statistics_table_links_to_the_public_address_whatever_the_request_said()
    {
        int campaign, village;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            campaign = await db.Campaigns.IgnoreQueryFilters().Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
            village = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Name == "迎丰社区").Select(u => u.Id).SingleAsync();
        }
        var clerk = await app.SignedInAsync("demo.clerk1");
        var response = await clerk.GetAsync($"/campaigns/{campaign}/villages/{village}/statistics.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var text = string.Join("\n", workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains(PublicAddressApp.PublicUrl + $"/campaigns/{campaign}/villages/{village}/signoff/verify", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost", text, StringComparison.Ordinal);
    }
}
