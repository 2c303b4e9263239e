using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

/// <summary>
/// A verifier's day without signal on a 360 px phone: the list taken along, findings of every outcome recorded
/// offline with signatures and photos, the page reloaded and the browser restarted with no network, then one sync.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class OfflineJourneyTests(BrowserFixture fixture)
{
    /// <summary>Where the phone says it is all day: one spot, so the many findings made there in minutes raise the desk doubt.</summary>
    private static readonly Geolocation Door = new() { Latitude = 28.4102f, Longitude = 112.4237f, Accuracy = 8 };

    private static readonly string[] Outcomes = ["ReceivedInUse", "ReceivedDeceased", "NotReceivedHandedIn", "NotReceivedDeceased"];

    [Fact]
    public async Task A_day_without_signal_reaches_the_server_once_and_what_it_refuses_stays_on_its_row_with_the_reason()
    {
        var (day, signedRows, signedCampaign, village) = await Scenario.OfflineDayAsync(fixture.App.Services, 60);
        var conflictRow = day[0];
        var lockedRow = signedRows[0];
        var offlineRows = day.Take(52).Append(lockedRow).ToList(); // 53 findings: 52 of DAY-1, one of DAY-2

        var profile = Directory.CreateTempSubdirectory("sca-phone-").FullName;
        var context = await fixture.PhoneProfileAsync(profile, Door);
        var page = await SignInAsync(context, "/offline");

        // The first load is small, and the list is on the phone with masked numbers only.
        var firstLoad = await page.EvaluateAsync<double>(
            "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((n, e) => n + e.encodedBodySize, 0)");
        Assert.True(firstLoad <= 150 * 1024, $"first load {firstLoad / 1024:0} KB");
        await Expect(page.Locator("#list-state")).ToContainTextAsync("共 ");
        await UntilAsync(page, "caches.match('/offline').then(r => !!r)");
        Assert.DoesNotMatch(@"\d{17}[\dX]", await page.EvaluateAsync<string>(
            "new Promise(r => indexedDB.open('sca-offline').onsuccess = e => e.target.result.transaction('rows').objectStore('rows').getAll().onsuccess = g => r(JSON.stringify(g.target.result)))"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var photo = Convert.FromBase64String(await page.EvaluateAsync<string>(
            "(() => { const c = document.createElement('canvas'); c.width = 1600; c.height = 1200; const g = c.getContext('2d'); g.fillStyle = '#f4f1e8'; g.fillRect(0, 0, 1600, 1200);" +
            " g.fillStyle = '#222'; g.font = '60px sans-serif'; for (let y = 100; y < 1200; y += 90) { g.fillText('社会保障卡核查明细表 签字 ' + y, 60, y); } return c.toDataURL('image/jpeg', 0.9).split(',')[1]; })()"));
        var requestsBefore = ServerRequests("/offline");

        // No signal from here on: record, reload, record, restart the phone, record.
        await context.SetOfflineAsync(true);

        // The rules between fields run on the phone too, in the server's words: nothing wrong is kept.
        await page.Locator($"li[data-row='{day[59]}'] > a").ClickAsync();
        await page.Locator("input[name=Outcome][value=NotReceivedDeceased]").CheckAsync();
        await page.Locator("#DeathDate").FillAsync("2099-01-01");
        await page.Locator("#CardWhereabouts").FillAsync("由其子李四保管");
        await page.Locator("#Phone").FillAsync("13800138000");
        await page.Locator("input[name=Signature][value=Self]").CheckAsync();
        var unreadable = new byte[700 * 1024]; // a JPEG's first bytes, then nothing the page can shrink: it stays as big
        unreadable[0] = 0xFF; unreadable[1] = 0xD8; unreadable[2] = 0xFF;
        await page.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0002.jpg", MimeType = "image/jpeg", Buffer = unreadable });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存到本机" }).ClickAsync();
        Assert.Equal([FindingRules.Messages.DeathAfterVisit, FindingRules.Messages.DeceasedNeedsProxy, string.Format(CultureInfo.InvariantCulture, FindingAttachment.TooLarge, 700)],
            await page.Locator("#error-summary li").AllInnerTextsAsync());
        await page.Locator("#back").ClickAsync();
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 0 条");

        var recorded = new Dictionary<long, (string Outcome, string? Attachment)>();
        for (var i = 0; i < 20; i++)
        {
            recorded[offlineRows[i]] = await RecordAsync(page, offlineRows[i], i, photo);
        }
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 20 条");
        await page.ReloadAsync();
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 20 条");
        for (var i = 20; i < 35; i++)
        {
            recorded[offlineRows[i]] = await RecordAsync(page, offlineRows[i], i, photo);
        }
        await context.CloseAsync();
        context = await fixture.PhoneProfileAsync(profile, Door);
        await context.SetOfflineAsync(true);
        page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/offline");
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 35 条");
        for (var i = 35; i < offlineRows.Count; i++)
        {
            recorded[offlineRows[i]] = await RecordAsync(page, offlineRows[i], i, photo);
        }
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync($"未同步 {offlineRows.Count} 条");
        Assert.Equal(requestsBefore, ServerRequests("/offline")); // the reload and the restart were served by the phone alone

        // Meanwhile, at the office: the clerk corrects one of the rows, and DAY-2's village is signed.
        await ClerkCorrectsAsync(conflictRow);
        await Scenario.SubmitVillageAsync(fixture.App.Services, signedCampaign, village, "demo.clerk11");

        // Signal again. The browser restarted, so the sign-in has ended: the page says so and keeps everything.
        await context.SetOfflineAsync(false);
        await page.Locator("#sync-now").ClickAsync();
        await Expect(page.Locator("#app-message")).ToContainTextAsync("登录已过期");
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync($"未同步 {offlineRows.Count} 条");
        await page.Locator("#app-message a").ClickAsync();
        await page.Locator("#UserName").FillAsync("demo.verifier11");
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/offline", StringComparison.Ordinal));
        Assert.True(ServerRequests("/offline") > requestsBefore); // online, the page comes from the server again
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 2 条", new() { Timeout = 60_000 });
        Assert.Contains("成功 51 条", await page.Locator("#app-message").InnerTextAsync(), StringComparison.Ordinal);

        // Every finding is on the server exactly once, as recorded, with its picture.
        await using (var db = Db())
        {
            var records = await db.VerificationRecords.IgnoreQueryFilters().Where(r => offlineRows.Contains(r.TaskRowId)).ToDictionaryAsync(r => r.TaskRowId);
            var versions = await db.VerificationVersions.IgnoreQueryFilters().Where(v => offlineRows.Contains(v.TaskRowId)).GroupBy(v => v.TaskRowId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var attachments = await db.FindingAttachments.IgnoreQueryFilters().Where(a => offlineRows.Contains(a.TaskRowId)).ToDictionaryAsync(a => a.Id, a => a.Kind);
            foreach (var (row, (outcome, attachment)) in recorded.Where(r => r.Key != conflictRow && r.Key != lockedRow))
            {
                var record = records[row];
                Assert.Equal((outcome, 1, 1), (record.Outcome.ToString(), record.Version, versions[row]));
                Assert.Equal(attachment, record.AttachmentId is { } a ? attachments[a].ToString() : null);
            }
            Assert.False(records.ContainsKey(lockedRow)); // refused: the village is signed

            // Each kept where the phone was; all made on one spot within minutes, so from the fifth on the clerk
            // and the town get the desk doubt (the first one of the day, the conflict, has not been taken yet).
            var placed = await db.VerificationVersions.IgnoreQueryFilters().Where(v => offlineRows.Contains(v.TaskRowId) && v.Place != null).CountAsync();
            Assert.Equal(51, placed);
            var desk = await db.SuspiciousIssues.IgnoreQueryFilters().Where(x => offlineRows.Contains(x.TaskRowId) && x.Source == IssueSource.Place).ToListAsync();
            Assert.Equal(47, desk.Count);
            Assert.All(desk, d => Assert.Contains("同一地点", d.Details, StringComparison.Ordinal));
            Assert.Equal((1, 1), (records[conflictRow].Version, versions[conflictRow])); // the clerk's, not overwritten
        }

        // The two the server did not take are on their rows, with why and what to do; the conflict shows both versions.
        var stale = page.Locator($"li[data-row='{conflictRow}'] [data-problem=stale]");
        await Expect(stale).ToContainTextAsync("已由他人更新");
        await Expect(stale.Locator(".version").First).ToContainTextAsync("本人未领·已经上交"); // the clerk's
        await Expect(stale.Locator(".version").Last).ToContainTextAsync("本人已领·正常使用"); // the phone's
        await Expect(page.Locator($"li[data-row='{lockedRow}'] [data-problem=locked]")).ToContainTextAsync("村级清查责任人");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        // The verifier keeps the phone's version, knowingly: it becomes the next version, the clerk's is kept.
        await stale.GetByRole(AriaRole.Button, new() { Name = "以本机的为准重新提交" }).ClickAsync();
        await Expect(page.Locator("#unsynced")).ToHaveTextAsync("未同步 1 条");
        await using (var db = Db())
        {
            Assert.Equal(2, await db.VerificationVersions.IgnoreQueryFilters().CountAsync(v => v.TaskRowId == conflictRow));
            Assert.Equal(Outcome.ReceivedInUse, (await db.VerificationRecords.IgnoreQueryFilters().SingleAsync(r => r.TaskRowId == conflictRow)).Outcome);
        }

        // Signing out asks before it removes the one finding still unsynced, then leaves no data on the phone.
        string? asked = null;
        page.Dialog += (_, dialog) => asked = dialog.Message;
        await page.Locator("form[data-sign-out] button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("1 条核查记录没有同步", asked, StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("indexedDB.databases().then(d => d.some(x => x.name === 'sca-offline'))"));
        Assert.Equal(0, await page.EvaluateAsync<int>("caches.keys().then(k => k.length)"));
        await context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string then)
    {
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(then));
        await page.Locator("#UserName").FillAsync("demo.verifier11");
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(then, StringComparison.Ordinal));
        return page;
    }

    /// <summary>One finding at the door, the outcome turning through all four; every third with a drawn signature, every fifth with a photo.</summary>
    private static async Task<(string Outcome, string? Attachment)> RecordAsync(IPage page, long rowId, int i, byte[] photo)
    {
        await page.Locator($"li[data-row='{rowId}'] > a").ClickAsync();
        await Expect(page.Locator("#finding-view")).ToBeVisibleAsync();
        // The verifier agrees once to the place being recorded; the phone remembers it, through reloads and restarts.
        if (i == 0)
        {
            await page.Locator("#PlaceConsent").CheckAsync();
        }
        Assert.True(await page.Locator("#PlaceConsent").IsCheckedAsync());
        await Expect(page.Locator("#place-state")).ToContainTextAsync("已定位");
        var outcome = Outcomes[i % 4];
        await page.Locator($"input[name=Outcome][value={outcome}]").CheckAsync();
        await page.Locator("#Phone").FillAsync($"138{i:D8}");
        var visited = await page.Locator("#VisitedAt").InputValueAsync();
        switch (outcome)
        {
            case "ReceivedInUse":
                await page.Locator("input[name=Signature][value=Self]").CheckAsync();
                break;
            case "ReceivedDeceased":
                await page.Locator("input[name=DeclaredToCounty]").CheckAsync();
                await ProxyAsync(page);
                break;
            case "NotReceivedHandedIn":
                await page.Locator("input[name=HandedInTo][value=Bank]").CheckAsync();
                await page.Locator("#HandedInBank").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                await page.Locator("#HandedInDate").FillAsync(visited[..10]);
                await page.Locator("input[name=Signature][value=Fingerprint]").CheckAsync();
                break;
            default:
                await page.Locator("#DeathDate").FillAsync("2021-05-01");
                await page.Locator("#CardWhereabouts").FillAsync("由其子李四保管");
                await ProxyAsync(page);
                break;
        }
        string? attachment = null;
        if (i % 5 == 0)
        {
            await page.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = photo });
            await UntilAsync(page, "document.getElementById('Photo').files[0].name === 'sheet.jpg'"); // shrunk in the page
            attachment = nameof(AttachmentKind.SheetPhoto);
        }
        else if (i % 3 == 0)
        {
            // A finger on the pad, as the phone's touch screen sends it.
            var pad = page.Locator("#signature-pad");
            var box = (await pad.BoundingBoxAsync())!;
            Dictionary<string, object> At(double dx, double dy) => new()
            {
                ["clientX"] = Math.Round(box.X + dx), ["clientY"] = Math.Round(box.Y + dy), ["pointerId"] = 1, ["pointerType"] = "touch", ["isPrimary"] = true,
            };
            await pad.DispatchEventAsync("pointerdown", At(20, 20));
            foreach (var (dx, dy) in new[] { (60, 40), (120, 60), (200, 30), (260, 50) })
            {
                await pad.DispatchEventAsync("pointermove", At(dx, dy));
            }
            await pad.DispatchEventAsync("pointerup", At(260, 50));
            attachment = nameof(AttachmentKind.DrawnSignature);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "保存到本机" }).ClickAsync();
        await Expect(page.Locator("#list-view")).ToBeVisibleAsync();
        await Expect(page.Locator($"li[data-row='{rowId}'] .tag.pending")).ToBeVisibleAsync();
        return (outcome, attachment);
    }

    /// <summary>Polls <paramref name="script"/> until it is true (the page's policy forbids the evaluated strings WaitForFunction uses).</summary>
    private static async Task UntilAsync(IPage page, string script)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(15); !await page.EvaluateAsync<bool>(script); await Task.Delay(100))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for: " + script);
        }
    }

    private static async Task ProxyAsync(IPage page)
    {
        await page.Locator("input[name=Signature][value=Proxy]").CheckAsync();
        await page.Locator("#ProxyName").FillAsync("李四");
        await page.Locator("#ProxyRelation").SelectOptionAsync("儿子");
    }

    /// <summary>The clerk's correction of the row at the office, saved as its first version while the phone had none.</summary>
    private async Task ClerkCorrectsAsync(long rowId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var clerk = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.AppUser>>().FindByNameAsync("demo.clerk11");
        await using var db = Db();
        var row = await db.TaskRows.IgnoreQueryFilters().SingleAsync(r => r.Id == rowId);
        var now = CountyClock.BeijingTime.Now;
        var record = new VerificationRecord { TenantId = row.TenantId, TaskRowId = row.Id, CampaignId = row.CampaignId, VillageId = row.VillageId };
        var banks = await db.Banks.IgnoreQueryFilters().Where(b => b.TenantId == row.TenantId).Select(b => b.Name).ToListAsync();
        db.VerificationRecords.Add(record);
        db.VerificationVersions.Add(record.Record(new Finding
        {
            Outcome = Outcome.NotReceivedHandedIn, HandedInTo = HandedInTo.TownCentre, HandedInDate = DateOnly.FromDateTime(now),
            Phone = "13900139000", VisitedAt = now.AddHours(-1), Signature = SignatureKind.Fingerprint,
        }, new FindingContext(now, new DateOnly(2021, 6, 8), null, banks), clerk!.Id, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>The database as the tests read it: every county, no tenant of its own.</summary>
    private AppDbContext Db() => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(null));

    /// <summary>How many requests for <paramref name="path"/> have reached the app.</summary>
    private int ServerRequests(string path) => fixture.App.Requests.Count(r => r == "GET " + path);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
