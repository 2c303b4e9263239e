using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Testing;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Tests;

public sealed class PlatformTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Health_answers_200_without_signing_in()
    {
        var response = await fixture.App.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_are_Chinese()
    {
        var response = await fixture.App.NewClient().GetAsync("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>登录</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // no inline script: the CSP would block it
        Assert.DoesNotContain("@", html.Replace("@2021", "", StringComparison.Ordinal), StringComparison.Ordinal); // no Razor left unrendered
    }

    [Fact]
    public async Task Static_assets_are_served_by_the_app_itself()
    {
        var html = await fixture.App.NewClient().GetStringAsync("/account/login");
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.NewClient().GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.NewClient().GetAsync("/js/site.js")).StatusCode);
    }

    [Fact]
    public async Task The_demo_county_has_Meitianhu_with_its_twelve_villages_in_the_plan_s_order()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var town = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == "梅田湖镇");
        var villages = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.ParentId == town.Id).OrderBy(u => u.Code).Select(u => u.Name).ToListAsync();
        Assert.Equal(["迎丰社区", "三合村", "曙辉村", "西来村", "保合村", "新垱村", "梅田湖社区", "梅田村", "友谊村", "告丰村", "金鸡村", "永吉村"], villages);
        Assert.Equal(2, await db.Banks.IgnoreQueryFilters().CountAsync(b => b.TenantId == town.TenantId));
    }

    [Fact]
    public async Task The_tenant_filter_hides_other_counties_and_refuses_writes_to_them()
    {
        int demo, demo2;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var system = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            demo = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
            demo2 = await system.Tenants.Where(t => t.Code == "demo2").Select(t => t.Id).SingleAsync();
            Assert.Empty(await system.OrgUnits.ToListAsync()); // no tenant: nothing tenant-owned is readable
        }

        await using var db = SchemaContext.For(fixture.App.Database);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        fixture.App.Database.Configure(options);
        await using var asDemo2 = new AppDbContext(options.Options, new FixedTenant(demo2));
        Assert.All(await asDemo2.OrgUnits.ToListAsync(), u => Assert.Equal(demo2, u.TenantId));
        Assert.All(await asDemo2.Users.ToListAsync(), u => Assert.Equal(demo2, u.TenantId));
        Assert.Null(await asDemo2.OrgUnits.FindAsync(fixture.Scenario.Own.UnitId));

        var foreign = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == fixture.Scenario.Own.UnitId);
        Assert.Equal(demo, foreign.TenantId);
        asDemo2.Attach(foreign);
        foreign.Rename("被篡改", []);
        Assert.Throws<InvalidOperationException>(() => asDemo2.SaveChanges());
    }

    [Fact]
    public void Personal_numbers_are_masked_before_any_log_sink()
    {
        Assert.Equal("4309**************", AppLogging.Redact("430921198001011234"));
        Assert.Equal("身份证 4309**************,卡 6228***************", AppLogging.Redact("身份证 43092119800101123X,卡 6228480402564890018"));
        Assert.Equal("电话 13800000000", AppLogging.Redact("电话 13800000000"));
    }

    [Fact]
    public async Task The_migrations_of_the_database_in_use_match_the_model()
    {
        await using var db = SchemaContext.For(fixture.App.Database);
        Assert.False(db.Database.HasPendingModelChanges(), $"the model changed: add a migration for {fixture.App.Database.Provider} under db/ (see docs/operations.md)");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Each_role_lands_on_its_own_home_page()
    {
        var expected = new Dictionary<string, string>
        {
            ["demo.county"] = "县督查首页", ["demo.town"] = "镇社会事业综合服务中心首页", ["demo.clerk1"] = "村级清查责任人首页",
            ["demo.verifier1"] = "核查员首页", ["demo.admin"] = "系统管理首页",
        };
        foreach (var (user, heading) in expected)
        {
            var html = await (await fixture.App.SignedInAsync(user)).GetStringAsync("/");
            Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        }
        var town = await (await fixture.App.SignedInAsync("demo.town")).GetStringAsync("/");
        Assert.Contains("永吉村", town, StringComparison.Ordinal);
        Assert.DoesNotContain("测试村", town, StringComparison.Ordinal);
        var clerk = await (await fixture.App.SignedInAsync("demo.clerk1")).GetStringAsync("/");
        Assert.Contains("第一居民小组", clerk, StringComparison.Ordinal);
        Assert.DoesNotContain("三合村", clerk, StringComparison.Ordinal);
        Assert.Equal(OrgLevel.Village, Roles.UnitLevel(Roles.Verifier));
    }
}
