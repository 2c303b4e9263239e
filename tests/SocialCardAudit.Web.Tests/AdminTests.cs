using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

public sealed partial class AdminTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_administrator_creates_an_account_that_signs_in_with_the_temporary_password()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var response = await admin.PostFormAsync("/admin/users/new", await admin.TokenAsync(), new()
        {
            ["UserName"] = "new.verifier", ["FullName"] = "新核查员", ["PhoneNumber"] = "0730-8123456",
            ["Role"] = "Verifier", ["OrgUnitId"] = fixture.Scenario.SiblingVillage.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var temporary = TemporaryPassword().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;

        var user = await fixture.App.SignedInAsync("new.verifier", temporary);
        Assert.Equal("/account/password", (await user.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_resident_group_gets_no_sub_units_and_the_page_says_why()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<SocialCardAudit.Data.AppDbContext>().OrgUnits.IgnoreQueryFilters()
            .Where(u => u.ParentId == fixture.Scenario.Own.UnitId).Select(u => u.Id).FirstAsync();
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var response = await admin.GetAsync($"/admin/units/{group}/children/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("最下一级单位", await admin.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_are_found_by_login_name_whatever_the_case_and_by_real_name()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        Assert.Contains("demo.clerk1", await admin.GetStringAsync("/admin/users?q=DEMO.Clerk1"), StringComparison.Ordinal);
        Assert.Contains("demo.clerk1", await admin.GetStringAsync("/admin/users?q=" + Uri.EscapeDataString("李红梅")), StringComparison.Ordinal);
        Assert.DoesNotContain("demo.clerk1", await admin.GetStringAsync("/admin/users?q=demo.verifier1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_cannot_reset_or_disable_their_own_account()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var list = await admin.GetStringAsync("/admin/users?q=demo.admin");
        Assert.Contains("id=\"own-account\"", list, StringComparison.Ordinal);
        var own = Regex.Match(list, @"/admin/users/([^/""]+)/edit").Groups[1].Value;
        Assert.DoesNotContain($"/admin/users/{own}/reset-password", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/users/{own}/disable", list, StringComparison.Ordinal);

        // Sent anyway, both are refused as errors.
        foreach (var action in new[] { "reset-password", "disable" })
        {
            var response = await admin.PostFormAsync($"/admin/users/{own}/{action}", await admin.TokenAsync("/admin/users"), []);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("id=\"flash-error\"", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode); // still signed in, password unchanged
    }

    [Fact]
    public async Task A_role_on_a_unit_of_the_wrong_level_is_refused_in_Chinese()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var response = await admin.PostFormAsync("/admin/users/new", await admin.TokenAsync(), new()
        {
            ["UserName"] = "wrong.level", ["FullName"] = "错层级", ["PhoneNumber"] = "13912345678",
            ["Role"] = "TownOffice", ["OrgUnitId"] = fixture.Scenario.Own.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("镇社会事业综合服务中心只能归属乡镇(街道)级单位", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.DoesNotContain("wrong.level", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_fields_are_each_named_and_the_typed_values_kept()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var response = await admin.PostFormAsync("/admin/users/new", await admin.TokenAsync(), new()
        {
            ["UserName"] = "a b", ["FullName"] = "王五", ["PhoneNumber"] = "12345", ["Role"] = "Nobody", ["OrgUnitId"] = "x",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("登录名为 3–64 位字母", html, StringComparison.Ordinal);
        Assert.Contains("联系电话格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("请选择角色", html, StringComparison.Ordinal);
        Assert.Contains("value=\"王五\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_login_name_is_refused()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var response = await admin.PostFormAsync("/admin/users/new", await admin.TokenAsync(), new()
        {
            ["UserName"] = "demo2.county", ["FullName"] = "重名", ["PhoneNumber"] = "13912345678",
            ["Role"] = "CountySupervisor", ["OrgUnitId"] = "1",
        });
        Assert.Contains("登录名“demo2.county”已被使用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Units_are_added_and_renamed_with_names_unique_among_siblings()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var villageId = fixture.Scenario.Own.UnitId;
        var added = await admin.PostFormAsync($"/admin/units/{villageId}/children/new", await admin.TokenAsync(), new() { ["Name"] = "第九居民小组" });
        Assert.Equal("/admin/units", added.Headers.Location?.OriginalString);

        var duplicate = await admin.PostFormAsync($"/admin/units/{villageId}/children/new", await admin.TokenAsync(), new() { ["Name"] = "第九居民小组" });
        Assert.Contains("已有名为“第九居民小组”的单位", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await admin.GetStringAsync("/admin/units");
        Assert.Contains("第九居民小组", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_village_alias_is_saved_unless_another_village_already_goes_by_it()
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var edit = $"/admin/units/{fixture.Scenario.Own.UnitId}/edit";
        var saved = await admin.PostFormAsync(edit, await admin.TokenAsync(edit), new() { ["Name"] = "迎丰社区", ["Aliases"] = "迎丰\n迎丰居委会" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("迎丰居委会", await admin.GetStringAsync(edit), StringComparison.Ordinal);

        var clash = await admin.PostFormAsync(edit, await admin.TokenAsync(edit), new() { ["Name"] = "迎丰社区", ["Aliases"] = "三合村" });
        Assert.Contains("“三合村”已是本县另一个村(社区)的名称或别名", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_list_shows_only_the_own_county()
    {
        var admin = await fixture.App.SignedInAsync("demo2.admin");
        var html = await admin.GetStringAsync("/admin/users");
        Assert.Contains("demo2.county", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.county", html, StringComparison.Ordinal);
        Assert.DoesNotContain("梅田湖镇", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"temporary-password\">([a-z0-9]{10})<")]
    private static partial Regex TemporaryPassword();
}
