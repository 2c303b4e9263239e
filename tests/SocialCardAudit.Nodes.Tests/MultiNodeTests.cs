using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Nodes.Tests;

/// <summary>
/// Three app processes behind nginx on one PostgreSQL database, as <c>tests/nodes.sh</c> starts them (tests/run.sh
/// does, then sets SCA_NODES_URL and SCA_NODES_DATABASE). Skipped when no nodes are running.
/// </summary>
public sealed class MultiNodeTests
{
    private static readonly string? Proxy = Environment.GetEnvironmentVariable("SCA_NODES_URL");
    private static readonly string? Connection = Environment.GetEnvironmentVariable("SCA_NODES_DATABASE");
    private static readonly string Folder = Environment.GetEnvironmentVariable("SCA_NODES_DIR") is { Length: > 0 } d ? d : "/tmp/sca-nodes";

    private static void SkipWithoutNodes() => Skip.If(Proxy is null || Connection is null, "No app nodes running (tests/nodes.sh, started by tests/run.sh)");

    private static AppDbContext Db() => new(
        new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(Connection).Options, new FixedTenant(null));

    /// <summary>The nodes whose process is alive, by number (node i listens on 127.0.0.1:5100+i).</summary>
    private static List<(int Number, int Pid)> LiveNodes() =>
        Directory.GetFiles(Folder, "node-*.pid")
            .Select(f => (Number: int.Parse(Path.GetFileNameWithoutExtension(f)["node-".Length..], CultureInfo.InvariantCulture),
                Pid: int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture)))
            .Where(n => IsAlive(n.Pid))
            .OrderBy(n => n.Number).ToList();

    private static bool IsAlive(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static HttpClient Client(string address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) };

    private static string Node(int number) => $"http://127.0.0.1:{5100 + number}";

    [SkippableFact]
    public async Task Signed_in_on_one_node_a_verifier_saves_a_finding_on_another_with_the_first_node_s_form()
    {
        SkipWithoutNodes();
        var nodes = LiveNodes();
        Assert.True(nodes.Count >= 2, "two nodes alive");
        var cookies = new CookieContainer();
        using var first = Client(Node(nodes[0].Number), cookies);
        using var second = Client(Node(nodes[1].Number), cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await first.LoginAsync("demo.verifier1", DemoData.Password)).StatusCode);

        long row;
        await using (var db = Db())
        {
            var verifier = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.UserName == "demo.verifier1");
            row = await db.TaskRows.IgnoreQueryFilters()
                .Where(r => r.VerifierId == verifier.Id && !db.VerificationRecords.IgnoreQueryFilters().Any(v => v.TaskRowId == r.Id))
                .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        }
        // The form (and its antiforgery token) from the first node, the save on the second: the keys are shared.
        var token = await first.TokenAsync($"/rows/{row}/finding");
        var saved = await second.PostFormAsync($"/rows/{row}/finding", token, new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = "0",
            ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = DateTime.UtcNow.AddHours(8).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = Db())
        {
            Assert.Equal(1, await db.VerificationRecords.IgnoreQueryFilters().CountAsync(v => v.TaskRowId == row));
        }

        // Through nginx, whichever node answers, the verifier stays signed in.
        using var proxy = Client(Proxy!, cookies);
        for (var i = 0; i < 9; i++)
        {
            var page = await proxy.GetAsync($"/rows/{row}/finding");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [SkippableFact]
    public async Task A_node_killed_while_importing_leaves_the_import_to_another_node_and_the_database_never_holds_part_of_it()
    {
        SkipWithoutNodes();
        var cookies = new CookieContainer();
        using var proxy = Client(Proxy!, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await proxy.LoginAsync("demo.town", DemoData.Password)).StatusCode);
        const int Rows = 60_000;
        var id = await UploadTaskListAsync(proxy, 2_000_000, Rows);

        // The node that took the job is named on it, with its process id: kill that process outright.
        var runner = await WaitForAsync(id, j => j.Status == ImportStatus.Running && j.RunBy is not null, TimeSpan.FromSeconds(30));
        var pid = int.Parse(runner.RunBy!.Split(':')[1], CultureInfo.InvariantCulture);
        Process.GetProcessById(pid).Kill(); // SIGKILL: no shutdown, no hand-back, its transaction dies with its connection
        await Process.GetProcessById(pid).WaitForExitAsync();

        // Whatever moment it is, the database holds none of the import's rows or all of them.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        TaskImport job;
        while (true)
        {
            await using var db = Db();
            var stored = await db.TaskRows.IgnoreQueryFilters().CountAsync(r => r.ImportId == id); // rows first, then the status
            job = await db.TaskImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.True(stored == 0 || (job.Status == ImportStatus.Succeeded && stored == job.Imported), $"{stored} rows stored while the import is {job.Status}");
            if (job.IsFinished || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(200);
        }
        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal((Rows, 2), (job.Imported, job.Attempts)); // the second attempt, on another node, stored it all
        Assert.NotEqual(runner.RunBy, job.RunBy);
        await using (var db = Db())
        {
            Assert.False(await db.ImportFileChunks.IgnoreQueryFilters().AnyAsync(c => c.JobId == id));
        }
        // And the progress page answers on any node still alive.
        var status = await proxy.GetStringAsync($"/imports/{id}/status");
        Assert.Contains("\"finished\":true", status, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_hundred_sign_ins_at_once_over_the_nodes_all_succeed_and_the_county_s_audit_chain_stays_whole()
    {
        SkipWithoutNodes();
        var nodes = LiveNodes();
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var client = Client(Node(nodes[i % nodes.Count].Number), new CookieContainer());
            return (await client.LoginAsync(i % 2 == 0 ? "demo.verifier1" : "demo.clerk1", DemoData.Password)).StatusCode;
        }));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a)); // each sign-in appends to the chain: none refused
        await using var db = Db();
        var tenant = await db.Tenants.SingleAsync(t => t.Code == "demo");
        var check = await Data.Security.AuditChain.VerifyAsync(db, Data.Security.AuditChain.ChainOf(tenant.Id));
        Assert.True(check.Intact, check.Problem);
        Assert.True(check.Records >= 100);
    }

    [SkippableFact]
    public async Task Every_node_runs_the_weekly_freezing_and_each_week_is_frozen_once_without_an_error()
    {
        SkipWithoutNodes();
        await using var db = Db();
        var weeks = await db.WeeklySnapshots.IgnoreQueryFilters()
            .GroupBy(s => new { s.CampaignId, s.Year, s.Week }).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(weeks);
        Assert.All(weeks, count => Assert.Equal(1, count));
        foreach (var log in Directory.GetFiles(Folder, "node-*-*.log"))
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var text = await reader.ReadToEndAsync();
            Assert.DoesNotContain("[ERR] Weekly", text, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task A_cancel_sent_to_another_node_stops_the_import_where_it_runs_and_nothing_of_it_is_stored()
    {
        SkipWithoutNodes();
        var cookies = new CookieContainer();
        using var proxy = Client(Proxy!, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await proxy.LoginAsync("demo.town", DemoData.Password)).StatusCode);
        var id = await UploadTaskListAsync(proxy, 3_000_000, 150_000);
        var runner = await WaitForAsync(id, j => j.Status == ImportStatus.Running && j.RunBy is not null, TimeSpan.FromSeconds(30));

        // The cancel goes to a node that is not running the import: the runner reads it at its next lease renewal.
        var pid = int.Parse(runner.RunBy!.Split(':')[1], CultureInfo.InvariantCulture);
        using var elsewhere = Client(Node(LiveNodes().First(n => n.Pid != pid).Number), cookies);
        var answer = await elsewhere.PostFormAsync($"/imports/{id}/cancel", await elsewhere.TokenAsync($"/imports/{id}"), []);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var done = await WaitForAsync(id, j => j.IsFinished, TimeSpan.FromMinutes(2));
        Assert.Equal((ImportStatus.Cancelled, runner.RunBy), (done.Status, done.RunBy)); // stopped where it ran
        await using var db = Db();
        Assert.Equal(0, await db.TaskRows.IgnoreQueryFilters().CountAsync(r => r.ImportId == id));
        Assert.False(await db.ImportFileChunks.IgnoreQueryFilters().AnyAsync(c => c.JobId == id));
    }

    /// <summary>Uploads a made-up task list of <paramref name="rows"/> people into the demo campaign; the import's id.</summary>
    private static async Task<long> UploadTaskListAsync(HttpClient client, int firstPerson, int rows)
    {
        int campaignId;
        await using (var db = Db())
        {
            campaignId = (await db.Campaigns.IgnoreQueryFilters().SingleAsync(c => c.Code == DemoData.CampaignCode)).Id;
        }
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, Enumerable.Range(firstPerson, rows).Select(i => SyntheticTaskList.Row(i, ["迎丰社区", "三合村"])));
        var token = await client.TokenAsync($"/campaigns/{campaignId}/imports/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file.ToArray()), "file", "全镇任务清单.xlsx" },
        };
        var upload = await client.PostAsync($"/campaigns/{campaignId}/imports", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return long.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<TaskImport> WaitForAsync(long id, Func<TaskImport, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = Db();
            var job = await db.TaskImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(j => j.Id == id);
            if (condition(job))
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < deadline, $"import {id} is {job.Status}");
            await Task.Delay(50);
        }
    }
}
