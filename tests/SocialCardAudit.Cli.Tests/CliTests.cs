using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Cli.Tests;

/// <summary>The sca command as an operator runs it: a real process, a real SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sca-cli-").FullName;
    private string Db => Path.Combine(_folder, "app.db");

    private static (int Exit, string Out, string Err) Sca(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sca.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "sca did not finish in 2 minutes");
        return (p.ExitCode, output.Result, error.Result);
    }

    private string TaskFile(string name, Action<List<string[]>>? change = null)
    {
        var rows = SyntheticTaskList.Rows(10_030, DemoData.MeitianhuVillages).Skip(10_000).ToList(); // clear of the demo seed's people
        change?.Invoke(rows);
        var path = Path.Combine(_folder, name);
        using var s = File.Create(path);
        SyntheticTaskList.WriteXlsx(s, rows);
        return path;
    }

    [Fact]
    public void Import_tasks_prints_one_JSON_object_and_a_second_run_adds_nothing()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var file = TaskFile("tasks.xlsx", rows => rows[4][2] = "123");

        var (exit, output, _) = Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", file, "--json", "--dev-keys");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(29, root.GetProperty("imported").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected").GetInt32());
        Assert.Equal(0, root.GetProperty("flagged").GetInt32());
        Assert.True(root.GetProperty("elapsedMs").GetInt64() > 0);
        var error = root.GetProperty("errors")[0];
        Assert.Equal(6, error.GetProperty("row").GetInt32());
        Assert.Equal("身份证号码", error.GetProperty("column").GetString());
        Assert.Contains("应为 18 位", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var again = JsonDocument.Parse(Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", file, "--json", "--dev-keys").Out);
        Assert.Equal(0, again.RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(29, again.RootElement.GetProperty("alreadyPresent").GetInt32());
    }

    [Fact]
    public void A_made_task_file_holds_people_the_demo_does_not_have()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var file = Path.Combine(_folder, "made.xlsx");
        Assert.Equal(0, Sca("make-task-file", "--rows", "24", "--out", file).Exit);
        var root = JsonDocument.Parse(Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", file, "--json", "--dev-keys").Out).RootElement;
        Assert.Equal(24, root.GetProperty("imported").GetInt32());
        Assert.Equal(0, root.GetProperty("alreadyPresent").GetInt32());
    }

    [Fact]
    public void Import_cards_registers_a_bank_export_once_and_names_an_unknown_town()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var file = Path.Combine(_folder, "cards.xlsx");
        Assert.Equal(0, Sca("make-card-file", "--rows", "300", "--out", file).Exit);

        var (exit, output, _) = Sca("import-cards", "--db", Db, "--tenant", "demo", "--town", "梅田湖镇", "--file", file, "--json", "--dev-keys");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal((60, 240, 0), (root.GetProperty("imported").GetInt32(), root.GetProperty("alreadyPresent").GetInt32(), root.GetProperty("rejected").GetInt32()));
        var again = JsonDocument.Parse(Sca("import-cards", "--db", Db, "--tenant", "demo", "--town", "梅田湖镇", "--file", file, "--json", "--dev-keys").Out).RootElement;
        Assert.Equal(300, again.GetProperty("alreadyPresent").GetInt32());

        var (badExit, _, err) = Sca("import-cards", "--db", Db, "--tenant", "demo", "--town", "江南镇", "--file", file, "--dev-keys");
        Assert.Equal(2, badExit);
        Assert.Contains("没有名为“江南镇”的乡镇", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekly_report_writes_the_figures_as_JSON_and_as_files()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var (exit, output, _) = Sca("weekly-report", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--week", "2021-W25", "--format", "json");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("2021-W25", root.GetProperty("week").GetString());
        Assert.Equal(3, root.GetProperty("campaignWeek").GetInt32());
        Assert.Equal(240, root.GetProperty("total").GetProperty("taskRows").GetInt32());
        var town = root.GetProperty("towns")[0];
        Assert.Equal("梅田湖镇", town.GetProperty("town").GetProperty("name").GetString());
        Assert.Equal(12, town.GetProperty("villages").GetArrayLength());
        Assert.Equal(240, town.GetProperty("villages").EnumerateArray().Sum(v => v.GetProperty("taskRows").GetInt32()));

        var xlsx = Path.Combine(_folder, "weekly.xlsx");
        Assert.Equal(0, Sca("weekly-report", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--format", "xlsx", "--out", xlsx).Exit);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);
        var (bad, _, err) = Sca("weekly-report", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--week", "下周", "--format", "json");
        Assert.Equal(2, bad);
        Assert.Contains("2021-W25", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_demo_with_progress_fills_the_weeks_and_freezes_each_one_that_ended()
    {
        var (exit, output, _) = Sca("seed-demo", "--db", Db, "--rows", "760", "--progress", "0.6");
        Assert.Equal(0, exit);
        Assert.Contains("已导入 760 行", output, StringComparison.Ordinal);
        var weeks = new[] { "2021-W23", "2021-W24", "2021-W25", "2021-W26" }
            .Select(w => JsonDocument.Parse(Sca("weekly-report", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--week", w, "--format", "json").Out).RootElement)
            .ToList();
        Assert.All(weeks, w => Assert.Equal(JsonValueKind.String, w.GetProperty("frozenAtUtc").ValueKind));
        var verified = weeks.Select(w => w.GetProperty("total").GetProperty("verified").GetInt32()).ToList();
        Assert.Equal(verified.Order(), verified); // the trend only rises
        Assert.InRange(verified[^1], 550, 650); // about 60 % of 1,000 rows
        Assert.Equal(1000, weeks[^1].GetProperty("total").GetProperty("taskRows").GetInt32());
        Assert.Equal(verified[2] - verified[1], weeks[2].GetProperty("total").GetProperty("change").GetProperty("verified").GetInt32());
    }

    [Fact]
    public void The_benchmark_county_spans_its_towns_and_the_report_has_a_line_for_each()
    {
        var (exit, output, err) = Sca("bench-county", "--db", Db, "--towns", "3", "--villages", "2", "--rows", "120", "--progress", "0.5");
        Assert.True(exit == 0, err);
        Assert.Contains("已导入 120 行", output, StringComparison.Ordinal);
        var report = JsonDocument.Parse(Sca("weekly-report", "--db", Db, "--tenant", "bench", "--campaign", "XQ-2021", "--week", "2021-W26", "--format", "json").Out).RootElement;
        var towns = report.GetProperty("towns").EnumerateArray().ToList();
        Assert.Equal(["城关镇", "东岭镇", "西河镇"], towns.Select(t => t.GetProperty("town").GetProperty("name").GetString()));
        // Each town has the same two village names, and 20 rows in each village.
        Assert.All(towns, t => Assert.Equal(["东风村", "红星村"], t.GetProperty("villages").EnumerateArray().Select(v => v.GetProperty("name").GetString())));
        Assert.All(towns.SelectMany(t => t.GetProperty("villages").EnumerateArray()), v => Assert.Equal(20, v.GetProperty("taskRows").GetInt32()));
        Assert.InRange(report.GetProperty("total").GetProperty("verified").GetInt32(), 54, 66); // about half of 120
    }

    [Fact]
    public void A_refused_file_exits_non_zero_with_the_Chinese_reason()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var notExcel = Path.Combine(_folder, "notes.xlsx");
        File.WriteAllText(notExcel, "just text");
        var (exit, output, err) = Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", notExcel, "--json", "--dev-keys");
        Assert.Equal(1, exit);
        Assert.Contains("不是 Excel", err, StringComparison.Ordinal);
        Assert.Equal("Failed", JsonDocument.Parse(output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Wrong_arguments_exit_2_with_a_message()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var file = TaskFile("t.xlsx");
        var (exit, _, err) = Sca("import-tasks", "--db", Db, "--tenant", "nowhere", "--campaign", "MTH-2021", "--file", file, "--dev-keys");
        Assert.Equal(2, exit);
        Assert.Contains("没有代码为“nowhere”的县(区)", err, StringComparison.Ordinal);
        Assert.Contains("缺少参数 --file", Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021").Err, StringComparison.Ordinal);
        Assert.Contains("未配置个人信息加密密钥", Sca("import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", file).Err, StringComparison.Ordinal);
        Assert.Equal(2, Sca("no-such-verb").Exit);
    }

    [Fact]
    public void A_killed_import_leaves_no_row_behind()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db).Exit);
        var file = Path.Combine(_folder, "big.xlsx");
        Assert.Equal(0, Sca("make-task-file", "--rows", "100000", "--out", file).Exit);
        var before = CountRows();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "sca.dll"), "import-tasks", "--db", Db, "--tenant", "demo", "--campaign", "MTH-2021", "--file", file, "--dev-keys" })
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        // Kill it the hard way while it is writing rows: the write-ahead log grows only then.
        var wal = Db + "-wal";
        var watch = Stopwatch.StartNew();
        while (!(File.Exists(wal) && new FileInfo(wal).Length > 2_000_000) && !p.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(20);
        }
        Assert.False(p.HasExited, "the import finished before it could be killed: use a larger file");
        p.Kill(entireProcessTree: true);
        p.WaitForExit();

        Assert.Equal(before, CountRows());
    }

    /// <summary>
    /// From AES to SM4 with an SM3 index, as a 密评 asks: killed after its first batches it leaves every value
    /// readable; run again it finishes; afterwards every number is the same and under the new key, found by the new index.
    /// </summary>
    [Fact]
    public void Reprotect_moves_every_value_to_SM4_and_a_killed_run_resumes_with_nothing_lost()
    {
        Assert.Equal(0, Sca("seed-demo", "--db", Db, "--rows", "2000").Exit);
        var old = new PersonalDataProtector(PersonalDataKeys.Development);
        var before = Values(old);
        var config = Path.Combine(_folder, "keys.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            PersonalData = new
            {
                ActiveKeyId = "2", Keys = new Dictionary<string, string> { ["1"] = Convert.ToBase64String(PersonalDataKeys.Development.Keys[1]) },
                Sm4Keys = new Dictionary<string, string> { ["2"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) },
                IndexKey = Convert.ToBase64String(PersonalDataKeys.Development.IndexKey), IndexAlgorithm = "HmacSm3",
            },
        }));
        var keys = PersonalDataKeys.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddJsonFile(config).Build(), false);
        var sm4 = new PersonalDataProtector(keys);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "sca.dll"), "reprotect", "--db", Db, "--config", config, "--batch", "10" })
        {
            start.ArgumentList.Add(a);
        }
        using (var p = Process.Start(start)!)
        {
            // Killed the hard way once some rows have moved.
            while (p.StandardOutput.ReadLine() is { } line && !line.StartsWith("TaskRows:已转换 30", StringComparison.Ordinal))
            {
            }
            Assert.False(p.HasExited, "reprotect finished before it could be killed");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        var half = Values(sm4);
        Assert.Equal(before, half); // every value still reads, old or new
        Assert.Contains(half, v => v.Sm4);
        Assert.Contains(half, v => !v.Sm4);

        var (exit, output, error) = Sca("reprotect", "--db", Db, "--config", config);
        Assert.True(exit == 0, error);
        Assert.Contains("完成", output, StringComparison.Ordinal);
        var after = Values(sm4);
        Assert.Equal(before, after);
        Assert.All(after, v => Assert.True(v.Sm4, $"{v.Table} {v.Id} is not under the SM4 key"));
        Assert.All(after.Where(v => v.Hash is not null), v => Assert.Equal(Convert.ToHexString(sm4.Hash(v.Plain, v.Purpose)), v.Hash));
    }

    private sealed record StoredValue(string Table, string Id, string Purpose, string Plain, bool Sm4, string? Hash)
    {
        // Compared by what they say, not by how they are stored.
        public bool Equals(StoredValue? other) => other is not null && (Table, Id, Purpose, Plain) == (other.Table, other.Id, other.Purpose, other.Plain);

        public override int GetHashCode() => HashCode.Combine(Table, Id, Purpose, Plain);
    }

    /// <summary>Every ID and card number in the file, decrypted with whichever key it is under.</summary>
    private List<StoredValue> Values(PersonalDataProtector protector)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        connection.Open();
        var values = new List<StoredValue>();
        void Read(string sql, string table, string purpose, bool hashed)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                if (r.IsDBNull(1))
                {
                    continue;
                }
                var blob = (byte[])r[1];
                values.Add(new StoredValue(table, r.GetValue(0).ToString()!, purpose, protector.Unprotect(blob, purpose),
                    PersonalDataProtector.AlgorithmOf(blob) == CipherAlgorithm.Sm4Gcm, hashed ? Convert.ToHexString((byte[])r[2]) : null));
            }
        }
        Read("SELECT Id, IdNumberCipher, IdNumberHash FROM TaskRows ORDER BY Id", "TaskRows", Purposes.IdNumber, hashed: true);
        Read("SELECT Id, BankCardCipher FROM TaskRows ORDER BY Id", "TaskRows", Purposes.BankCard, hashed: false);
        Read("SELECT Id, IdNumberCipher, IdNumberHash FROM Cards ORDER BY Id", "Cards", Purposes.IdNumber, hashed: true);
        Read("SELECT Id, CardNumberCipher, CardNumberHash FROM Cards ORDER BY Id", "Cards", Purposes.BankCard, hashed: true);
        return values;
    }

    private int CountRows()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM TaskRows";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
