using Microsoft.EntityFrameworkCore;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Tasks;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Giving task rows to verifiers, as the village's row list does it, on a real database file.</summary>
public sealed class AssignRowsTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task The_clerk_gives_rows_to_a_verifier_of_the_village_and_every_change_of_hands_is_kept()
    {
        var clerk = await demo.ActorAsync("demo.clerk1");
        var other = await demo.ActorAsync("demo.verifier1b");
        await using var db = demo.Db(clerk.Scope.TenantId);
        var campaign = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        var rows = await db.TaskRows.Where(r => r.VillageId == clerk.Scope.UnitId && r.VerifierId != other.UserId).OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        var handler = new AssignRows(db, TimeProvider.System);

        Assert.Equal(Result.Denied, await handler.HandleAsync(await demo.ActorAsync("demo.county"), new(campaign, clerk.Scope.UnitId, other.UserId, rows, null), default));
        Assert.Equal(Result.Denied, await handler.HandleAsync(await demo.ActorAsync("demo.clerk2"), new(campaign, clerk.Scope.UnitId, other.UserId, rows, null), default));
        Assert.Equal(Result.NotFound, await handler.HandleAsync(clerk, new(int.MaxValue, clerk.Scope.UnitId, other.UserId, rows, null), default));
        var elsewhere = await demo.ActorAsync("demo.verifier2");
        Assert.Equal(Result.Refused("所选核查员不属于本村(社区)或已停用。"), await handler.HandleAsync(clerk, new(campaign, clerk.Scope.UnitId, elsewhere.UserId, rows, null), default));
        Assert.Equal(Result.Refused("请先勾选任务,或选择一个居民小组。"), await handler.HandleAsync(clerk, new(campaign, clerk.Scope.UnitId, other.UserId, [], null), default));

        var done = await handler.HandleAsync(clerk, new(campaign, clerk.Scope.UnitId, other.UserId, rows, null), default);
        Assert.Equal(Status.Done, done.Status);
        Assert.StartsWith($"已将 2 条任务分配给 {other.Name}", done.Message, StringComparison.Ordinal);
        // The town office can too (a village without a clerk is never stuck); taking them back is a change of hands as well.
        Assert.Equal(Result.Done("已收回 2 条任务。"), await handler.HandleAsync(await demo.ActorAsync("demo.town"), new(campaign, clerk.Scope.UnitId, null, rows, null), default));

        await using var check = demo.Db(clerk.Scope.TenantId);
        var history = await check.TaskAssignments.Where(a => a.TaskRowId == rows[0]).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(other.UserId, history[^2].ToVerifierId);
        Assert.Null(history[^1].ToVerifierId);
        Assert.All(await check.TaskRows.Where(r => rows.Contains(r.Id)).ToListAsync(), r => Assert.Null(r.VerifierId));
    }
}
