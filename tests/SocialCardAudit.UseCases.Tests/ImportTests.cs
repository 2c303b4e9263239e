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

/// <summary>
/// Task lists and card registers through the one import pipeline: recorded with their file in the database, then
/// taken and run by whichever node comes first; a node that dies or stops loses nothing.
/// </summary>
public sealed class ImportTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static MemoryStream Xlsx(IEnumerable<string[]> rows, string[] header)
    {
        var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows, header);
        file.Position = 0;
        return file;
    }

    private readonly Clock _clock = new();

    private static readonly ImportSettings Settings = new();

    private RunImport Runner(ImportSettings? settings = null) => new(demo.Services.GetRequiredService<DbContextOptions<AppDbContext>>(),
        demo.Services.GetRequiredService<PersonalDataProtector>(), _clock, NullLoggerFactory.Instance, settings ?? Settings);

    private StartImport Start(AppDbContext db, ImportNode node) =>
        new(db, node, demo.Services.GetRequiredService<PersonalDataProtector>(), _clock, Settings);

    private MemoryStream TaskList(int first, int count = 2) =>
        Xlsx(Enumerable.Range(first, count).Select(i => SyntheticTaskList.Row(i, ["迎丰社区"])), SyntheticTaskList.Header);

    [Fact]
    public async Task A_card_register_is_queued_by_who_may_fill_the_town_s_register_and_stored_by_the_node_that_takes_it()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var node = new ImportNode();
        var start = Start(db, node);
        var village = await db.OrgUnits.SingleAsync(u => u.Name == "迎丰社区");
        var rows = Enumerable.Range(970_000, 3).Select(i => SyntheticTaskList.Row(i, ["迎丰社区"]))
            .Select((p, k) => new[] { p[1], p[2], SyntheticTaskList.CardFor(970_000 + k), "农业银行", "迎丰社区", "库存", "村" }).ToList();
        rows.Add([rows[0][0], "123", SyntheticTaskList.CardFor(970_009), "农业银行", "迎丰社区", "", ""]); // a bad ID number: one refused row

        Assert.Equal(Result.Denied, (await start.CardRegisterAsync(await demo.ActorAsync("demo.clerk1"), town.Scope.UnitId, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        var otherTownOffice = town with { Scope = new UserScope(town.Scope.TenantId, Roles.TownOffice, -1, "another town") };
        Assert.Equal(Result.Denied, (await start.CardRegisterAsync(otherTownOffice, town.Scope.UnitId, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        Assert.Equal(Result.NotFound, (await start.CardRegisterAsync(town, village.Id, "a.xlsx", Xlsx(rows, SyntheticTaskList.CardHeader), default)).Result);
        Assert.Equal(Status.Refused, (await start.CardRegisterAsync(town, town.Scope.UnitId, "a.xlsx", new MemoryStream(), default)).Result.Status);
        Assert.Equal(0, await db.CardImports.CountAsync(i => i.Status == ImportStatus.Queued));

        var upload = Xlsx(rows, SyntheticTaskList.CardHeader);
        var (result, job) = await start.CardRegisterAsync(town, town.Scope.UnitId, "C:\\银行\\制卡数据.xlsx", upload, default);
        Assert.Equal(Status.Done, result.Status);
        Assert.Equal(("制卡数据.xlsx", ImportStatus.Queued, upload.Length), (job!.FileName, job.Status, job.FileSize));

        // The file waits in the database, encrypted: no ID number in the clear, and it reads back byte for byte.
        var chunks = await db.ImportFileChunks.Where(c => c.JobId == job.Id).ToListAsync();
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.Equal(-1, c.Cipher.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(rows[0][1]))));
        await using (var stored = ImportFiles.Open(demo.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), job, demo.Services.GetRequiredService<PersonalDataProtector>()))
        {
            var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(upload.ToArray(), copy.ToArray());
        }

        var claimed = await Runner().ClaimNextAsync(node, default);
        Assert.Equal((ImportKind.CardRegister, job.Id), (claimed!.Kind, claimed.Id));
        await Runner().HandleAsync(claimed, node, default);
        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.CardImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Succeeded, 3, 1, 4, 1), (done.Status, done.Imported, done.Rejected, done.RowsRead, done.Attempts));
        Assert.NotNull(done.ErrorReportCipher);
        var protector = demo.Services.GetRequiredService<PersonalDataProtector>();
        var storedCards = rows.Take(3).Select(r => protector.Hash(r[2], Purposes.BankCard)).ToList();
        Assert.Equal(3, await check.Cards.CountAsync(c => c.VillageId == village.Id && storedCards.Contains(c.CardNumberHash)));
        Assert.False(await check.ImportFileChunks.AnyAsync(c => c.JobId == job.Id)); // the file is gone with the import
        Assert.Null(await Runner().ClaimNextAsync(new ImportNode(), default));
    }

    [Fact]
    public async Task A_task_list_is_queued_only_into_an_open_campaign_its_manager_may_import_into()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var node = new ImportNode();
        var start = Start(db, node);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);

        Assert.Equal(Result.Denied, (await start.TaskListAsync(await demo.ActorAsync("demo.clerk1"), campaign.Id, "t.xlsx", TaskList(971_000), default)).Result);
        Assert.Equal(Result.NotFound, (await start.TaskListAsync(town, int.MaxValue, "t.xlsx", TaskList(971_000), default)).Result);
        var tooLarge = new MemoryStream(new byte[Settings.MaxFileBytes + 1]);
        Assert.StartsWith("文件大小", (await start.TaskListAsync(town, campaign.Id, "t.xlsx", tooLarge, default)).Result.Message, StringComparison.Ordinal);

        var (result, job) = await start.TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(971_000), default);
        Assert.Equal(Status.Done, result.Status);
        var claimed = await Runner().ClaimNextAsync(node, default);
        Assert.Equal((ImportKind.TaskList, job!.Id), (claimed!.Kind, claimed.Id));
        await Runner().HandleAsync(claimed, node, default);
        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.TaskImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Succeeded, 2), (done.Status, done.Imported));
        Assert.Equal(2, await check.TaskRows.CountAsync(r => r.ImportId == job.Id));
    }

    [Fact]
    public async Task A_county_may_have_three_files_waiting_on_all_nodes_together_and_runs_them_one_after_another()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var jobs = new List<long>();
        for (var i = 0; i < ImportNode.MaxPerCounty; i++)
        {
            // Each upload through another node: the cap counts the county's jobs in the database, not one node's.
            var (result, job) = await Start(db, new ImportNode()).TaskListAsync(town, campaign.Id, $"t{i}.xlsx", TaskList(973_000 + 10 * i), default);
            Assert.Equal(Status.Done, result.Status);
            jobs.Add(job!.Id);
        }
        var refused = await Start(db, new ImportNode()).TaskListAsync(town, campaign.Id, "t9.xlsx", TaskList(973_100), default);
        Assert.StartsWith($"本县已有 {ImportNode.MaxPerCounty} 个文件", refused.Result.Message, StringComparison.Ordinal);

        var (a, b) = (new ImportNode(), new ImportNode());
        var first = await Runner().ClaimNextAsync(a, default);
        Assert.Equal(jobs[0], first!.Id); // the oldest first
        Assert.Null(await Runner().ClaimNextAsync(b, default)); // the county's next file waits while its first runs on another node
        foreach (var id in jobs)
        {
            var (claimed, by) = id == jobs[0] ? (first, a) : (await Runner().ClaimNextAsync(b, default), b);
            Assert.Equal(id, claimed!.Id);
            await Runner().HandleAsync(claimed, by, default);
        }
        Assert.Equal(3 * 2, await db.TaskRows.CountAsync(r => jobs.Contains(r.ImportId)));
    }

    [Fact]
    public async Task A_node_that_dies_leaves_its_import_to_another_which_stores_it_once_and_the_dead_run_writes_nothing()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var (_, job) = await Start(db, new ImportNode()).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(974_000, 3), default);
        var (dead, alive) = (new ImportNode(), new ImportNode());
        var claimed = await Runner().ClaimNextAsync(dead, default);
        Assert.Equal(job!.Id, claimed!.Id);
        Assert.Null(await Runner().ClaimNextAsync(alive, default)); // held while its lease runs

        _clock.Offset += Runner().Lease + TimeSpan.FromSeconds(1); // the node stopped renewing
        var taken = await Runner().ClaimNextAsync(alive, default);
        Assert.Equal(job.Id, taken!.Id);
        await Runner().HandleAsync(claimed, dead, default); // the first node wakes up: it no longer holds the job, so it stores nothing
        Assert.Equal(0, await db.TaskRows.CountAsync(r => r.ImportId == job.Id));
        await Runner().HandleAsync(taken, alive, default);

        await using var check = demo.Db(town.Scope.TenantId);
        var done = await check.TaskImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Succeeded, 3, 2, alive.Name), (done.Status, done.Imported, done.Attempts, done.RunBy));
        Assert.Equal(3, await check.TaskRows.CountAsync(r => r.ImportId == job.Id));
    }

    [Fact]
    public async Task An_import_cut_off_twice_fails_with_a_message_to_upload_again_and_its_file_is_deleted()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var (_, job) = await Start(db, new ImportNode()).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(975_000), default);
        for (var attempt = 1; attempt <= ImportJob.MaxAttempts; attempt++)
        {
            Assert.Equal(job!.Id, (await Runner().ClaimNextAsync(new ImportNode(), default))!.Id);
            _clock.Offset += Runner().Lease + TimeSpan.FromSeconds(1); // and that node dies too
        }
        Assert.Null(await Runner().ClaimNextAsync(new ImportNode(), default));

        await using var check = demo.Db(town.Scope.TenantId);
        var failed = await check.TaskImports.SingleAsync(i => i.Id == job!.Id);
        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.Contains("请重新上传", failed.Message, StringComparison.Ordinal);
        Assert.False(await check.ImportFileChunks.AnyAsync(c => c.JobId == job!.Id));
        Assert.Equal(0, await check.TaskRows.CountAsync(r => r.ImportId == job!.Id));
    }

    [Fact]
    public async Task A_node_shutting_down_hands_its_import_back_to_the_queue_without_counting_the_attempt()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var (_, job) = await Start(db, new ImportNode()).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(976_000), default);
        var stopping = new ImportNode();
        var claimed = await Runner().ClaimNextAsync(stopping, default);
        await Runner().HandleAsync(claimed!, stopping, new CancellationToken(canceled: true));

        await using (var check = demo.Db(town.Scope.TenantId))
        {
            var back = await check.TaskImports.SingleAsync(i => i.Id == job!.Id);
            Assert.Equal((ImportStatus.Queued, 0, null), (back.Status, back.Attempts, back.RunBy));
            Assert.True(await check.ImportFileChunks.AnyAsync(c => c.JobId == job!.Id));
        }
        var next = new ImportNode();
        var again = await Runner().ClaimNextAsync(next, default);
        await Runner().HandleAsync(again!, next, default);
        Assert.Equal(2, await db.TaskRows.CountAsync(r => r.ImportId == job!.Id));
    }

    [Fact]
    public async Task Who_may_import_cancels_a_queued_import_at_once_and_a_running_one_on_whichever_node_runs_it()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var here = new ImportNode();
        var (_, queued) = await Start(db, here).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(972_000), default);
        var cancel = new CancelImport(db, here, Runner());

        Assert.Equal(Result.Denied, await cancel.HandleAsync(await demo.ActorAsync("demo.clerk1"), queued!.Id, default));
        Assert.Equal(Result.NotFound, await cancel.HandleAsync(town, queued.Id + 1_000_000, default));
        Assert.Equal(Status.Done, (await cancel.HandleAsync(town, queued.Id, default)).Status);
        await using (var check = demo.Db(town.Scope.TenantId))
        {
            Assert.Equal(ImportStatus.Cancelled, (await check.TaskImports.SingleAsync(i => i.Id == queued.Id)).Status);
            Assert.False(await check.ImportFileChunks.AnyAsync(c => c.JobId == queued.Id));
        }
        Assert.Null(await Runner().ClaimNextAsync(here, default));
        Assert.Equal(Result.Refused("该导入已结束,无需取消。"), await cancel.HandleAsync(town, queued.Id, default));

        // Taken by another node: the request is recorded there, and that node stops (at its next lease renewal, or
        // before it begins, as here) without storing anything.
        var (_, running) = await Start(db, here).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(980_000, 3000), default);
        var there = new ImportNode();
        var claimed = await Runner().ClaimNextAsync(there, default);
        Assert.Equal(Status.Done, (await new CancelImport(db, here, Runner()).HandleAsync(town, running!.Id, default)).Status);
        await Runner(new() { Lease = TimeSpan.FromMilliseconds(30) }).HandleAsync(claimed!, there, default);
        await using var after = demo.Db(town.Scope.TenantId);
        var done = await after.TaskImports.SingleAsync(i => i.Id == running.Id);
        Assert.Equal((ImportStatus.Cancelled, 0), (done.Status, await after.TaskRows.CountAsync(r => r.ImportId == running.Id)));
    }

    [Fact]
    public async Task A_cancel_arriving_after_a_node_took_the_import_but_before_it_began_stops_it_on_that_node_at_once()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var node = new ImportNode();
        var (_, job) = await Start(db, node).TaskListAsync(town, campaign.Id, "t.xlsx", TaskList(983_500), default);
        var claimed = await Runner().ClaimNextAsync(node, default);

        Assert.Equal(Status.Done, (await new CancelImport(db, node, Runner()).HandleAsync(town, job!.Id, default)).Status);
        Assert.True(node.Live(job.Id)!.Cancel.IsCancellationRequested); // the node knew the job from the moment it took it
        await Runner().HandleAsync(claimed!, node, default);
        await using var after = demo.Db(town.Scope.TenantId);
        var done = await after.TaskImports.SingleAsync(i => i.Id == job.Id);
        Assert.Equal((ImportStatus.Cancelled, 0), (done.Status, await after.TaskRows.CountAsync(r => r.ImportId == job.Id)));
    }

    /// <summary>The real time, moved on by hand: a lease lapses without waiting for it.</summary>
    private sealed class Clock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
