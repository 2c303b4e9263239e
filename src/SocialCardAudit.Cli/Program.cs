using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Demo;

// Administrative verbs for scripts, operators and benchmarks. They share the web app's services.
const string Usage = """
    用法:sca <命令> [选项]
      migrate      将数据库升级到当前结构
      seed-demo    升级数据库并写入演示数据(演示县 demo、演示二县 demo2)
                   [--rows <行数>] 再向 MTH-2021 导入虚构的任务数据;[--progress 0.6] 按比例写入分布在各周的核查结果并冻结各周
      create-tenant  新建县(区)及其系统管理员(正式部署的第一步)
                   --code <代码> --name <名称> --division <6位区划代码> --admin <登录名> --admin-name <姓名> --admin-phone <电话>
                   [--time-zone <IANA 时区,默认 Asia/Shanghai>]
      import-tasks 导入清查任务数据:--tenant <县代码> --campaign <清查代码> --file <xlsx|csv> [--json]
      make-task-file  生成虚构的任务清单(演示、基准测试):--rows <行数> --out <文件.xlsx|.csv>
                   [--from <起始序号,默认 240:演示数据之后的人,导入演示库时都是新增>]
      import-cards 导入银行制卡数据到社保卡台账:--tenant <县代码> --town <乡镇名称> --file <xlsx|csv> [--json]
      make-card-file  生成虚构的银行制卡数据:--rows <张数> --out <文件.xlsx>
      import-comparison  导入数据比对名单到应发尽发活动:--tenant <县代码> --campaign <活动代码> --file <xlsx|csv> [--json]
      make-comparison-file  生成虚构的数据比对名单(基准测试):--rows <人数> --out <文件.xlsx> [--from <起始序号>]
      bench-floor  基准下限:流式读取并按文本写入 SQLite:--file <xlsx> --db <文件>
      bench-seed   压测准备:--db <文件> [--verifiers 100] [--rows-each 20]
      bench-findings  压测:多名核查员同时保存核查结果:--url <地址> [--verifiers 100] [--seconds 30]
      bench-sync   压测:离线一天的记录一次同步(带照片):--url <地址> [--findings 200] [--photo-kb 150]
      weekly-report  周督查通报:--tenant <县代码> --campaign <清查代码> [--week 2021-W25] --format xlsx|pdf|json [--out <文件>] [--time]
      bench-county  周报基准数据:基准县(bench)与跨乡镇清查 XQ-2021:--db <文件> [--towns 20] [--villages 15] [--rows 1000000] [--progress 0.6]
      bench-report-floor  周报基准下限:一条手写 GROUP BY:<数据库选项> --campaign <清查代码>
      sql-script   生成 SQL Server 幂等升级脚本(供 DBA 执行)
      reprotect    把全部个人信息改用当前密钥和算法加密(如 AES 改为 SM4、停用旧密钥前),并重算检索索引;
                   分批提交,可随时中断,再次运行从中断处继续 [--batch 500];新旧密钥都须配置
    个人信息密钥:环境变量 PersonalData__Keys__1、PersonalData__IndexKey 等,或 --config <json>;
      演示和基准测试可用 --dev-keys(公开的开发密钥,不得用于真实数据)
    数据库选项:
      --db <文件>                      SQLite 数据库文件(默认)
      --provider SqlServer --connection "<连接字符串>"   SQL Server
      --provider PostgreSql --connection "<连接字符串>"  PostgreSQL
    sql-script 选项:
      --out <文件>                     写入的文件(默认输出到屏幕)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var verb = args[0];
    var options = Options.Parse(args.AsSpan(1));
    switch (verb)
    {
        case "migrate":
        {
            await using var services = ServiceRegistration.BuildStandalone(options.Database());
            await DatabaseInitializer.MigrateAsync(services);
            Console.WriteLine("数据库已升级到当前结构。");
            return 0;
        }
        case "seed-demo":
        {
            // Demo rows are made up: without configured keys they are protected with the public development keys.
            var keys = SocialCardAudit.Data.Protection.PersonalDataKeys.FromConfiguration(options.Configuration(), allowDevelopmentKeys: true);
            await using var services = ServiceRegistration.BuildStandalone(options.Database(), keys);
            await DatabaseInitializer.MigrateAsync(services);
            var added = await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(services);
            Console.WriteLine(added ? $"已写入演示数据。演示账号密码:{DemoData.Password}" : "演示数据已存在,未重复写入。");
            if (options.Get("--rows") is { } extra)
            {
                var n = await DemoData.AddExtraTaskRowsAsync(services, int.Parse(extra, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
                Console.WriteLine($"已导入 {n} 行虚构任务数据。");
            }
            if (options.Get("--progress") is { } share)
            {
                var n = await DemoData.AddProgressAsync(services, double.Parse(share, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
                Console.WriteLine($"已写入 {n} 条核查结果,已结束的各周已冻结。");
            }
            return 0;
        }
        case "create-tenant":
        {
            await using var services = ServiceRegistration.BuildStandalone(options.Database());
            await DatabaseInitializer.MigrateAsync(services);
            await using var scope = services.CreateAsyncScope();
            var password = await new TenantSetup(
                    scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                    scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>())
                .CreateAsync(options.Require("--code"), options.Require("--name"), options.Require("--division"),
                    options.Require("--admin"), options.Require("--admin-name"), options.Require("--admin-phone"),
                    options.Get("--time-zone") ?? CountyClock.DefaultZoneId);
            Console.WriteLine($"已新建。管理员 {options.Require("--admin")} 的临时密码:{password}(首次登录须修改)");
            return 0;
        }
        case "import-tasks":
            return await SocialCardAudit.Cli.ImportVerbs.ImportTasksAsync(options);
        case "make-task-file":
            return SocialCardAudit.Cli.ImportVerbs.MakeTaskFile(options);
        case "import-cards":
            return await SocialCardAudit.Cli.ImportVerbs.ImportCardsAsync(options);
        case "make-card-file":
            return SocialCardAudit.Cli.ImportVerbs.MakeCardFile(options);
        case "import-comparison":
            return await SocialCardAudit.Cli.ImportVerbs.ImportComparisonAsync(options);
        case "make-comparison-file":
            return SocialCardAudit.Cli.ImportVerbs.MakeComparisonFile(options);
        case "bench-floor":
            return SocialCardAudit.Cli.ImportVerbs.BenchFloor(options);
        case "bench-seed":
            return await SocialCardAudit.Cli.BenchVerbs.SeedAsync(options);
        case "bench-findings":
            return await SocialCardAudit.Cli.BenchVerbs.FindingsAsync(options);
        case "bench-sync":
            return await SocialCardAudit.Cli.BenchVerbs.SyncAsync(options);
        case "bench-county":
        {
            await using var services = ServiceRegistration.BuildStandalone(options.Database(), SocialCardAudit.Data.Protection.PersonalDataKeys.Development);
            await DatabaseInitializer.MigrateAsync(services);
            await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(services);
            int Int(string name, int fallback) => int.Parse(options.Get(name) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
            var rows = await DemoData.AddBenchCountyAsync(services, Int("--towns", 20), Int("--villages", 15), Int("--rows", 1_000_000), CancellationToken.None);
            var share = double.Parse(options.Get("--progress") ?? "0.6", System.Globalization.CultureInfo.InvariantCulture);
            var found = await DemoData.AddProgressAsync(services, share, CancellationToken.None, DemoData.BenchTenant, DemoData.BenchCampaign);
            Console.WriteLine($"基准县:已导入 {rows} 行任务数据,写入 {found} 条核查结果(--tenant {DemoData.BenchTenant} --campaign {DemoData.BenchCampaign})。");
            return 0;
        }
        case "bench-report-floor":
            return await SocialCardAudit.Cli.ImportVerbs.BenchReportFloorAsync(options);
        case "weekly-report":
            return await SocialCardAudit.Cli.ReportVerbs.WeeklyReportAsync(options);
        case "reprotect":
        {
            var keys = SocialCardAudit.Data.Protection.PersonalDataKeys.FromConfiguration(options.Configuration(), allowDevelopmentKeys: options.Flag("--dev-keys"));
            var (services, dbOptions, system) = await SocialCardAudit.Cli.ImportVerbs.OpenDatabaseAsync(options);
            await using var _s = services;
            await system.DisposeAsync();
            var protector = new SocialCardAudit.Data.Protection.PersonalDataProtector(keys);
            var batch = int.Parse(options.Get("--batch") ?? "500", System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"当前密钥 {keys.ActiveKeyId}({keys.ActiveAlgorithm}),检索索引 {keys.IndexAlgorithm}");
            await new SocialCardAudit.Data.Protection.Reprotect(dbOptions, protector, batch).RunAsync(p =>
                Console.WriteLine($"{p.Table}:已转换 {p.Moved},原已是当前密钥 {p.AlreadyCurrent}"));
            Console.WriteLine("完成:全部个人信息已使用当前密钥。确认无误后,旧密钥可以停用。");
            return 0;
        }
        case "sql-script":
        {
            await using var db = SchemaContext.For(new Database(DatabaseProvider.SqlServer, "Server=."));
            var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            if (options.Get("--out") is { } path)
            {
                await File.WriteAllTextAsync(path, script);
                Console.WriteLine($"已写入 {path}");
            }
            else
            {
                Console.Write(script);
            }
            return 0;
        }
        default:
            Console.Error.WriteLine($"未知命令:{verb}\n{Usage}");
            return 2;
    }
}
catch (Exception e) when (e is ArgumentException or DomainException or InvalidOperationException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

/// <summary>"--name value" pairs.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"无法识别的参数:{args[i]}");
            }
            // "--name value", or a flag "--name" alone
            o._values[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
        }
        return o;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _values.ContainsKey(name);

    /// <summary>Environment variables, and a JSON file given with --config.</summary>
    public Microsoft.Extensions.Configuration.IConfiguration Configuration()
    {
        var builder = new Microsoft.Extensions.Configuration.ConfigurationBuilder();
        if (Get("--config") is { Length: > 0 } file)
        {
            Microsoft.Extensions.Configuration.JsonConfigurationExtensions.AddJsonFile(builder, Path.GetFullPath(file), optional: false);
        }
        Microsoft.Extensions.Configuration.EnvironmentVariablesExtensions.AddEnvironmentVariables(builder);
        return builder.Build();
    }

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"缺少参数 {name}。");

    public Database Database()
    {
        var provider = Get("--provider") ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var chosen))
        {
            throw new ArgumentException($"--provider 只能是 Sqlite、SqlServer 或 PostgreSql,不是“{provider}”。");
        }
        return chosen == DatabaseProvider.Sqlite
            ? SocialCardAudit.Data.Database.SqliteFile(Get("--db") ?? throw new ArgumentException("请用 --db 指定 SQLite 数据库文件。"))
            : new Database(chosen, Get("--connection") ?? throw new ArgumentException($"{chosen} 需要 --connection。"));
    }
}
