using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Task lists and card registers through the one import pipeline: recorded and queued, then run in the background.</summary>
public sealed class ImportTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static MemoryStream Xlsx(IEnumerable<string[]> rows, string[] header)
    {
        var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows, header);
        file.Position = 0;
        return file;
    }

    private RunImport Runner() => new(demo.Services.GetRequiredService<DbContextOptions<AppDbContext>>(),
        demo.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task A_card_register_is_queued_by_who_may_fill_the_town_s_register_and_stored_by_the_background_run()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var queue = new ImportQueue();
        var start = new StartImport(db, queue, TimeProvider.System);
        var village = await db.OrgUnits.SingleAsync(u => u.Name == "迎丰社区");
        var rows = Enumerable.Range(970_000, 3).Select(i => SyntheticTaskList.Row(i, ["迎丰社区"]))
            .Select((p, k) => new[] { p[1], p[2], SyntheticTaskList.CardFor(970_000 + k), "农业银行", "迎丰社区", "库存", "村" }).ToList();
        rows.Add([rows[0][0], "123", SyntheticTaskList.CardFor(970_009), "农业银行", "迎丰社区", "", ""]); // a bad ID number: one refused row

        Assert.Equal(Result.Denied, (await start.CardRegisterAsync(await demo.ActorAsync("demo.clerk1"), town.Scope.UnitId, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        var otherTownOffice = town with { Scope = new UserScope(town.Scope.TenantId, Roles.TownOffice, -1, "another town") };
        Assert.Equal(Result.Denied, (await start.CardRegisterAsync(otherTownOffice, town.Scope.UnitId, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        Assert.Equal(Result.NotFound, (await start.CardRegisterAsync(town, village.Id, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        Assert.Equal(Status.Refused, (await start.CardRegisterAsync(town, town.Scope.UnitId, "a.xlsx", new MemoryStream(), default)).Result.Status);
        Assert.Equal(0, queue.Waiting(town.Scope.TenantId));

        var (result, job) = await start.CardRegisterAsync(town, town.Scope.UnitId, "C:\\银行\\制卡数据.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default);
        Assert.Equal(Status.Done, result.Status);
        Assert.Equal(("制卡数据.xlsx", ImportStatus.Queued, 1), (job!.FileName, job.Status, queue.Waiting(town.Scope.TenantId)));
        Assert.True(queue.Reader.TryRead(out var item));
        Assert.Equal((ImportKind.CardRegister, job.Id), (item.Kind, item.Id));

        var progress = new List<ImportProgress>();
        await Runner().HandleAsync(item, progress.Add, default);
        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.CardImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Succeeded, 3, 1, 4), (done.Status, done.Imported, done.Rejected, done.RowsRead));
        Assert.NotNull(done.ErrorReportCipher);
        Assert.Equal(new ImportProgress(4, 3, 0), progress[^1]);
        var protector = demo.Services.GetRequiredService<PersonalDataProtector>();
        var stored = rows.Take(3).Select(r => protector.Hash(r[2], Purposes.BankCard)).ToList();
        Assert.Equal(3, await check.Cards.CountAsync(c => c.VillageId == village.Id && stored.Contains(c.CardNumberHash)));
    }

    [Fact]
    public async Task A_task_list_is_queued_only_into_an_open_campaign_its_manager_may_import_into()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var queue = new ImportQueue();
        var start = new StartImport(db, queue, TimeProvider.System);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        MemoryStream File() => Xlsx(Enumerable.Range(971_000, 2).Select(i => SyntheticTaskList.Row(i, ["迎丰社区"])), SyntheticTaskList.Header);

        Assert.Equal(Result.Denied, (await start.TaskListAsync(await demo.ActorAsync("demo.clerk1"), campaign.Id, "t.xlsx", File(), default)).Result);
        Assert.Equal(Result.NotFound, (await start.TaskListAsync(town, int.MaxValue, "t.xlsx", File(), default)).Result);
        var tooLarge = new MemoryStream(new byte[TaskFile.MaxBytes + 1]);
        Assert.StartsWith("文件大小", (await start.TaskListAsync(town, campaign.Id, "t.xlsx", tooLarge, default)).Result.Message, StringComparison.Ordinal);

        var (result, job) = await start.TaskListAsync(town, campaign.Id, "t.xlsx", File(), default);
        Assert.Equal(Status.Done, result.Status);
        Assert.True(queue.Reader.TryRead(out var item));
        Assert.Equal((ImportKind.TaskList, job!.Id), (item.Kind, item.Id));
        await Runner().HandleAsync(item, _ => { }, default);
        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.TaskImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Succeeded, 2), (done.Status, done.Imported));
        Assert.Equal(2, await check.TaskRows.CountAsync(r => r.ImportId == job.Id));
    }

    [Fact]
    public async Task Who_may_import_cancels_a_queued_import_and_the_run_then_stores_nothing()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var queue = new ImportQueue();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var file = Xlsx(Enumerable.Range(972_000, 2).Select(i => SyntheticTaskList.Row(i, ["迎丰社区"])), SyntheticTaskList.Header);
        var (_, job) = await new StartImport(db, queue, TimeProvider.System).TaskListAsync(town, campaign.Id, "t.xlsx", file, default);
        var cancel = new CancelImport(db, queue);

        Assert.Equal(Result.Denied, await cancel.HandleAsync(await demo.ActorAsync("demo.clerk1"), ImportKind.TaskList, job!.Id, default));
        Assert.Equal(Result.NotFound, await cancel.HandleAsync(town, ImportKind.CardRegister, job.Id + 1_000_000, default));
        Assert.Equal(Status.Done, (await cancel.HandleAsync(town, ImportKind.TaskList, job.Id, default)).Status);
        var live = queue.Live(ImportKind.TaskList, job.Id)!;
        Assert.True(live.Cancel.IsCancellationRequested);

        Assert.True(queue.Reader.TryRead(out var item));
        await Runner().HandleAsync(item, _ => { }, live.Cancel.Token);
        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.TaskImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Cancelled, 0), (done.Status, await check.TaskRows.CountAsync(r => r.ImportId == job.Id)));
        queue.Finished(ImportKind.TaskList, job.Id);
        Assert.Equal(Result.Refused("该导入已结束,无需取消。"), await new CancelImport(check, queue).HandleAsync(town, ImportKind.TaskList, job.Id, default));
    }
}
