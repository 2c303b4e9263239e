using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Browser.Tests;

/// <summary>The real app on Kestrel (a loopback port, a real SQLite file) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    // Without the background-networking flags Chromium keeps calling out, and this network refuses it.
    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium and fonts-wqy-microhei (tests/run.sh does), then run the tests again.");
        }
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        await Scenario.PrepareAsync(App.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A new browser profile on a 360 px wide phone, in Chinese.</summary>
    public async Task<IPage> NewPhoneAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "zh-CN",
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A phone whose profile lives in <paramref name="folder"/>: closed and opened again on the same folder, it is the
    /// same phone after a restart (its storage, its service worker, its cookies that outlive the browser).
    /// </summary>
    /// <param name="at">Where the phone's position says it is; location is then allowed for the app.</param>
    public async Task<IBrowserContext> PhoneProfileAsync(string folder, Geolocation? at = null)
    {
        var context = await _playwright!.Chromium.LaunchPersistentContextAsync(folder, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "zh-CN",
            IsMobile = true,
            HasTouch = true,
            Geolocation = at,
            Permissions = at is null ? [] : ["geolocation"],
        });
        return context;
    }

    /// <summary>A new browser profile on an office computer's 1366×768 screen, in Chinese.</summary>
    public async Task<IPage> NewDesktopAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A phone signed in with the demo password, which accepts every confirmation the pages ask for.</summary>
    public async Task<IPage> SignedInPhoneAsync(string userName) => await SignInAsync(await NewPhoneAsync(), userName);

    /// <summary>An office computer signed in with the demo password, accepting every confirmation.</summary>
    public async Task<IPage> SignedInDesktopAsync(string userName) => await SignInAsync(await NewDesktopAsync(), userName);

    private static async Task<IPage> SignInAsync(IPage page, string userName)
    {
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(SocialCardAudit.UseCases.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        App.Dispose();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
