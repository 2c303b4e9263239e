using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// Signed means locked: once 迎丰社区's statistics are submitted, no import, assignment or finding changes it, and the
/// verifier sees the lock before typing. Its own app and database, since the lock would stop other tests' work.
/// </summary>
public sealed class SignedVillageTests(WebFixture fixture) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private int _tenant;
    private int _campaign;
    private int _village;

    private AppDbContext Db(int? tenant) => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));

    public async Task InitializeAsync()
    {
        await using var system = Db(null);
        _tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        await using var db = Db(_tenant);
        _campaign = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        _village = await db.OrgUnits.Where(u => u.Name == "迎丰社区").Select(u => u.Id).SingleAsync();
        if (!await db.VillageSubmissions.AnyAsync(v => v.CampaignId == _campaign && v.VillageId == _village))
        {
            var submission = new VillageSubmission { TenantId = _tenant, CampaignId = _campaign, VillageId = _village };
            var open = await db.TaskRows.Where(r => r.CampaignId == _campaign && r.VillageId == _village).Select(r => r.Id).ToListAsync();
            submission.Submit(open, open.ToDictionary(id => id, _ => "外出务工"), new string('a', 64), "clerk", DateTime.UtcNow);
            db.VillageSubmissions.Add(submission);
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_import_adds_nobody_to_a_signed_village_and_says_why_row_by_row()
    {
        var rows = SyntheticTaskList.Rows(7006, ["迎丰社区", "三合村"]).Skip(7000).ToList(); // three people in each
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows);
        await using var db = Db(_tenant);
        var before = await db.TaskRows.CountAsync(r => r.CampaignId == _campaign && r.VillageId == _village);
        var job = new TaskImport
        {
            CampaignId = _campaign, FileName = "补充名单.xlsx", FileSize = file.Length, Sha256 = new string('0', 64),
            UserId = "test", UserName = "test", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        var importer = new TaskImporter(db, fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance);
        await importer.RunAsync(job, new MemoryStream(file.ToArray()), null, default);

        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(3, job.Imported); // 三合村's
        Assert.Equal(3, job.Rejected);
        Assert.All(importer.Rejected, r => Assert.Contains("已签字提交,不能再加入人员", r.Errors.Single().Message, StringComparison.Ordinal));
        Assert.Equal(before, await db.TaskRows.CountAsync(r => r.CampaignId == _campaign && r.VillageId == _village));
    }

    [Fact]
    public async Task The_verifier_sees_the_lock_before_typing_and_a_save_is_refused()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var page = await verifier.GetStringAsync($"/rows/{fixture.Scenario.Own.RowId}/finding");
        Assert.Contains("id=\"row-locked\"", page, StringComparison.Ordinal);
        Assert.Contains("已由村级清查责任人签字提交", page, StringComparison.Ordinal);
        Assert.Matches("<fieldset class=\"plain\" disabled=\"disabled\">", page);
    }

    [Fact]
    public async Task Rows_of_a_signed_village_are_not_reassigned()
    {
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var rowsPage = $"/campaigns/{_campaign}/villages/{_village}/rows";
        await using var db = Db(_tenant);
        var row = await db.TaskRows.Where(r => r.CampaignId == _campaign && r.VillageId == _village).OrderBy(r => r.Id).FirstAsync();
        var response = await clerk.PostFormAsync($"/campaigns/{_campaign}/villages/{_village}/assign", await clerk.TokenAsync(rowsPage),
            new() { ["VerifierId"] = "", ["RowIds[0]"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await clerk.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("id=\"flash-error\"", shown, StringComparison.Ordinal);
        Assert.Contains("未分配:", shown, StringComparison.Ordinal);
        Assert.Equal(row.VerifierId, (await db.TaskRows.AsNoTracking().SingleAsync(r => r.Id == row.Id)).VerifierId);
    }
}
