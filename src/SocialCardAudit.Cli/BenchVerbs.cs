using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Cli;

/// <summary>The findings load benchmark: bench-seed prepares verifiers with rows; bench-findings drives them against a running app.</summary>
internal static partial class BenchVerbs
{
    public const string Password = "Bench@2021";

    /// <summary>N verifier accounts (bench.v001 …) over the twelve villages of 梅田湖镇, each with its own rows of MTH-2021.</summary>
    public static async Task<int> SeedAsync(Options o)
    {
        var count = int.Parse(o.Get("--verifiers") ?? "100", CultureInfo.InvariantCulture);
        var rowsEach = int.Parse(o.Get("--rows-each") ?? "20", CultureInfo.InvariantCulture);
        await using var services = ServiceRegistration.BuildStandalone(o.Database(), PersonalDataKeys.Development);
        await DatabaseInitializer.MigrateAsync(services);
        await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(services);
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var system = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await system.Tenants.SingleAsync(t => t.Code == "demo");
        await using var db = new AppDbContext(options, new FixedTenant(tenant.Id));
        var villages = await db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Parent!.Name == "梅田湖镇").OrderBy(u => u.Code).ToListAsync();
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);

        // Rows first, through the importer: made-up people clear of the demo seed's.
        var rows = SyntheticTaskList.Rows(100_000 + count * rowsEach, villages.Select(v => v.Name).ToList()).Skip(100_000).ToList();
        using (var file = new MemoryStream())
        {
            SyntheticTaskList.WriteXlsx(file, rows);
            file.Position = 0;
            var job = new TaskImport { CampaignId = campaign.Id, FileName = "bench.xlsx", FileSize = file.Length, Sha256 = new string('0', 64), UserId = "bench", UserName = "bench", CreatedAtUtc = DateTime.UtcNow };
            db.TaskImports.Add(job);
            await db.SaveChangesAsync();
            await new TaskImporter(db, services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance).RunAsync(job, file, null, default);
        }

        var free = (await db.TaskRows.Where(r => r.CampaignId == campaign.Id && r.VerifierId == null).OrderBy(r => r.Id).ToListAsync())
            .GroupBy(r => r.VillageId).ToDictionary(g => g.Key, g => new Queue<TaskRow>(g));
        for (var i = 1; i <= count; i++)
        {
            var village = villages[(i - 1) % villages.Count];
            var name = $"bench.v{i:D3}";
            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                user = new AppUser { UserName = name, FullName = $"压测核查员{i}", TenantId = tenant.Id, OrgUnitId = village.Id, PhoneNumber = "13800000000" };
                await users.CreateAsync(user, Password);
                await users.AddToRoleAsync(user, Roles.Verifier);
            }
            for (var k = 0; k < rowsEach && free.TryGetValue(village.Id, out var queue) && queue.Count > 0; k++)
            {
                queue.Dequeue().AssignTo(user.Id, DateTime.UtcNow);
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"已准备 {count} 名压测核查员(密码 {Password}),每人约 {rowsEach} 条任务。");
        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("href=\"/rows/(\\d+)/finding\"")]
    private static partial Regex RowLink();

    /// <summary>N verifiers at once, each opening a finding and saving it, again and again, for a fixed time. Saves are timed.</summary>
    public static async Task<int> FindingsAsync(Options o)
    {
        var url = (o.Get("--url") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var count = int.Parse(o.Get("--verifiers") ?? "100", CultureInfo.InvariantCulture);
        var seconds = int.Parse(o.Get("--seconds") ?? "30", CultureInfo.InvariantCulture);
        // 0: each verifier saves again at once (a stress test); N: at most one open-and-save per N ms per verifier.
        var pace = int.Parse(o.Get("--pace-ms") ?? "0", CultureInfo.InvariantCulture);
        var saves = new ConcurrentBag<double>();
        var opens = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();

        var clients = await Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
            var token = Token().Match(await client.GetStringAsync("/account/login")).Groups[1].Value;
            var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = $"bench.v{i:D3}", ["Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }));
            if (login.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"bench.v{i:D3} could not sign in ({(int)login.StatusCode}): run bench-seed first");
            }
            var rows = RowLink().Matches(await client.GetStringAsync("/my/tasks")).Select(m => m.Groups[1].Value).Distinct().ToList();
            return (client, rows);
        }));

        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (c, index) =>
        {
            if (pace > 0)
            {
                await Task.Delay(pace * index / count); // spread the starts: verifiers do not move in step
            }
            for (var n = 0; deadline.Elapsed.TotalSeconds < seconds; n++)
            {
                var cycle = Stopwatch.StartNew();
                var row = c.rows[n % c.rows.Count];
                var watch = Stopwatch.StartNew();
                var page = await c.client.GetStringAsync($"/rows/{row}/finding");
                opens.Add(watch.Elapsed.TotalMilliseconds);
                var form = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
                    ["Version"] = Version().Match(page).Groups[1].Value,
                    ["RequestId"] = Guid.NewGuid().ToString(),
                    ["Outcome"] = "ReceivedInUse",
                    ["Phone"] = "1380013" + (n % 10000).ToString("D4", CultureInfo.InvariantCulture),
                    ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    ["Signature"] = "Self",
                };
                watch.Restart();
                var response = await c.client.PostAsync($"/rows/{row}/finding", new FormUrlEncodedContent(form));
                saves.Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    errors.Add($"{(int)response.StatusCode}");
                }
                if (pace > 0 && pace - cycle.ElapsedMilliseconds > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(pace - cycle.ElapsedMilliseconds));
                }
            }
        }));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            verifiers = count, seconds, paceMs = pace, savesPerSecond = Math.Round(saves.Count / deadline.Elapsed.TotalSeconds, 1),
            save = Stats(saves), open = Stats(opens), errors = errors.Count, errorCodes = errors.Distinct().ToArray(),
        }));
        return errors.IsEmpty ? 0 : 1;
    }

    /// <summary>
    /// A verifier's day synced at once, as the offline app does it: sign in, take the list (and its form token),
    /// then send each finding with a photo of the signed sheet, one after another; then the same requests again, as
    /// a phone that never heard the answers would, each of which must record nothing.
    /// </summary>
    public static async Task<int> SyncAsync(Options o)
    {
        var url = (o.Get("--url") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var count = int.Parse(o.Get("--findings") ?? "200", CultureInfo.InvariantCulture);
        var photoBytes = int.Parse(o.Get("--photo-kb") ?? "150", CultureInfo.InvariantCulture) * 1024;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "bench.v001", ["Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/account/login")).Groups[1].Value),
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"bench.v001 could not sign in ({(int)login.StatusCode}): run bench-seed first");
        }
        var listWatch = Stopwatch.StartNew();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/offline/list"));
        var listMs = listWatch.Elapsed.TotalMilliseconds;
        var token = list.RootElement.GetProperty("token").GetString()!;
        var rows = list.RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("version").GetInt32() == 0).Select(r => r.GetProperty("id").GetInt64()).Take(count).ToList();
        if (rows.Count < count)
        {
            throw new InvalidOperationException($"bench.v001 has {rows.Count} open rows, {count} needed: run bench-seed with more rows");
        }

        // A JPEG as the phone sends it after shrinking: its header, then bytes that do not compress.
        var photo = new byte[photoBytes];
        Random.Shared.NextBytes(photo);
        photo[0] = 0xFF; photo[1] = 0xD8; photo[2] = 0xFF;
        var visited = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var requests = rows.Select((row, n) => (Row: row, Id: Guid.NewGuid(), Phone: "1390013" + n.ToString("D4", CultureInfo.InvariantCulture))).ToList();

        async Task<(List<double> Times, Dictionary<string, int> Outcomes, double Seconds)> PassAsync()
        {
            var times = new List<double>();
            var outcomes = new Dictionary<string, int>();
            var total = Stopwatch.StartNew();
            foreach (var (row, id, phone) in requests)
            {
                using var content = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("0"), "Version" },
                    { new StringContent(id.ToString()), "RequestId" }, { new StringContent("ReceivedInUse"), "Outcome" },
                    { new StringContent(phone), "Phone" }, { new StringContent(visited), "VisitedAt" }, { new StringContent("Self"), "Signature" },
                    { new ByteArrayContent(photo), "Photo", "sheet.jpg" },
                };
                var watch = Stopwatch.StartNew();
                var response = await client.PostAsync($"/rows/{row}/finding/sync", content);
                var outcome = response.Content.Headers.ContentType?.MediaType == "application/json"
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString()!
                    : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                times.Add(watch.Elapsed.TotalMilliseconds);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            return (times, outcomes, total.Elapsed.TotalSeconds);
        }

        var first = await PassAsync();
        var again = await PassAsync();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            findings = count, photoKb = photoBytes / 1024, listMs = Math.Round(listMs, 1), megabytesSent = Math.Round(count * (photoBytes + 1024) / 1048576.0, 1),
            sync = new { seconds = Math.Round(first.Seconds, 1), perFinding = Stats(first.Times), outcomes = first.Outcomes },
            resend = new { seconds = Math.Round(again.Seconds, 1), perFinding = Stats(again.Times), outcomes = again.Outcomes },
        }));
        return first.Outcomes.GetValueOrDefault("saved") == count && again.Outcomes.GetValueOrDefault("already") == count ? 0 : 1;
    }

    /// <summary>Latencies in milliseconds as the benchmarks report them: count, p50, p95, p99 and the slowest.</summary>
    private static object Stats(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        double P(double q) => v.Length == 0 ? 0 : Math.Round(v[Math.Min(v.Length - 1, (int)Math.Ceiling(q * v.Length) - 1)], 1);
        return new { count = v.Length, p50 = P(0.50), p95 = P(0.95), p99 = P(0.99), max = Math.Round(v.LastOrDefault(), 1) };
    }
}
