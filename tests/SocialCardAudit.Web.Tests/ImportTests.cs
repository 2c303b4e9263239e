using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.Web;

namespace SocialCardAudit.Web.Tests;

/// <summary>The importer over real files made here, into the demo campaign MTH-2021, on a real SQLite file.</summary>
/// Each test takes its own range of made-up people (the demo seed has 0–239), so the tests share one database without meeting.
public sealed class ImportTests(WebFixture fixture) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private readonly WebFixture _fixture = fixture;
    private int _tenantId;
    private TaskImporter? _last;

    public async Task InitializeAsync()
    {
        await using var db = Db(null);
        _tenantId = await db.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<string[]> People(int from, int count) => SyntheticTaskList.Rows(from + count, Villages).Skip(from).ToList();

    private static readonly string[] Villages = ["迎丰社区", "三合村"];

    private AppDbContext Db(int? tenant) => new(
        _fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));

    private async Task<(TaskImport Job, TaskImporter Importer)> ImportAsync(byte[] file, string fileName)
    {
        await using var db = Db(_tenantId);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        var job = new TaskImport
        {
            CampaignId = campaign.Id, FileName = fileName, FileSize = file.Length, Sha256 = new string('0', 64),
            UserId = "test", UserName = "test", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        var importer = new TaskImporter(db, _fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance);
        await importer.RunAsync(job, new MemoryStream(file), null, default);
        _last = importer;
        return (job, importer);
    }

    private static byte[] Xlsx(IEnumerable<string[]> rows, string[]? header = null)
    {
        using var s = new MemoryStream();
        SyntheticTaskList.WriteXlsx(s, rows, header);
        return s.ToArray();
    }

    private static byte[] Csv(IEnumerable<string[]> rows, Encoding encoding)
    {
        using var s = new MemoryStream();
        SyntheticTaskList.WriteCsv(s, rows, encoding);
        return s.ToArray();
    }

    private async Task<int> RowCountAsync()
    {
        await using var db = Db(_tenantId);
        return await db.TaskRows.CountAsync();
    }

    [Fact]
    public async Task A_file_that_is_mostly_wrong_is_stopped_early_with_its_most_common_problem()
    {
        var rows = People(400_000, 3000);
        rows.ForEach(r => r[2] = r[2][..16]); // every ID cut short: the file's format, not its people, is wrong
        var before = await RowCountAsync();
        var (job, importer) = await ImportAsync(Csv(rows, new UTF8Encoding(true)), "错位.csv");
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Contains($"前 {RefusedRows.SampleRows} 行中有 {RefusedRows.SampleRows} 行不符合要求", job.Message, StringComparison.Ordinal);
        Assert.Contains("身份证号码:身份证号码应为 18 位", job.Message, StringComparison.Ordinal);
        Assert.Equal(RefusedRows.SampleRows, importer.RejectedCount); // stopped there, the rest not even read
        Assert.Equal(before, await RowCountAsync());
    }

    [Fact]
    public async Task Refused_rows_are_all_counted_and_the_first_ones_detailed_so_memory_stays_bounded()
    {
        var rows = People(410_000, 5000);
        for (var i = 0; i < rows.Count; i += 2)
        {
            rows[i][7] = "不存在村";
        }
        var (job, importer) = await ImportAsync(Csv(rows, new UTF8Encoding(true)), "一半错.csv");
        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(2500, job.Imported);
        Assert.Equal(2500, job.Rejected);
        Assert.Equal(RefusedRows.DetailedRows, importer.Rejected.Count);
        var report = _fixture.App.Services.GetRequiredService<PersonalDataProtector>().UnprotectBytes(job.ErrorReportCipher!, Purposes.ErrorReport);
        using var workbook = new XLWorkbook(new MemoryStream(report));
        Assert.Contains(workbook.Worksheet(1).CellsUsed(), c => c.GetString().StartsWith("另有 500 行未导入", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_workbook_is_stored_whole_with_groups_created_and_numbers_protected()
    {
        var rows = People(2000, 30);
        var (job, _) = await ImportAsync(Xlsx(rows), "任务.xlsx");

        Assert.True(job.Status == ImportStatus.Succeeded, job.Message);
        Assert.Equal(30, job.Imported);
        Assert.Equal(0, job.Rejected);
        await using var db = Db(_tenantId);
        var first = await db.TaskRows.Where(r => r.ImportId == job.Id).OrderBy(r => r.Id).FirstAsync();
        Assert.Equal(rows[0][1], first.Name);
        Assert.Equal(rows[0][2][..6] + "********" + rows[0][2][^4..], first.IdNumberMasked);
        var protector = _fixture.App.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal(rows[0][2], protector.Unprotect(first.IdNumberCipher, Purposes.IdNumber));
        Assert.Equal(rows[0][3], protector.Unprotect(first.BankCardCipher!, Purposes.BankCard));
        Assert.NotNull(first.ResidentGroupId);
        Assert.True(await db.OrgUnits.AnyAsync(u => u.Id == first.ResidentGroupId && u.Name == rows[0][6]));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_a_Chinese_reason_per_cell_and_flags_are_kept()
    {
        var rows = People(1000, 6);
        rows[1][2] = rows[1][2][..17] + (rows[1][2][17] == '0' ? '1' : '0');   // wrong check digit
        rows[2][7] = "东山村";                                                   // a village of another county
        rows[1][7] = "测试村";                                                   // a village of another town (line 3 has two errors)
        rows[3][3] = "6217002870003581234";                                      // Luhn fails: imported, flagged
        rows[4][4] = "=HYPERLINK(\"http://x\")";                                 // stored as text
        rows[5][2] = rows[0][2];                                                 // duplicate of line 2
        var (job, importer) = await ImportAsync(Xlsx(rows), "bad.xlsx");

        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(3, job.Imported);
        Assert.Equal(3, job.Rejected);
        Assert.Equal(1, job.Flagged);
        var reasons = importer.Rejected.SelectMany(r => r.Errors.Select(e => $"{r.Row.Line}:{e.Column}:{e.Message}")).ToList();
        Assert.Contains(reasons, r => r.StartsWith("3:IdNumber:", StringComparison.Ordinal) && r.Contains("校验位错误", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("4:Village:", StringComparison.Ordinal) && r.Contains("没有名为“东山村”", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("3:Village:", StringComparison.Ordinal) && r.Contains("“测试村”不属于梅田湖镇", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("7:IdNumber:", StringComparison.Ordinal) && r.Contains("与第 2 行", StringComparison.Ordinal));
        await using var db = Db(_tenantId);
        Assert.Equal("=HYPERLINK(\"http://x\")", await db.TaskRows.Where(r => r.ImportId == job.Id && r.Name == rows[4][1]).Select(r => r.Address).SingleAsync());
        Assert.Contains("校验位不符", await db.TaskRows.Where(r => r.ImportId == job.Id && r.Name == rows[3][1]).Select(r => r.ImportFlags).SingleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_report_keeps_the_original_row_as_text_with_the_reason()
    {
        var rows = People(1100, 3);
        rows[1][2] = "11010519491231002";
        rows[2][1] = "=1+1";
        rows[2][2] = rows[2][2][..17] + (rows[2][2][17] == '0' ? '1' : '0');
        var (job, _) = await ImportAsync(Xlsx(rows), "report.xlsx");

        var report = _fixture.App.Services.GetRequiredService<PersonalDataProtector>().UnprotectBytes(job.ErrorReportCipher!, Purposes.ErrorReport);
        using var workbook = new XLWorkbook(new MemoryStream(report));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("身份证号码", sheet.Cell(1, 3).GetString());
        Assert.Equal("11010519491231002", sheet.Cell(2, 3).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 3).DataType);
        Assert.Contains("应为 18 位", sheet.Cell(2, 9).GetString(), StringComparison.Ordinal);
        Assert.Equal("=1+1", sheet.Cell(3, 2).GetString());
        Assert.False(sheet.Cell(3, 2).HasFormula);
        Assert.Equal(rows[2][2], sheet.Cell(3, 3).GetString());
        Assert.True(sheet.Cell(3, 3).HasComment);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("gbk")]
    public async Task CSV_files_in_UTF8_with_or_without_BOM_and_in_GBK_are_read(string kind)
    {
        var encoding = kind switch
        {
            "utf8" => new UTF8Encoding(false),
            "utf8-bom" => new UTF8Encoding(true),
            _ => CodePagesEncoding("GBK"),
        };
        var rows = People(1200, 5).Select(r => { r[4] = "湖南省岳阳县,梅田湖镇\"迎丰\"社区"; return r; }).ToList();
        var bytes = Csv(rows, encoding);
        if (kind == "gbk")
        {
            Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
        }
        var before = await RowCountAsync();
        var (job, _) = await ImportAsync(bytes, "任务.csv");

        Assert.True(job.Status == ImportStatus.Succeeded, job.Message);
        Assert.True(5 == job.Imported + job.AlreadyPresent, string.Join("\n", _last!.Rejected.SelectMany(r => r.Errors.Select(e => e.Message))));
        await using var db = Db(_tenantId);
        var person = _fixture.App.Services.GetRequiredService<PersonalDataProtector>().Hash(rows[0][2], Purposes.IdNumber);
        Assert.Equal("湖南省岳阳县,梅田湖镇\"迎丰\"社区", await db.TaskRows.Where(r => r.IdNumberHash == person).Select(r => r.Address).SingleAsync());
        Assert.True(await RowCountAsync() >= before);
    }

    [Fact]
    public async Task Importing_the_corrected_file_again_adds_only_what_is_new()
    {
        var rows = People(2100, 40);
        var broken = rows.Select(r => (string[])r.Clone()).ToList();
        broken[7][3] = "123";
        var (first, _) = await ImportAsync(Xlsx(broken), "v1.xlsx");
        Assert.Equal(39, first.Imported);
        Assert.Equal(1, first.Rejected);

        var (second, _) = await ImportAsync(Xlsx(rows), "v2.xlsx");
        Assert.Equal(ImportStatus.Succeeded, second.Status);
        Assert.Equal(1, second.Imported);
        Assert.Equal(39, second.AlreadyPresent);
        Assert.Equal(0, second.Rejected);
    }

    [Fact]
    public async Task The_same_ID_under_another_name_is_rejected_naming_the_first()
    {
        var rows = People(2200, 1);
        await ImportAsync(Xlsx(rows), "a.xlsx");
        rows[0][1] = "另一个人";
        var (job, importer) = await ImportAsync(Xlsx(rows), "b.xlsx");
        Assert.Equal(1, job.Rejected);
        Assert.Contains("已在本次清查中", importer.Rejected[0].Errors[0].Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-excel", "notes.xlsx", "不是 Excel" },
        { "encrypted", "locked.xlsx", "已加密" },
        { "corrupt", "broken.xlsx", "已损坏" },
        { "empty-sheet", "empty.xlsx", "工作表是空的" },
        { "no-data", "header-only.xlsx", "没有数据行" },
        { "missing-columns", "cols.xlsx", "缺少必需的列:身份证号码、社保卡银行卡号" },
        { "empty-file", "zero.csv", "文件是空的" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_whole_with_a_Chinese_message_and_nothing_stored(string kind, string fileName, string message)
    {
        var bytes = kind switch
        {
            "not-excel" => Encoding.UTF8.GetBytes("%PDF-1.4 not a workbook"),
            "encrypted" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "corrupt" => Xlsx(SyntheticTaskList.Rows(3, Villages))[..400],
            "empty-sheet" => EmptyWorkbook(),
            "no-data" => HeaderOnlyWorkbook(),
            "missing-columns" => Xlsx([["1", "张三", "迎丰社区"]], ["序号", "姓名", "村(社区)"]),
            _ => [],
        };
        var before = await RowCountAsync();
        var (job, _) = await ImportAsync(bytes, fileName);

        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Contains(message, job.Message, StringComparison.Ordinal);
        Assert.Equal(before, await RowCountAsync());
    }

    [Fact]
    public async Task A_cell_of_100000_characters_is_rejected_not_cut()
    {
        var rows = People(300, 1);
        rows[0][4] = new string('路', 100_000);
        var (job, importer) = await ImportAsync(Xlsx(rows), "long.xlsx");
        Assert.Equal(1, job.Rejected);
        Assert.Contains("户口地址超过 200 个字", importer.Rejected[0].Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_campaign_refuses_imports()
    {
        await using (var db = Db(_tenantId))
        {
            var first = (await db.Campaigns.Include(c => c.Villages).FirstAsync()).Villages[0];
            var other = Domain.Campaigns.Campaign.Create(_tenantId, first.TownId,
                new Domain.Campaigns.CampaignTerms("OLD-1", "旧清查", "文号", new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 1), [first.VillageId], []),
                new Dictionary<int, int> { [first.VillageId] = first.TownId });
            other.Close(DateTime.UtcNow);
            db.Campaigns.Add(other);
            await db.SaveChangesAsync();
            var job = new TaskImport { CampaignId = other.Id, FileName = "x.xlsx", Sha256 = new string('0', 64), UserId = "t", UserName = "t" };
            db.TaskImports.Add(job);
            await db.SaveChangesAsync();
            await new TaskImporter(db, _fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance)
                .RunAsync(job, new MemoryStream(Xlsx(SyntheticTaskList.Rows(2, Villages))), null, default);
            Assert.Equal(ImportStatus.Failed, job.Status);
            Assert.Contains("已结束", job.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_database_file_holds_no_plaintext_ID_or_card_number()
    {
        Skip.If(Testing.AppFactory.OnPostgres, "reads the SQLite file's pages; a PostgreSQL server keeps its own");
        var rows = People(400, 100);
        var broken = rows.Select(r => (string[])r.Clone()).ToList();
        broken[0][7] = "不存在村"; // a rejected row: its numbers go into the (encrypted) error report only
        var (job, _) = await ImportAsync(Xlsx(broken), "scan.xlsx");
        Assert.Equal(99, job.Imported);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var db = Db(null))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        var bytes = string.Concat(Directory.GetFiles(Path.GetDirectoryName(_fixture.App.DatabasePath)!, "app.db*")
            .Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        foreach (var r in rows)
        {
            Assert.DoesNotContain(r[2], bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(r[3], bytes, StringComparison.Ordinal);
            Assert.DoesNotContain(Encoding.Latin1.GetString(Encoding.Unicode.GetBytes(r[2])), bytes, StringComparison.Ordinal);
        }
        Assert.Contains(rows[1][2][^4..], bytes, StringComparison.Ordinal); // the masked form is there: the scan reads the right file
    }

    [Fact]
    public async Task A_village_is_also_found_by_its_configured_alias()
    {
        await using (var db = Db(_tenantId))
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Name == "三合村");
            db.VillageAliases.Add(new Domain.Organization.VillageAlias { VillageId = village.Id, Alias = "三合" });
            await db.SaveChangesAsync();
        }
        var rows = People(2300, 2);
        rows[0][7] = "三合";
        var (job, _) = await ImportAsync(Xlsx(rows), "alias.xlsx");
        Assert.Equal(2, job.Imported);
    }

    [Fact]
    public async Task An_import_left_running_by_a_node_that_died_is_taken_over_and_finished_by_the_running_app()
    {
        var file = Xlsx(People(2400, 2));
        long id;
        await using (var db = Db(_tenantId))
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
            var stale = TaskImport.For(_tenantId, campaign.Id, "cut.xlsx", new MemoryStream(file), "t", "t", DateTime.UtcNow);
            (stale.Status, stale.RunBy, stale.LeaseUntilUtc, stale.Attempts) = (ImportStatus.Running, "dead-node:1", DateTime.UtcNow.AddMinutes(-1), 1);
            await using var tx = await db.Database.BeginTransactionAsync();
            db.TaskImports.Add(stale);
            await db.SaveChangesAsync();
            await ImportFiles.SaveAsync(db, stale, new MemoryStream(file), _fixture.App.Services.GetRequiredService<PersonalDataProtector>(), default);
            await tx.CommitAsync();
            id = stale.Id;
        }
        TaskImport? done = null;
        for (var i = 0; i < 300 && done?.IsFinished != true; i++) // the app's worker looks every few seconds
        {
            await Task.Delay(100);
            await using var db = Db(_tenantId);
            done = await db.TaskImports.AsNoTracking().SingleAsync(j => j.Id == id);
        }
        Assert.Equal((ImportStatus.Succeeded, 2, 2), (done!.Status, done.Imported, done.Attempts));
        Assert.NotEqual("dead-node:1", done.RunBy);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private static byte[] HeaderOnlyWorkbook()
    {
        using var wb = new XLWorkbook();
        var sheet = wb.Worksheets.Add("Sheet1");
        for (var c = 0; c < SyntheticTaskList.Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(SyntheticTaskList.Header[c]);
        }
        using var s = new MemoryStream();
        wb.SaveAs(s);
        return s.ToArray();
    }

    private static byte[] EmptyWorkbook()
    {
        using var wb = new XLWorkbook();
        wb.Worksheets.Add("Sheet1");
        using var s = new MemoryStream();
        wb.SaveAs(s);
        return s.ToArray();
    }
}
