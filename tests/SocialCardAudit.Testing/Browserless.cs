using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Testing;

/// <summary>Signing in and posting forms the way a browser does: cookies, antiforgery tokens, no auto-redirect.</summary>
public static partial class Browserless
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static HttpClient NewClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> app, string userName, string password = DemoData.Password)
    {
        var client = app.NewClient();
        var response = await client.LoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password)
    {
        var token = await client.TokenAsync("/account/login");
        return await client.PostFormAsync("/account/login", token, new() { ["UserName"] = userName, ["Password"] = password });
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/>, as the signed-in user.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string page = "/account/password")
    {
        var html = await client.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string? token, Dictionary<string, string> fields)
    {
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Polls an import's status (task list or card register) until it has finished; its answer then.</summary>
    public static async Task<System.Text.Json.JsonElement> ImportFinishedAsync(this HttpClient client, string importPage)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, importPage + "/status");
            if (status.GetProperty("finished").GetBoolean())
            {
                return status;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{importPage} did not finish in 60 s");
    }
}
