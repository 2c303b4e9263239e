using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// A verifier moved to another unit, or disabled, keeps no right from old assignments: its rows go back to the clerk
/// (in the assignment history) and access follows the current unit. Its own app: it moves demo accounts.
/// </summary>
public sealed class MovedAccountTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private Scenario S => fixture.Scenario;

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.IgnoreQueryFilters()
            .Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<HttpResponseMessage> MoveAsync(string userId, string userName, string role, int unitId)
    {
        var admin = await fixture.App.SignedInAsync("demo.admin");
        var edit = $"/admin/users/{userId}/edit";
        return await admin.PostFormAsync(edit, await admin.TokenAsync(edit), new()
        {
            ["UserName"] = userName, ["FullName"] = "王志强", ["PhoneNumber"] = "13800000000", ["Role"] = role,
            ["OrgUnitId"] = unitId.ToString(CultureInfo.InvariantCulture),
        });
    }

    [Fact]
    public async Task A_verifier_moved_to_another_town_can_no_longer_open_reveal_or_save_the_old_rows()
    {
        var id = await UserIdAsync("demo.verifier1");
        var row = S.Own.RowId;
        var before = await fixture.App.SignedInAsync("demo.verifier1");
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync($"/rows/{row}/finding")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(id, "demo.verifier1", "Verifier", S.OtherTown.UnitId)).StatusCode);

        // The rows went back to the clerk, and the history says so.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.TaskRows.IgnoreQueryFilters().AnyAsync(r => r.VerifierId == id && r.VillageId == S.Own.UnitId));
            Assert.True(await db.TaskAssignments.IgnoreQueryFilters().AnyAsync(a => a.TaskRowId == row && a.FromVerifierId == id && a.ToVerifierId == null));
            // Even a row somehow still given to the account answers by the current unit.
            await db.TaskRows.IgnoreQueryFilters().Where(r => r.Id == row).ExecuteUpdateAsync(u => u.SetProperty(r => r.VerifierId, id));
        }
        var after = await fixture.App.SignedInAsync("demo.verifier1");
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/rows/{row}/finding")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/rows/{row}")).StatusCode);
        var reveal = await after.PostFormAsync($"/rows/{row}/reveal", await after.TokenAsync("/my/tasks"), []);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        Assert.DoesNotContain($"/rows/{row}/finding", await after.GetStringAsync("/my/tasks"), StringComparison.Ordinal);
        // The old session ended when the account changed.
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/my/tasks")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_verifier_returns_its_rows_to_the_clerk()
    {
        var id = await UserIdAsync("demo.verifier1b");
        var admin = await fixture.App.SignedInAsync("demo.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/users/{id}/disable", await admin.TokenAsync("/admin/users"), [])).StatusCode);
        Assert.Contains("由清查责任人重新分配", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.TaskRows.IgnoreQueryFilters().AnyAsync(r => r.VerifierId == id));
        Assert.True(await db.TaskAssignments.IgnoreQueryFilters().AnyAsync(a => a.FromVerifierId == id && a.ToVerifierId == null));
    }
}
