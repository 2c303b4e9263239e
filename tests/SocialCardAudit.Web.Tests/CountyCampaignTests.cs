using System.Net;
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
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// A county campaign (全县) over 迎丰社区 of 梅田湖镇 and 测试村 of 测试镇: the county runs it, each town office sees,
/// reviews and signs its own part only, and the importer finds villages across the county.
/// </summary>
public sealed partial class CountyCampaignTests(WebFixture fixture) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private const string Code = "XQ-2021";
    private Scenario S => fixture.Scenario;
    private int _campaignId;
    private int _tenantId;
    private int _testTown;

    [GeneratedRegex(@"name=""reasons\[(\d+)\]""")]
    private static partial Regex OpenRow();

    private static string Id(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private AppDbContext Db(int? tenant) => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));

    public async Task InitializeAsync()
    {
        await using (var system = Db(null))
        {
            _tenantId = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        }
        await using var db = Db(_tenantId);
        _testTown = await db.OrgUnits.Where(u => u.Name == "测试镇").Select(u => u.Id).SingleAsync();
        if (await db.Campaigns.SingleOrDefaultAsync(c => c.Code == Code) is { } existing)
        {
            _campaignId = existing.Id;
            return;
        }
        var county = await fixture.App.SignedInAsync("demo.county");
        var created = await county.PostFormAsync("/campaigns/new", await county.TokenAsync("/campaigns/new"), new()
        {
            ["TownId"] = "", ["Code"] = Code, ["Name"] = "全县社保卡专项清查", ["DocumentNumber"] = "县政办发〔2021〕9号",
            ["StartDate"] = "2021-06-08", ["EndDate"] = "2021-06-30", ["VillageIds[0]"] = Id(S.Own.UnitId), ["VillageIds[1]"] = Id(S.OtherTown.UnitId),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        _campaignId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var users = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var office = new AppUser { UserName = "t.town2", FullName = "测试镇经办人", TenantId = _tenantId, OrgUnitId = _testTown, PhoneNumber = "13900000001" };
        Assert.True((await users.CreateAsync(office, Scenario.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(office, Roles.TownOffice)).Succeeded);

        var (job, importer) = await ImportAsync(SyntheticTaskList.Rows(950_004, ["迎丰社区", "测试村"]).Skip(950_000).ToList(), null);
        Assert.True(job.Status == ImportStatus.Succeeded, job.Message + string.Join(" ", importer.Rejected.SelectMany(r => r.Errors).Select(e => e.Message)));
        Assert.Equal(4, job.Imported);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(TaskImport Job, TaskImporter Importer)> ImportAsync(IEnumerable<string[]> rows, string[]? header)
    {
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows, header);
        await using var db = Db(_tenantId);
        var job = new TaskImport
        {
            CampaignId = _campaignId, FileName = "全县.xlsx", FileSize = file.Length, Sha256 = new string('0', 64),
            UserId = "test", UserName = "test", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        file.Position = 0;
        var importer = new TaskImporter(db, fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance);
        await importer.RunAsync(job, file, null, default);
        return (job, importer);
    }

    [Fact]
    public async Task The_campaign_belongs_to_the_county_and_each_village_keeps_its_town()
    {
        await using var db = Db(_tenantId);
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Id == _campaignId);
        Assert.Null(campaign.TownId);
        var ownTown = await db.OrgUnits.Where(u => u.Id == S.Own.UnitId).Select(u => u.ParentId).SingleAsync();
        Assert.Equal(ownTown, campaign.Villages.Single(v => v.VillageId == S.Own.UnitId).TownId);
        Assert.Equal(_testTown, campaign.Villages.Single(v => v.VillageId == S.OtherTown.UnitId).TownId);
    }

    [Fact]
    public async Task Each_town_office_sees_its_own_part_and_cannot_run_the_campaign()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains($"/campaigns/{_campaignId}\"", await town.GetStringAsync("/campaigns"), StringComparison.Ordinal);
        var details = await town.GetStringAsync($"/campaigns/{_campaignId}");
        Assert.Contains("迎丰社区", details, StringComparison.Ordinal);
        Assert.DoesNotContain("测试村", details, StringComparison.Ordinal);
        Assert.DoesNotContain("导入清查任务数据", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/campaigns/{_campaignId}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/campaigns/{_campaignId}/imports/new")).StatusCode);

        // Its statistics are its own villages, whatever town it names.
        var statistics = await town.GetStringAsync($"/campaigns/{_campaignId}/statistics?town={_testTown}");
        Assert.Contains("梅田湖镇 社保卡核查情况分类统计表", statistics, StringComparison.Ordinal);
        Assert.Contains("迎丰社区", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("测试村", statistics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/campaigns/{_campaignId}/villages/{S.OtherTown.UnitId}/signoff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync($"/campaigns/{_campaignId}/villages/{S.OtherTown.UnitId}/summary")).StatusCode);
        var report = await town.GetStringAsync($"/reports/weekly?campaign={_campaignId}&town={_testTown}");
        Assert.DoesNotContain("测试村", report, StringComparison.Ordinal);
        var workbook = await town.GetByteArrayAsync($"/campaigns/{_campaignId}/statistics.xlsx?town={_testTown}");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook));
        var cells = book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Contains("迎丰社区", cells);
        Assert.DoesNotContain("测试村", cells);

        // The other town's office sees the other part, and no other town's campaign.
        var town2 = await fixture.App.SignedInAsync("t.town2", Scenario.Password);
        var own2 = await town2.GetStringAsync($"/campaigns/{_campaignId}/statistics");
        Assert.Contains("测试村", own2, StringComparison.Ordinal);
        Assert.DoesNotContain("迎丰社区", own2, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await town2.GetAsync($"/campaigns/{S.Own.CampaignId}")).StatusCode);
    }

    [Fact]
    public async Task Every_campaign_route_answers_each_town_office_for_its_own_part_only()
    {
        var c = $"/campaigns/{_campaignId}";
        string V(int village) => $"{c}/villages/{village}";
        // (actor, method, path, expected): each town office against its own village and the other town's.
        var cases = new List<(string Actor, string Method, string Path, HttpStatusCode Expected)>();
        foreach (var (actor, own, other) in new[] { ("demo.town", S.Own.UnitId, S.OtherTown.UnitId), ("t.town2", S.OtherTown.UnitId, S.Own.UnitId) })
        {
            cases.AddRange([
                (actor, "GET", c, HttpStatusCode.OK), (actor, "GET", $"{c}/statistics", HttpStatusCode.OK), (actor, "GET", $"{c}/statistics.pdf", HttpStatusCode.OK),
                (actor, "GET", $"{c}/edit", HttpStatusCode.Forbidden), (actor, "POST", $"{c}/edit", HttpStatusCode.Forbidden),
                (actor, "GET", $"{c}/imports/new", HttpStatusCode.Forbidden), (actor, "POST", $"{c}/imports", HttpStatusCode.Forbidden),
                (actor, "POST", $"{c}/close", HttpStatusCode.Forbidden), (actor, "POST", "/reports/weekly/freeze", HttpStatusCode.Forbidden),
                (actor, "GET", $"{V(own)}/rows", HttpStatusCode.OK), (actor, "GET", $"{V(own)}/signoff", HttpStatusCode.OK),
                (actor, "GET", $"/reports/weekly/{_campaignId}/villages/{own}", HttpStatusCode.OK),
                (actor, "GET", $"{V(other)}/rows", HttpStatusCode.Forbidden), (actor, "GET", $"{V(other)}/signoff", HttpStatusCode.Forbidden),
                (actor, "GET", $"{V(other)}/signoff/verify", HttpStatusCode.Forbidden), (actor, "GET", $"{V(other)}/summary", HttpStatusCode.Forbidden),
                (actor, "GET", $"{V(other)}/summary.xlsx", HttpStatusCode.Forbidden), (actor, "GET", $"{V(other)}/statistics.pdf", HttpStatusCode.Forbidden),
                (actor, "POST", $"{V(other)}/approve", HttpStatusCode.Forbidden), (actor, "POST", $"{V(other)}/return", HttpStatusCode.Forbidden),
                (actor, "POST", $"{V(other)}/reopen", HttpStatusCode.Forbidden), (actor, "POST", $"{V(other)}/assign", HttpStatusCode.Forbidden),
                (actor, "GET", $"/reports/weekly/{_campaignId}/villages/{other}", HttpStatusCode.Forbidden),
            ]);
        }
        cases.AddRange([
            ("demo.county", "GET", $"{c}/edit", HttpStatusCode.OK), ("demo.county", "GET", $"{c}/imports/new", HttpStatusCode.OK),
            ("demo.clerk1", "GET", c, HttpStatusCode.OK), ("demo.clerk1", "GET", $"{V(S.OtherTown.UnitId)}/signoff", HttpStatusCode.Forbidden),
            ("demo2.county", "GET", c, HttpStatusCode.NotFound), ("demo2.town", "GET", $"{c}/statistics", HttpStatusCode.NotFound),
        ]);

        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        foreach (var (actor, method, path, expected) in cases)
        {
            if (!clients.TryGetValue(actor, out var client))
            {
                client = clients[actor] = await fixture.App.SignedInAsync(actor, actor == "t.town2" ? Scenario.Password : DemoData.Password);
            }
            var form = path.EndsWith("/freeze", StringComparison.Ordinal) ? new() { ["campaign"] = Id(_campaignId), ["week"] = "2021-W25" } : new Dictionary<string, string>();
            var response = method == "GET" ? await client.GetAsync(path) : await client.PostFormAsync(path, await client.TokenAsync(), form);
            var actual = response.StatusCode == HttpStatusCode.Redirect ? HttpStatusCode.OK : response.StatusCode;
            if (actual != expected)
            {
                failures.Add($"{actor} {method} {path}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(52, cases.Count);
    }

    [Fact]
    public async Task The_county_sees_the_whole_campaign_and_each_town_in_turn()
    {
        var county = await fixture.App.SignedInAsync("demo.county");
        var whole = await county.GetStringAsync($"/campaigns/{_campaignId}/statistics");
        Assert.Contains("(全县) 社保卡核查情况分类统计表", whole, StringComparison.Ordinal);
        Assert.Contains("梅田湖镇 迎丰社区", whole, StringComparison.Ordinal); // names repeat across towns: each with its town
        Assert.Contains("测试镇 测试村", whole, StringComparison.Ordinal);
        Assert.Contains($"/campaigns/{_campaignId}/statistics?town={_testTown}", whole, StringComparison.Ordinal);
        var one = await county.GetStringAsync($"/campaigns/{_campaignId}/statistics?town={_testTown}");
        Assert.Contains("测试镇 社保卡核查情况分类统计表", one, StringComparison.Ordinal);
        Assert.DoesNotContain("迎丰社区", one, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/campaigns/{_campaignId}/statistics?town=999999")).StatusCode);
        Assert.Contains("导入清查任务数据", await county.GetStringAsync($"/campaigns/{_campaignId}"), StringComparison.Ordinal);

        // The weekly report groups the campaign by town.
        var report = await county.GetStringAsync($"/reports/weekly?campaign={_campaignId}");
        Assert.Contains("梅田湖镇", report, StringComparison.Ordinal);
        Assert.Contains("测试镇", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_town_signs_its_part_once_its_villages_are_approved_and_the_overview_shows_each_part()
    {
        var page = $"/campaigns/{_campaignId}/villages/{S.Own.UnitId}";
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var form = OpenRow().Matches(await clerk.GetStringAsync(page + "/signoff")).ToDictionary(m => $"reasons[{m.Groups[1].Value}]", _ => "外出务工");
        Assert.NotEmpty(form);
        form["password"] = DemoData.Password;
        await clerk.PostFormAsync(page + "/submit", await clerk.TokenAsync(page + "/signoff"), form);
        var town = await fixture.App.SignedInAsync("demo.town");
        await town.PostFormAsync(page + "/approve", await town.TokenAsync(page + "/signoff"), new() { ["password"] = DemoData.Password });

        // 测试村 is not approved, but it is not 梅田湖镇's to answer for.
        var statistics = $"/campaigns/{_campaignId}/statistics";
        await town.PostFormAsync(statistics + "/sign", await town.TokenAsync(statistics), new() { ["password"] = DemoData.Password });
        Assert.Contains("全镇汇总已由", await town.GetStringAsync(statistics), StringComparison.Ordinal);

        await using (var db = Db(_tenantId))
        {
            var signature = await db.TownSignatures.SingleAsync(t => t.CampaignId == _campaignId);
            Assert.Equal(await db.OrgUnits.Where(u => u.Id == S.Own.UnitId).Select(u => u.ParentId).SingleAsync(), signature.TownId);
        }
        var town2 = await fixture.App.SignedInAsync("t.town2", Scenario.Password);
        await town2.PostFormAsync(statistics + "/sign", await town2.TokenAsync(statistics), new() { ["password"] = Scenario.Password });
        var refused = await town2.GetStringAsync(statistics);
        Assert.Contains("还有村(社区)未经镇审核", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"town-signature\"", refused, StringComparison.Ordinal);

        // The county's overview: one line per town's part, each with its own signature.
        var overview = await (await fixture.App.SignedInAsync("demo.county")).GetStringAsync("/statistics");
        var lines = Regex.Matches(overview, @"<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).Where(l => l.Contains("全县社保卡专项清查", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.Contains("梅田湖镇", StringComparison.Ordinal) && l.Contains("已签署", StringComparison.Ordinal) && l.Contains("1 / 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("测试镇", StringComparison.Ordinal) && l.Contains("未签署", StringComparison.Ordinal) && l.Contains("0 / 1", StringComparison.Ordinal));
        var own = await town.GetStringAsync("/statistics");
        Assert.DoesNotContain("测试镇", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_importer_asks_for_the_town_when_two_towns_have_a_village_of_the_same_name()
    {
        await using (var db = Db(_tenantId))
        {
            var town = await db.OrgUnits.SingleAsync(u => u.Id == _testTown);
            if (!await db.OrgUnits.AnyAsync(u => u.ParentId == _testTown && u.Name == "迎丰社区"))
            {
                db.OrgUnits.Add(town.AddChild("迎丰社区", await db.OrgUnits.Where(u => u.ParentId == _testTown).ToListAsync()));
                await db.SaveChangesAsync();
            }
        }
        var rows = SyntheticTaskList.Rows(951_003, ["迎丰社区", "测试村", "迎丰社区"]).Skip(951_000).ToList();
        var (job, importer) = await ImportAsync(rows, null);
        Assert.Equal(1, job.Imported);
        Assert.All(importer.Rejected, r => Assert.Contains("本县有多个名为“迎丰社区”的村(社区),请在文件中加“乡镇(街道)”列", r.Errors[0].Message, StringComparison.Ordinal));

        // With the town named, 梅田湖镇's 迎丰社区 is in the campaign and 测试镇's is not.
        string[] header = [.. SyntheticTaskList.Header, "乡镇(街道)"];
        var withTown = SyntheticTaskList.Rows(951_102, ["迎丰社区", "测试村", "迎丰社区"]).Skip(951_099)
            .Select((r, i) => (string[])[.. r, i switch { 0 => "梅田湖镇", 1 => "测试镇", _ => "测试镇" }]).ToList();
        var (job2, importer2) = await ImportAsync(withTown, header);
        var refused = importer2.Rejected.ToDictionary(r => r.Row.Line, r => r.Errors[0].Message);
        Assert.Contains("“迎丰社区”不在本次清查范围内", refused[4], StringComparison.Ordinal);
        // The first two are found in their towns: stored, unless another test of this class has signed that village by now.
        Assert.All(refused.Where(r => r.Key != 4), r => Assert.Contains("签字", r.Value, StringComparison.Ordinal));
        Assert.Equal(2, job2.Imported + refused.Count - 1);
    }
}
