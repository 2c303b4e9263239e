using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// Every file of tests/corpus (saved by LibreOffice, or written byte for byte as Excel on Chinese Windows writes
/// it; tests/corpus/make.py) through the real importer on a real SQLite file: the stored people are read back and
/// decrypted and must be exactly the expected ones, and no number the file damaged may be in the database.
/// </summary>
public sealed class OfficeFileCorpusTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    public sealed record Person(string Name, string Id, string Card, string Village, string? Group, string? SocialCard);

    public sealed record Entry(
        string File, string Importer, string Expect, string? Message, List<Person>? Stored, int? Rejected,
        List<string>? Forbidden, List<string>? Notes, string? Reasons, [property: JsonPropertyName("never_say")] string? NeverSay)
    {
        public override string ToString() => File;
    }

    private static readonly string Corpus = Path.Combine(RepositoryRoot(), "tests", "corpus");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialCardAudit.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SocialCardAudit.sln not found above the test binaries");
    }

    private static List<Entry> Manifest() => JsonSerializer.Deserialize<List<Entry>>(
        File.ReadAllText(Path.Combine(Corpus, "manifest.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<string> Files() => [.. Manifest().Select(e => e.File)];

    private PersonalDataProtector Protector => fixture.App.Services.GetRequiredService<PersonalDataProtector>();

    private AppDbContext Db(int? tenant) => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));

    [Fact]
    public void The_corpus_covers_every_format_an_office_saves()
    {
        var extensions = Manifest().Select(e => Path.GetExtension(e.File)).ToHashSet();
        Assert.Superset(new HashSet<string> { ".xlsx", ".xls", ".et", ".ods", ".csv", ".txt" }, extensions);
        Assert.All(Manifest(), e => Assert.True(File.Exists(Path.Combine(Corpus, "files", e.File)), e.File));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_stores_exactly_the_right_people_or_is_refused_with_what_to_do(string fileName)
    {
        var entry = Manifest().Single(e => e.File == fileName);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Corpus, "files", fileName));
        await using var system = Db(null);
        var tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        await using var db = Db(tenant);

        // The .xlsx and .xls of one sheet hold the same people: the second finds them already present.
        var expected = (entry.Stored ?? []).Select(p => Protector.Hash(p.Id, Purposes.IdNumber)).ToList();
        var (message, notes, rejected, stored) = entry.Importer switch
        {
            "tasks" => await ImportTasksAsync(db, bytes, fileName, expected),
            "comparison" => await ImportComparisonAsync(db, bytes, fileName, expected),
            _ => await ImportCardsAsync(db, bytes, fileName, expected),
        };

        if (entry.Expect == "refused")
        {
            Assert.NotNull(message);
            Assert.Contains(entry.Message!, message, StringComparison.Ordinal);
            Assert.Empty(stored);
        }
        else
        {
            Assert.True(message is null, message);
            Assert.Equal(entry.Rejected, rejected.Count);
            if (entry.Stored is not null)
            {
                Assert.Equal(entry.Stored.OrderBy(p => p.Id), stored.OrderBy(p => p.Id));
            }
            Assert.All(entry.Notes ?? [], n => Assert.Contains(n, notes ?? "", StringComparison.Ordinal));
            Assert.All(rejected, r => Assert.Contains(entry.Reasons ?? "", r, StringComparison.Ordinal));
            if (entry.NeverSay is not null)
            {
                Assert.All(rejected, r => Assert.DoesNotContain(entry.NeverSay, r, StringComparison.Ordinal));
            }
        }
        if (entry.Importer == "cards" && entry.Notes?.Contains("银行卡号校验位不符") == true)
        {
            // The card to check carries its reason, and its page shows it to the town office.
            var flagged = await db.Cards.Where(c => c.ImportFlags != null && c.ImportFlags.Contains("校验位")).OrderByDescending(c => c.Id).FirstAsync();
            var town = await fixture.App.SignedInAsync("demo.town");
            Assert.Contains("导入时发现需核对", await town.GetStringAsync($"/cards/{flagged.Id}"), StringComparison.Ordinal);
        }
        // Nothing Excel damaged is anywhere in the database, whichever importer and whatever the outcome.
        foreach (var number in entry.Forbidden ?? [])
        {
            var id = Protector.Hash(number, Purposes.IdNumber);
            var card = Protector.Hash(number, Purposes.BankCard);
            Assert.False(await db.TaskRows.AnyAsync(r => r.IdNumberHash == id), $"{number} stored as an ID number");
            Assert.False(await db.Cards.AnyAsync(c => c.IdNumberHash == id || c.CardNumberHash == card), $"{number} stored on a card");
            Assert.False(await db.IssuanceCases.AnyAsync(c => c.IdNumberHash == id), $"{number} stored on a comparison list");
        }
    }

    /// <returns>The people stored by this import or, for the expected people, by an earlier one.</returns>
    private async Task<(string? Message, string? Notes, List<string> Rejected, List<Person> Stored)> ImportTasksAsync(AppDbContext db, byte[] bytes, string fileName, List<byte[]> expected)
    {
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var job = new TaskImport
        {
            CampaignId = campaign.Id, FileName = fileName, FileSize = bytes.Length, Sha256 = new string('0', 64),
            UserId = "test", UserName = "test", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        var importer = new TaskImporter(db, Protector, TimeProvider.System, NullLogger<TaskImporter>.Instance);
        await importer.RunAsync(job, new MemoryStream(bytes), null, default);

        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Name);
        var stored = (await db.TaskRows.Where(r => r.ImportId == job.Id || (r.CampaignId == campaign.Id && expected.Contains(r.IdNumberHash))).ToListAsync())
            .Select(r => new Person(r.Name, Protector.Unprotect(r.IdNumberCipher, Purposes.IdNumber), Protector.Unprotect(r.BankCardCipher!, Purposes.BankCard),
                units[r.VillageId], r.ResidentGroupId is { } g ? units[g] : null, null))
            .ToList();
        return (job.Status == ImportStatus.Succeeded ? null : job.Message, job.Notes,
            importer.Rejected.Select(r => string.Join(";", r.Errors.Select(e => e.Message))).ToList(), stored);
    }

    private async Task<(string? Message, string? Notes, List<string> Rejected, List<Person> Stored)> ImportCardsAsync(AppDbContext db, byte[] bytes, string fileName, List<byte[]> expected)
    {
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "梅田湖镇");
        var before = await db.Cards.MaxAsync(c => c.Id);
        var file = new MemoryStream(bytes);
        var job = CardImport.For(town.TenantId, town.Id, fileName, file, "test", "测试", DateTime.UtcNow);
        await new CardImporter(db, Protector, TimeProvider.System).RunAsync(job, file, null, default);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Name);
        var stored = (await db.Cards.Where(c => c.Id > before || expected.Contains(c.IdNumberHash)).ToListAsync())
            .Select(c => new Person(c.HolderName, Protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber), Protector.Unprotect(c.CardNumberCipher, Purposes.BankCard),
                units[c.VillageId], null, c.SocialCardNumber))
            .ToList();
        return (job.Message, job.Notes, Reasons(job), stored);
    }

    /// <summary>The people of an issuance campaign's comparison list: name, ID number and village (they have no card yet).</summary>
    private async Task<(string? Message, string? Notes, List<string> Rejected, List<Person> Stored)> ImportComparisonAsync(AppDbContext db, byte[] bytes, string fileName, List<byte[]> expected)
    {
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.IssuanceCode);
        var before = await db.IssuanceCases.MaxAsync(c => c.Id);
        var file = new MemoryStream(bytes);
        var job = ComparisonImport.For(campaign.TenantId, campaign.Id, fileName, file, "test", "测试", DateTime.UtcNow);
        await new ComparisonImporter(db, Protector, TimeProvider.System).RunAsync(job, file, null, default);
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id, u => u.Name);
        var stored = (await db.IssuanceCases.Where(c => c.CampaignId == campaign.Id && (c.Id > before || expected.Contains(c.IdNumberHash))).ToListAsync())
            .Select(c => new Person(c.Name, Protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber), "", units[c.VillageId], null, null))
            .ToList();
        return (job.Status == ImportStatus.Succeeded ? null : job.Message, job.Notes, Reasons(job), stored);
    }

    /// <summary>The reason of each refused row, from the job's error report.</summary>
    private List<string> Reasons(ImportJob job)
    {
        var rejected = new List<string>();
        if (job.ErrorReportCipher is not null)
        {
            using var report = new ClosedXML.Excel.XLWorkbook(new MemoryStream(Protector.UnprotectBytes(job.ErrorReportCipher, Purposes.ErrorReport)));
            var sheet = report.Worksheet(1);
            var reasonColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "错误原因").Address.ColumnNumber;
            rejected = [.. sheet.RowsUsed().Skip(1).Select(r => r.Cell(reasonColumn).GetString())];
        }
        Assert.Equal(job.Rejected, rejected.Count);
        return rejected;
    }
}
