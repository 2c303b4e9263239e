using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

/// <summary>The upload limit is a setting (<c>Imports:MaxFileMegabytes</c>): the form says it, and what is over it is refused in Chinese.</summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private sealed class OneMegabyte : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Imports:MaxFileMegabytes", "1");
        }
    }

    private readonly OneMegabyte _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int campaignId, byte[] file)
    {
        var token = await client.TokenAsync($"/campaigns/{campaignId}/imports/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "全县.csv" },
        };
        return await client.PostAsync($"/campaigns/{campaignId}/imports", content);
    }

    [Fact]
    public async Task The_form_names_the_configured_limit_and_a_larger_file_or_body_is_refused_in_Chinese()
    {
        var town = await _app.SignedInAsync("demo.town");
        int campaignId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            campaignId = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Campaigns.IgnoreQueryFilters()
                .SingleAsync(c => c.Code == DemoData.CampaignCode)).Id;
        }
        Assert.Contains("不超过 1 MB", await town.GetStringAsync($"/campaigns/{campaignId}/imports/new"), StringComparison.Ordinal);

        var overFile = await UploadAsync(town, campaignId, new byte[1024 * 1024 + 1]);
        Assert.Equal(HttpStatusCode.OK, overFile.StatusCode); // the form again, with the reason
        Assert.Contains("超过上限 1 MB", await overFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var overBody = await UploadAsync(town, campaignId, new byte[26 * 1024 * 1024]); // beyond the file and the room for the form
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overBody.StatusCode);
        Assert.Contains("系统允许的 25 MB", await overBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_over_the_limit_of_every_request_is_refused_before_it_is_read_with_the_reason()
    {
        var verifier = await _app.SignedInAsync("demo.verifier1");
        var row = System.Text.RegularExpressions.Regex.Match(await verifier.GetStringAsync("/my/tasks"), "/rows/(\\d+)/finding").Groups[1].Value;
        var token = await verifier.TokenAsync($"/rows/{row}/finding");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("0"), "Version" },
            { new StringContent(Guid.NewGuid().ToString()), "RequestId" }, { new StringContent("ReceivedInUse"), "Outcome" },
            { new ByteArrayContent(new byte[26 * 1024 * 1024]), "Photo", "sheet.jpg" }, // beyond the 1 MB file and the room for the form
        };
        Assert.NotNull(content.Headers.ContentLength);
        var huge = await verifier.PostAsync($"/rows/{row}/finding", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("上传内容过大", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(huge.Headers.Contains("X-Frame-Options") || huge.Content.Headers.Contains("X-Frame-Options")); // the security headers on
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().VerificationVersions.IgnoreQueryFilters()
            .AnyAsync(v => v.TaskRowId == long.Parse(row, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
