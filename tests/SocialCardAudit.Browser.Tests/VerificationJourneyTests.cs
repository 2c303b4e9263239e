using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class VerificationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_verifier_on_a_phone_records_one_person_of_each_outcome()
    {
        var page = await fixture.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync("demo.verifier1b");
        await page.Locator("#Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我的核查清单" }).First.ClickAsync();
        var before = await page.Locator("#done-count").InnerTextAsync();
        Assert.StartsWith("0 /", before, StringComparison.Ordinal);

        async Task OpenNextAsync()
        {
            await page.GotoAsync("/my/tasks?status=todo");
            await page.Locator(".tasks li a").First.ClickAsync();
            Assert.Contains("/finding", page.Url, StringComparison.Ordinal);
        }

        async Task SaveAsync()
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
            await page.Locator(".flash").WaitForAsync();
            Assert.Contains("已保存", await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        }

        // 本人已领·正常使用, signed by the person.
        await OpenNextAsync();
        Assert.True(await page.Locator("#DeathDate").IsHiddenAsync()); // fields show only when the outcome needs them
        await page.GetByLabel("本人已领·正常使用").CheckAsync();
        await page.GetByLabel("本人签名").CheckAsync();
        var photo = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, SocialCardAudit.Testing.Scenario.TinyPng);
        await page.Locator("#Photo").SetInputFilesAsync(photo);
        // The page swaps the chosen photo for a shrunk JPEG before it is sent.
        // Polled from here: WaitForFunction's own polling evaluates strings, which the page's CSP refuses.
        const string shrunk = "!!document.getElementById('Photo').files[0] && document.getElementById('Photo').files[0].type === 'image/jpeg'";
        for (var i = 0; i < 200 && !await page.EvaluateAsync<bool>(shrunk); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await page.EvaluateAsync<bool>(shrunk), "the photo was not shrunk to a JPEG");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "sca-finding.png"), FullPage = true });
        await SaveAsync();

        // 本人已领·已经去世, declared to the county, a son signs.
        await OpenNextAsync();
        await page.GetByLabel("本人已领·已经去世").CheckAsync();
        await page.GetByLabel("已申报").CheckAsync();
        await page.GetByLabel("代签", new() { Exact = true }).CheckAsync();
        await page.Locator("#ProxyName").FillAsync("李四");
        await page.Locator("#ProxyRelation").SelectOptionAsync("儿子");
        await SaveAsync();

        // 本人未领·已经上交 to the bank.
        await OpenNextAsync();
        await page.GetByLabel("本人未领·已经上交").CheckAsync();
        await page.GetByLabel("合作银行").First.CheckAsync();
        await page.Locator("#HandedInBank").SelectOptionAsync("邮政银行");
        await page.Locator("#HandedInDate").FillAsync("2021-06-10");
        await page.GetByLabel("捺指纹").CheckAsync();
        // A finger's strokes on the pad, as pointer events (the emulated phone has a touch screen).
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
        await SaveAsync();

        // 本人未领·已经去世: the first try without a proxy is refused next to the field, nothing lost.
        await OpenNextAsync();
        await page.GetByLabel("本人未领·已经去世").CheckAsync();
        await page.Locator("#DeathDate").FillAsync("2021-01-05");
        await page.Locator("#CardWhereabouts").FillAsync("由其女王芳保管");
        await page.GetByLabel("本人签名").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存核查结果" }).ClickAsync();
        Assert.Contains("代为签名", await page.Locator(".field-error >> text=代为签名").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("由其女王芳保管", await page.Locator("#CardWhereabouts").InputValueAsync());
        await page.GetByLabel("代签", new() { Exact = true }).CheckAsync();
        await page.Locator("#ProxyName").FillAsync("王芳");
        await page.Locator("#ProxyRelation").SelectOptionAsync("女儿");
        await SaveAsync();

        await page.GotoAsync("/my/tasks");
        Assert.StartsWith("4 /", await page.Locator("#done-count").InnerTextAsync(), StringComparison.Ordinal);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var kinds = await scope.ServiceProvider.GetRequiredService<SocialCardAudit.Data.AppDbContext>().FindingAttachments.IgnoreQueryFilters()
            .Where(a => a.UploadedById != "scenario").Select(a => new { a.Kind, a.ContentType }).ToListAsync();
        Assert.Contains(kinds, k => k.Kind == SocialCardAudit.Domain.Verification.AttachmentKind.SheetPhoto && k.ContentType == "image/jpeg");
        Assert.Contains(kinds, k => k.Kind == SocialCardAudit.Domain.Verification.AttachmentKind.DrawnSignature && k.ContentType == "image/png");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Context.CloseAsync();
    }
}
