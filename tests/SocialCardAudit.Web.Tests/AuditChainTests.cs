using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>The security events as an assessor checks them: chained by hash, a database edit found, never changed by the product; and the password rules.</summary>
public sealed class AuditChainTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private AppFactory App => fixture.App;

    private async Task<int> DemoTenantAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<string> VerifyAsync(HttpClient admin) =>
        await (await admin.PostFormAsync("/admin/security-events/verify", await admin.TokenAsync("/admin/security-events"), [])).Content.ReadAsStringAsync();

    [Fact]
    public async Task Records_are_chained_and_an_edit_or_deletion_in_the_database_is_found_where_it_happened()
    {
        // A few events: sign-ins, a failure.
        await App.SignedInAsync("demo.clerk1");
        await App.NewClient().LoginAsync("demo.clerk1", "wrong-password1");
        var admin = await App.SignedInAsync("demo.admin");
        var tenant = await DemoTenantAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var chain = await db.SecurityEvents.IgnoreQueryFilters().Where(e => e.Chain == tenant).OrderBy(e => e.Sequence).ToListAsync();
            Assert.True(chain.Count >= 3);
            Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(e => e.Sequence));
            Assert.Equal("", chain[0].PreviousHash);
            Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));

            // The product itself cannot change or delete one.
            chain[0].Detail = "改写";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        var intact = await VerifyAsync(admin);
        Assert.Contains("核验通过", intact, StringComparison.Ordinal);

        await SqlAsync($"""UPDATE "SecurityEvents" SET "Detail" = '无' WHERE "Chain" = {tenant} AND "Sequence" = 2""");
        var edited = await VerifyAsync(admin);
        Assert.Contains("核验不通过:第 2 条处链条断开,记录内容与其哈希不符(被改动)", edited, StringComparison.Ordinal);

        // Put right by hand, the chain holds again; deleting a record is found at the gap.
        await SqlAsync($"""UPDATE "SecurityEvents" SET "Detail" = NULL WHERE "Chain" = {tenant} AND "Sequence" = 2""");
        Assert.Contains("核验通过", await VerifyAsync(admin), StringComparison.Ordinal);
        await SqlAsync($"""DELETE FROM "SecurityEvents" WHERE "Chain" = {tenant} AND "Sequence" = 2""");
        Assert.Contains("核验不通过:第 2 条处链条断开,缺少第 2 条记录(被删除)", await VerifyAsync(admin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_every_record_of_the_period_with_its_hashes_and_is_itself_recorded()
    {
        var admin = await App.SignedInAsync("demo.admin");
        var response = await admin.GetAsync("/admin/security-events/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("序号,时间(县时间),事件,登录名", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("\"demo.admin\"", StringComparison.Ordinal) && l.Contains("登录成功", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Matches("[0-9a-f]{64}$", l));
        await using var scope = App.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SecurityEvents.IgnoreQueryFilters().OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(SecurityEventKind.AuditExported, last.Kind);
    }

    [Fact]
    public async Task A_password_past_its_age_must_be_changed_and_the_last_ones_cannot_come_back()
    {
        await SqlAsync("""UPDATE "AspNetUsers" SET "PasswordChangedAtUtc" = '2020-01-01 00:00:00' WHERE "UserName" = 'demo.clerk3'""");
        var clerk = await App.SignedInAsync("demo.clerk3");
        var home = await clerk.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Contains("id=\"password-expired\"", await clerk.GetStringAsync("/account/password"), StringComparison.Ordinal);

        async Task<string> ChangeAsync(string from, string to) => await (await clerk.PostFormAsync("/account/password", await clerk.TokenAsync(),
            new() { ["CurrentPassword"] = from, ["NewPassword"] = to, ["ConfirmPassword"] = to })).Content.ReadAsStringAsync();

        Assert.Equal("", await ChangeAsync(UseCases.Demo.DemoData.Password, "Second@2026"));
        var again = await clerk.GetAsync("/");
        Assert.True(again.StatusCode == HttpStatusCode.OK, $"{again.StatusCode} {again.Headers.Location}"); // free again
        Assert.Contains("新密码不能与最近 5 次用过的密码相同", await ChangeAsync("Second@2026", UseCases.Demo.DemoData.Password), StringComparison.Ordinal);
        Assert.Equal("", await ChangeAsync("Second@2026", "Third@2026x"));
    }
}
