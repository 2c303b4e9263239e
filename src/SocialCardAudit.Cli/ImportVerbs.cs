using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Cli;

/// <summary>import-tasks, and the two helpers its benchmark needs: make-task-file and bench-floor.</summary>
internal static class ImportVerbs
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The database (checked to be current) and the tenant named by --tenant.</summary>
    internal static async Task<(ServiceProvider Services, DbContextOptions<AppDbContext> Options, int TenantId)> OpenAsync(Options o)
    {
        var (services, options, system) = await OpenDatabaseAsync(o);
        await using var _ = system;
        var code = o.Require("--tenant");
        var tenantId = await system.Tenants.Where(t => t.Code == code).Select(t => t.Id).SingleOrDefaultAsync();
        return tenantId == 0 ? throw new ArgumentException($"没有代码为“{code}”的县(区)。") : (services, options, tenantId);
    }

    /// <summary>The database, checked to be current, with a context that sees every county.</summary>
    internal static async Task<(ServiceProvider Services, DbContextOptions<AppDbContext> Options, AppDbContext System)> OpenDatabaseAsync(Options o)
    {
        var database = o.Database();
        if (o.Get("--file") is { } path && !File.Exists(path))
        {
            throw new ArgumentException($"文件不存在:{path}");
        }
        var services = ServiceRegistration.BuildStandalone(database);
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var system = new AppDbContext(options, new FixedTenant(null));
        // Checking is cheap; migrating (which diffs the whole model) is the job of `sca migrate`.
        if ((await system.Database.GetPendingMigrationsAsync()).Any())
        {
            throw new ArgumentException("数据库结构不是最新的:请先运行 sca migrate。");
        }
        return (services, options, system);
    }

    /// <summary>The same importer the web app runs, for scripted and bulk use.</summary>
    public static async Task<int> ImportTasksAsync(Options o)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Require("--file");
        var keys = PersonalDataKeys.FromConfiguration(o.Configuration(), allowDevelopmentKeys: o.Flag("--dev-keys"));
        var (services, options, tenantId) = await OpenAsync(o);
        await using var _ = services;
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var campaignCode = o.Require("--campaign");
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == campaignCode)
            ?? throw new ArgumentException($"没有代码为“{campaignCode}”的专项清查。");

        await using var file = File.OpenRead(path);
        var job = new TaskImport
        {
            CampaignId = campaign.Id,
            FileName = Path.GetFileName(path),
            FileSize = file.Length,
            Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file)),
            UserId = "cli",
            UserName = "命令行:" + Environment.UserName,
            CreatedAtUtc = DateTime.UtcNow,
        };
        file.Position = 0;
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        var importer = new TaskImporter(db, new PersonalDataProtector(keys), TimeProvider.System, NullLogger<TaskImporter>.Instance);
        await importer.RunAsync(job, file, null, CancellationToken.None);
        watch.Stop();

        var errors = importer.Rejected
            .SelectMany(r => r.Errors.Select(e => new { row = r.Row.Line, sheet = r.Row.Sheet.Name, where = r.Row.Where, column = TaskColumns.DisplayName(e.Column), message = e.Message }))
            .ToList();
        if (o.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                importId = job.Id,
                status = job.Status.ToString(),
                message = job.Message,
                imported = job.Imported,
                alreadyPresent = job.AlreadyPresent,
                rejected = job.Rejected,
                flagged = job.Flagged,
                notes = job.Notes?.Split('\n') ?? [],
                errors,
                elapsedMs = watch.ElapsedMilliseconds,
            }, Json));
        }
        else
        {
            Console.WriteLine($"{TaskImport.DisplayName(job.Status)}:导入 {job.Imported} 行,已存在 {job.AlreadyPresent} 行,拒绝 {job.Rejected} 行,疑点 {job.Flagged} 行,用时 {watch.ElapsedMilliseconds} ms。");
            foreach (var e in errors.Take(50))
            {
                Console.WriteLine($"  {e.where} {e.column}:{e.message}");
            }
            foreach (var note in job.Notes?.Split('\n').Where(n => !n.Contains("未导入:", StringComparison.Ordinal)) ?? [])
            {
                Console.WriteLine($"  {note}");
            }
        }
        if (job.Status != ImportStatus.Succeeded)
        {
            Console.Error.WriteLine(job.Message);
            return 1;
        }
        return 0;
    }

    /// <summary>The card register's importer, as the web app runs it: a bank export into one town's register.</summary>
    public static async Task<int> ImportCardsAsync(Options o)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Require("--file");
        var keys = PersonalDataKeys.FromConfiguration(o.Configuration(), allowDevelopmentKeys: o.Flag("--dev-keys"));
        var (services, options, tenantId) = await OpenAsync(o);
        await using var _ = services;
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var townName = o.Require("--town");
        var town = await db.OrgUnits.SingleOrDefaultAsync(u => u.Name == townName && u.Level == Domain.Organization.OrgLevel.Town)
            ?? throw new ArgumentException($"没有名为“{townName}”的乡镇(街道)。");
        await using var file = File.OpenRead(path);
        var job = Domain.Cards.CardImport.For(tenantId, town.Id, path, file, "cli", "命令行:" + Environment.UserName, DateTime.UtcNow);
        await new SocialCardAudit.UseCases.Imports.CardImporter(db, new PersonalDataProtector(keys), TimeProvider.System).RunAsync(job, file, null, CancellationToken.None);
        watch.Stop();
        if (o.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                importId = job.Id, message = job.Message, imported = job.Imported, alreadyPresent = job.AlreadyPresent,
                rejected = job.Rejected, flagged = job.Flagged, notes = job.Notes?.Split('\n') ?? [], elapsedMs = watch.ElapsedMilliseconds,
            }, Json));
        }
        else
        {
            Console.WriteLine($"登记 {job.Imported} 张,已在台账 {job.AlreadyPresent} 张,拒绝 {job.Rejected} 行,需核对 {job.Flagged} 张,用时 {watch.ElapsedMilliseconds} ms。");
            foreach (var note in job.Notes?.Split('\n') ?? [])
            {
                Console.WriteLine($"  {note}");
            }
        }
        if (job.Message is not null)
        {
            Console.Error.WriteLine(job.Message);
            return 1;
        }
        return 0;
    }

    /// <summary>A comparison list (数据比对名单) into an issuance campaign, with the importer the web app runs.</summary>
    public static async Task<int> ImportComparisonAsync(Options o)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Require("--file");
        var keys = PersonalDataKeys.FromConfiguration(o.Configuration(), allowDevelopmentKeys: o.Flag("--dev-keys"));
        var (services, options, tenantId) = await OpenAsync(o);
        await using var _ = services;
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var code = o.Require("--campaign");
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == code && c.Kind == Domain.Campaigns.CampaignKind.Issuance)
            ?? throw new ArgumentException($"没有代码为“{code}”的应发尽发活动。");
        await using var file = File.OpenRead(path);
        var job = Domain.Issuance.ComparisonImport.For(tenantId, campaign.Id, path, file, "cli", "命令行:" + Environment.UserName, DateTime.UtcNow);
        await new ComparisonImporter(db, new PersonalDataProtector(keys), TimeProvider.System).RunAsync(job, file, null, CancellationToken.None);
        watch.Stop();
        if (o.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                importId = job.Id, status = job.Status.ToString(), message = job.Message, imported = job.Imported, alreadyPresent = job.AlreadyPresent,
                rejected = job.Rejected, notes = job.Notes?.Split('\n') ?? [], elapsedMs = watch.ElapsedMilliseconds,
            }, Json));
        }
        else
        {
            Console.WriteLine($"{TaskImport.DisplayName(job.Status)}:导入 {job.Imported} 人,已存在 {job.AlreadyPresent} 人,拒绝 {job.Rejected} 行,用时 {watch.ElapsedMilliseconds} ms。");
        }
        if (job.Status != ImportStatus.Succeeded)
        {
            Console.Error.WriteLine(job.Message);
            return 1;
        }
        return 0;
    }

    /// <summary>A made-up comparison list of N people without a card, after everyone the demo and the task files use.</summary>
    public static int MakeComparisonFile(Options o)
    {
        var rows = int.Parse(o.Require("--rows"), System.Globalization.CultureInfo.InvariantCulture);
        var path = o.Require("--out");
        var from = o.Get("--from") is { } f ? int.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : 2_000_000;
        using var stream = File.Create(path);
        SyntheticTaskList.WriteXlsx(stream, SyntheticTaskList.ComparisonRows(from, rows, DemoData.MeitianhuVillages), SyntheticTaskList.ComparisonHeader);
        Console.WriteLine($"已生成 {rows} 人的比对名单:{path}");
        return 0;
    }

    /// <summary>A made-up bank export of N cards of the same people as make-task-file.</summary>
    public static int MakeCardFile(Options o)
    {
        var rows = int.Parse(o.Require("--rows"), System.Globalization.CultureInfo.InvariantCulture);
        var path = o.Require("--out");
        using var stream = File.Create(path);
        SyntheticTaskList.WriteXlsx(stream, SyntheticTaskList.CardRows(rows, DemoData.MeitianhuVillages), SyntheticTaskList.CardHeader);
        Console.WriteLine($"已生成 {rows} 张卡:{path}");
        return 0;
    }

    /// <summary>
    /// The floor for the weekly report: one hand-written GROUP BY over the campaign's rows and findings on the
    /// SQLite file, per village and outcome, and nothing else.
    /// </summary>
    public static async Task<int> BenchReportFloorAsync(Options o)
    {
        var database = o.Database();
        await using var db = SchemaContext.For(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.PostgreSql
            ? """
              SELECT r."VillageId", COUNT(*), COUNT(v."Id"), COUNT(*) FILTER (WHERE v."Outcome" = 1), COUNT(*) FILTER (WHERE v."Outcome" = 2),
                     COUNT(*) FILTER (WHERE v."Outcome" = 3), COUNT(*) FILTER (WHERE v."Outcome" = 4)
              FROM "TaskRows" r LEFT JOIN "VerificationRecords" v ON v."TaskRowId" = r."Id"
              WHERE r."CampaignId" = (SELECT "Id" FROM "Campaigns" WHERE "Code" = @code)
              GROUP BY r."VillageId"
              """
            : """
              SELECT r.VillageId, COUNT(*), COUNT(v.Id),
                     SUM(v.Outcome = 1), SUM(v.Outcome = 2), SUM(v.Outcome = 3), SUM(v.Outcome = 4)
              FROM TaskRows r LEFT JOIN VerificationRecords v ON v.TaskRowId = r.Id
              WHERE r.CampaignId = (SELECT Id FROM Campaigns WHERE Code = @code)
              GROUP BY r.VillageId
              """;
        var code = command.CreateParameter();
        code.ParameterName = "@code";
        code.Value = o.Require("--campaign");
        command.Parameters.Add(code);
        var watch = Stopwatch.StartNew();
        var villages = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                villages++;
            }
        }
        Console.WriteLine($"{villages} villages in {watch.ElapsedMilliseconds} ms");
        return 0;
    }

    /// <summary>A made-up task list of N people over the twelve villages of 梅田湖镇 (.xlsx or .csv by extension).</summary>
    public static int MakeTaskFile(Options o)
    {
        var rows = int.Parse(o.Require("--rows"), System.Globalization.CultureInfo.InvariantCulture);
        var path = o.Require("--out");
        using var stream = File.Create(path);
        // People after the demo's own (0–239 by default), so the file adds people to the demo campaign.
        var from = o.Get("--from") is { } f ? int.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : DemoData.RowsPerVillage * DemoData.MeitianhuVillages.Length;
        var list = SyntheticTaskList.Rows(from + rows, DemoData.MeitianhuVillages).Skip(from);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            SyntheticTaskList.WriteCsv(stream, list, new System.Text.UTF8Encoding(true));
        }
        else
        {
            SyntheticTaskList.WriteXlsx(stream, list);
        }
        Console.WriteLine($"已生成 {rows} 行:{path}");
        return 0;
    }

    /// <summary>
    /// The floor for an import: stream the workbook and insert every row as text into SQLite in one
    /// transaction, with no checks, no encryption and no lookups.
    /// </summary>
    public static int BenchFloor(Options o)
    {
        var watch = Stopwatch.StartNew();
        var path = o.Require("--file");
        var dbPath = o.Require("--db");
        using var connection = new SqliteConnection($"Data Source={dbPath}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "DROP TABLE IF EXISTS floor; CREATE TABLE floor (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT, h TEXT);";
            create.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO floor VALUES ($a, $b, $c, $d, $e, $f, $g, $h)";
        var parameters = "abcdefgh".Select(c => insert.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        var count = 0;
        using var stream = File.OpenRead(path);
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true))
        {
            foreach (var p in parameters)
            {
                p.Value = ""; // files with fewer than eight columns
            }
            var i = 0;
            foreach (var value in row.Values.Take(8))
            {
                parameters[i++].Value = value?.ToString() ?? "";
            }
            insert.ExecuteNonQuery();
            count++;
        }
        tx.Commit();
        Console.WriteLine(JsonSerializer.Serialize(new { rows = count, elapsedMs = watch.ElapsedMilliseconds }));
        return 0;
    }
}
