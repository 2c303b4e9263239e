using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class CountyCampaignJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_county_sets_up_a_campaign_across_two_towns_and_the_town_office_sees_only_its_own_village()
    {
        // A second town with one village, as the administrator would add it.
        var options = fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        int tenant;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        }
        await using (var db = new AppDbContext(options, new FixedTenant(tenant)))
        {
            if (!await db.OrgUnits.AnyAsync(u => u.Name == "清溪镇"))
            {
                var county = await db.OrgUnits.SingleAsync(u => u.Level == OrgLevel.County);
                var qingxi = county.AddChild("清溪镇", await db.OrgUnits.Where(u => u.ParentId == county.Id).ToListAsync());
                db.OrgUnits.Add(qingxi);
                await db.SaveChangesAsync();
                db.OrgUnits.Add(qingxi.AddChild("石桥村", []));
                await db.SaveChangesAsync();
            }
        }

        var page = await fixture.SignedInPhoneAsync("demo.county");
        await page.GotoAsync("/campaigns/new");
        await page.Locator("#TownId").SelectOptionAsync(new SelectOptionValue { Label = "全县(跨乡镇,由县里导入,各镇审核本镇部分)" });
        await page.Locator("#Name").FillAsync("全县社保卡复查");
        await page.Locator("#DocumentNumber").FillAsync("县政办发〔2021〕20号");
        await page.Locator("#Code").FillAsync("QX-2021");
        await page.Locator("#StartDate").FillAsync("2021-07-01");
        await page.Locator("#EndDate").FillAsync("2021-07-31");
        await page.GetByLabel("迎丰社区").CheckAsync();
        await page.Locator("p", new() { HasText = "清溪镇" }).GetByLabel("全选本镇").CheckAsync(); // the whole town at once
        Assert.True(await page.GetByLabel("石桥村").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/campaigns/new", StringComparison.Ordinal));
        var details = await page.Locator("main").InnerTextAsync();
        Assert.Contains("演示县(全县,跨乡镇)", details, StringComparison.Ordinal);
        Assert.Contains("石桥村", details, StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "导入清查任务数据" }).CountAsync());
        var url = page.Url;
        await page.Context.CloseAsync();

        // 梅田湖镇's office finds it among its campaigns, with its own village only, and cannot run it.
        var town = await fixture.SignedInPhoneAsync("demo.town");
        await town.GotoAsync("/campaigns");
        await town.GetByRole(AriaRole.Link, new() { Name = "全县社保卡复查" }).ClickAsync();
        Assert.Equal(url, town.Url);
        var seen = await town.Locator("main").InnerTextAsync();
        Assert.Contains("迎丰社区", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("石桥村", seen, StringComparison.Ordinal);
        Assert.Equal(0, await town.GetByRole(AriaRole.Link, new() { Name = "导入清查任务数据" }).CountAsync());
        await town.GetByRole(AriaRole.Link, new() { Name = "核查情况分类统计表(附件4)" }).ClickAsync();
        Assert.Contains("梅田湖镇 社保卡核查情况分类统计表", await town.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("石桥村", await town.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await town.Context.CloseAsync();
    }
}
