using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.UseCases.Demo;

/// <summary>
/// Demo counties: <c>demo</c> with 梅田湖镇 and its twelve villages/communities as the 2021 work plan
/// (梅政办发〔2021〕13号, 附件1) lists them, and <c>demo2</c>, a second county, so isolation can be seen.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users)
{
    public const string Password = "Demo@2021";

    public static readonly string[] MeitianhuVillages =
        ["迎丰社区", "三合村", "曙辉村", "西来村", "保合村", "新垱村", "梅田湖社区", "梅田村", "友谊村", "告丰村", "金鸡村", "永吉村"];

    private static readonly string[] OtherClerks = ["杨秀英", "黄志明", "赵桂兰", "周建华", "吴丽娟", "徐海涛", "孙玉梅", "胡国庆", "朱红霞", "高德胜"];
    private static readonly string[] OtherVerifiers = ["林小燕", "何文军", "郭春花", "马志刚", "罗美玲", "梁建平", "宋晓东", "郑淑珍", "谢永强", "韩雪梅"];

    /// <summary>The demo accounts: login name, full name, role, unit path (town / village), tenant code.</summary>
    public static readonly IReadOnlyList<DemoAccount> Core =
    [
        new("demo.admin", "周敏", Roles.TenantAdmin, "demo", null, null),
        new("demo.county", "罗建国", Roles.CountySupervisor, "demo", null, null),
        new("demo.town", "刘芳", Roles.TownOffice, "demo", "梅田湖镇", null),
        new("demo.clerk1", "李红梅", Roles.VillageClerk, "demo", "梅田湖镇", "迎丰社区"),
        new("demo.verifier1", "王志强", Roles.Verifier, "demo", "梅田湖镇", "迎丰社区"),
        new("demo.verifier1b", "陈丽", Roles.Verifier, "demo", "梅田湖镇", "迎丰社区"),
        new("demo.clerk2", "张伟", Roles.VillageClerk, "demo", "梅田湖镇", "三合村"),
        new("demo.verifier2", "赵磊", Roles.Verifier, "demo", "梅田湖镇", "三合村"),
        new("demo2.admin", "孙静", Roles.TenantAdmin, "demo2", null, null),
        new("demo2.county", "吴刚", Roles.CountySupervisor, "demo2", null, null),
        new("demo2.town", "郑洁", Roles.TownOffice, "demo2", "清水镇", null),
        new("demo2.clerk1", "何勇", Roles.VillageClerk, "demo2", "清水镇", "东山村"),
        new("demo2.verifier1", "胡敏", Roles.Verifier, "demo2", "清水镇", "东山村"),
    ];

    /// <summary>The accounts above and, for every other village of 梅田湖镇, its clerk and its verifier.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        .. Core,
        // Every other village of 梅田湖镇 has its clerk and its verifier too, so the demo reaches the town's signature.
        .. MeitianhuVillages.Skip(2).SelectMany((village, k) => new DemoAccount[]
        {
            new($"demo.clerk{k + 3}", OtherClerks[k], Roles.VillageClerk, "demo", "梅田湖镇", village),
            new($"demo.verifier{k + 3}", OtherVerifiers[k], Roles.Verifier, "demo", "梅田湖镇", village),
        }),
    ];

    /// <summary>Adds the demo counties unless they are there already. Never called in Production.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var added = await new DemoData(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()).AddCountiesAsync(ct);
        if (added)
        {
            await DemoData.AddTaskRowsAsync(services, ct);
            await DemoData.AddCardsAsync(services, ct);
            await DemoData.AddIssuanceAsync(services, ct);
        }
        return added;
    }

    private async Task<bool> AddCountiesAsync(CancellationToken ct = default)
    {
        if (await db.Tenants.AnyAsync(t => t.Code == "demo", ct))
        {
            return false;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddCountyAsync("demo", "演示县", "430999", new() { ["梅田湖镇"] = MeitianhuVillages }, ct);
        await AddCountyAsync("demo2", "演示二县", "430998", new() { ["清水镇"] = ["东山村", "西河社区"] }, ct);
        foreach (var account in Accounts)
        {
            await AddAccountAsync(account, ct);
        }
        await AddMeitianhuCampaignAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task AddCountyAsync(string code, string name, string divisionCode,
        Dictionary<string, string[]> towns, CancellationToken ct)
    {
        var tenant = new Tenant { Code = code, Name = name };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);

        var county = OrgUnit.NewCounty(tenant.Id, divisionCode, name);
        db.OrgUnits.Add(county);
        db.Banks.AddRange(new Bank { TenantId = tenant.Id, Name = "农业银行" }, new Bank { TenantId = tenant.Id, Name = "邮政银行" });
        await db.SaveChangesAsync(ct);

        var townUnits = new List<OrgUnit>();
        foreach (var (townName, villages) in towns)
        {
            var town = county.AddChild(townName, townUnits);
            townUnits.Add(town);
            db.OrgUnits.Add(town);
            await db.SaveChangesAsync(ct);

            var villageUnits = new List<OrgUnit>();
            foreach (var villageName in villages)
            {
                var village = town.AddChild(villageName, villageUnits);
                villageUnits.Add(village);
            }
            db.OrgUnits.AddRange(villageUnits);
            await db.SaveChangesAsync(ct);

            foreach (var village in villageUnits)
            {
                var kind = village.Name.EndsWith("社区", StringComparison.Ordinal) ? "居民小组" : "村民小组";
                var groups = new List<OrgUnit>();
                foreach (var ordinal in new[] { "第一", "第二", "第三" })
                {
                    groups.Add(village.AddChild(ordinal + kind, groups));
                }
                db.OrgUnits.AddRange(groups);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    public const string CampaignCode = "MTH-2021";
    public const int RowsPerVillage = 20;

    /// <summary>
    /// Made-up task rows for MTH-2021 (20 per village), imported the way a town office would, one with a
    /// bad card check digit; the rows of 迎丰社区 and 三合村 are given to their verifiers.
    /// </summary>
    public static async Task AddTaskRowsAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        await using var system = new AppDbContext(options, new FixedTenant(null));
        var tenantId = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync(ct);
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == CampaignCode, ct);

        var rows = SyntheticTaskList.Rows(RowsPerVillage * MeitianhuVillages.Length, MeitianhuVillages).ToList();
        rows[7][3] = rows[7][3][..18] + (rows[7][3][18] == '0' ? '1' : '0'); // a card that fails its check digit: a suspicious issue
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows);
        var job = new TaskImport
        {
            CampaignId = campaign.Id, FileName = "演示任务清单.xlsx", FileSize = file.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.ToArray())),
            UserId = "seed", UserName = "演示数据", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync(ct);
        file.Position = 0;
        await new TaskImporter(db, protector, TimeProvider.System, NullLogger<TaskImporter>.Instance).RunAsync(job, file, null, ct);

        var verifiers = await db.Users.Where(u => u.UserName!.StartsWith("demo.verifier")).OrderBy(u => u.UserName).ToListAsync(ct);
        foreach (var village in (await db.TaskRows.Where(r => r.CampaignId == campaign.Id).OrderBy(r => r.Id).ToListAsync(ct)).GroupBy(r => r.VillageId))
        {
            var own = verifiers.Where(v => v.OrgUnitId == village.Key).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var turn = 0;
            foreach (var row in village)
            {
                var to = own[turn++ % own.Count]; // the village's verifiers take turns
                db.TaskAssignments.Add(new TaskAssignment { TaskRowId = row.Id, ToVerifierId = to.Id, ByUserId = "seed", AtUtc = DateTime.UtcNow });
                row.AssignTo(to.Id, DateTime.UtcNow);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The card register of 梅田湖镇, entered the way a town office would, from a made-up bank export of the
    /// same people (<see cref="SyntheticTaskList.CardRows"/>), so every village has stock cards of both banks to hand over.
    /// </summary>
    public static async Task AddCardsAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var system = new AppDbContext(options, new FixedTenant(null));
        var tenantId = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync(ct);
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "梅田湖镇", ct);
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, SyntheticTaskList.CardRows(RowsPerVillage * MeitianhuVillages.Length, MeitianhuVillages), SyntheticTaskList.CardHeader);
        file.Position = 0;
        var job = CardImport.For(tenantId, town.Id, "演示银行制卡数据.xlsx", file, "seed", "演示数据", DateTime.UtcNow);
        await new CardImporter(db, services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System).RunAsync(job, file, null, ct);
        if (job.Message is not null || job.Rejected > 0)
        {
            throw new InvalidOperationException($"demo cards: {job.Message} {job.Rejected} rejected");
        }
    }

    /// <summary>
    /// Imports <paramref name="rows"/> more made-up people into MTH-2021 (after those already there) through the
    /// real importer, in files of at most 100,000 rows as an office would split them.
    /// </summary>
    public static async Task<int> AddExtraTaskRowsAsync(IServiceProvider services, int rows, CancellationToken ct) =>
        await ImportRowsAsync(services, "demo", CampaignCode, rows, SyntheticTaskList.Header, i => SyntheticTaskList.Row(i, MeitianhuVillages), ct);

    public const string BenchTenant = "bench", BenchCampaign = "XQ-2021";

    // Village names repeat from town to town, as they do in a real county: the files must name the town.
    private static readonly string[] TownNames =
        ["城关镇", "东岭镇", "西河镇", "南山镇", "北湖镇", "青石镇", "白沙镇", "金桥镇", "黄田镇", "红岩镇",
         "长乐镇", "永丰镇", "新塘镇", "桃源镇", "梅岭镇", "松坪镇", "石门镇", "龙潭镇", "凤凰镇", "玉泉镇"];
    private static readonly string[] VillageNames =
        ["东风村", "红星村", "新华村", "和平村", "胜利村", "光明村", "幸福村", "团结村", "建设村", "前进村",
         "永安村", "长青村", "向阳村", "丰收村", "金山社区"];

    /// <summary>
    /// The benchmark county (基准县, tenant "bench"): <paramref name="towns"/> towns of <paramref name="villages"/>
    /// villages each and the county campaign XQ-2021 over all of them, filled with <paramref name="rows"/> made-up
    /// people through the importer (files naming the town, since village names repeat); accounts bench.county
    /// and bench.town (城关镇).
    /// </summary>
    public static async Task<int> AddBenchCountyAsync(IServiceProvider services, int towns, int villages, int rows, CancellationToken ct)
    {
        if (towns > TownNames.Length || villages > VillageNames.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(towns), $"at most {TownNames.Length} towns of {VillageNames.Length} villages");
        }
        var places = TownNames.Take(towns).SelectMany(t => VillageNames.Take(villages).Select(v => (Town: t, Village: v))).ToList();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Tenants.AnyAsync(t => t.Code == BenchTenant, ct))
            {
                var seed = new DemoData(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await seed.AddCountyAsync(BenchTenant, "基准县", "439901",
                    places.GroupBy(p => p.Town).ToDictionary(g => g.Key, g => g.Select(p => p.Village).ToArray()), ct);
                var tenant = await db.Tenants.SingleAsync(t => t.Code == BenchTenant, ct);
                var units = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.TenantId == tenant.Id && u.Level == OrgLevel.Village).ToListAsync(ct);
                db.Campaigns.Add(Campaign.Create(tenant.Id, null, new CampaignTerms(
                    BenchCampaign, "基准县城乡居民社会保障卡专项清查", "基政办发〔2021〕1号", new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30),
                    units.Select(u => u.Id).ToList(), [new PhaseTerms("入户核查", new DateOnly(2021, 6, 25))]),
                    units.ToDictionary(u => u.Id, u => u.ParentId!.Value)));
                await db.SaveChangesAsync(ct);
                // To measure the screens as the county and a town see them (password as the demo's).
                await seed.AddAccountAsync(new DemoAccount("bench.county", "基准县督查", Roles.CountySupervisor, BenchTenant, null, null), ct);
                await seed.AddAccountAsync(new DemoAccount("bench.town", "基准镇经办", Roles.TownOffice, BenchTenant, TownNames[0], null), ct);
                await tx.CommitAsync(ct);
            }
        }
        var names = places.Select(p => p.Village).ToList();
        return await ImportRowsAsync(services, BenchTenant, BenchCampaign, rows, [.. SyntheticTaskList.Header, "乡镇(街道)"],
            i => [.. SyntheticTaskList.Row(i, names), places[i % places.Count].Town], ct);
    }

    /// <summary>Made-up people <paramref name="row"/>(i) after those already in the campaign, through the importer, 100,000 to a file.</summary>
    private static async Task<int> ImportRowsAsync(IServiceProvider services, string tenantCode, string campaignCode, int rows,
        string[] header, Func<int, string[]> row, CancellationToken ct)
    {
        const int perFile = 100_000;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        int tenantId;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenantId = await system.Tenants.Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync(ct);
        }
        var imported = 0;
        while (imported < rows)
        {
            await using var db = new AppDbContext(options, new FixedTenant(tenantId));
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == campaignCode, ct);
            var start = await db.TaskRows.CountAsync(r => r.CampaignId == campaign.Id, ct);
            var count = Math.Min(perFile, rows - imported);
            var path = Path.GetTempFileName();
            try
            {
                await using (var file = File.Create(path))
                {
                    SyntheticTaskList.WriteCsv(file, Enumerable.Range(start, count).Select(row), new System.Text.UTF8Encoding(true), header);
                }
                await using var stream = File.OpenRead(path);
                var job = new TaskImport
                {
                    CampaignId = campaign.Id, FileName = "演示扩充任务清单.csv", FileSize = stream.Length, Sha256 = new string('0', 64),
                    UserId = "seed", UserName = "演示数据", CreatedAtUtc = DateTime.UtcNow,
                };
                db.TaskImports.Add(job);
                await db.SaveChangesAsync(ct);
                await new TaskImporter(db, services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System, NullLogger<TaskImporter>.Instance)
                    .RunAsync(job, stream, null, ct);
                if (job.Status != ImportStatus.Succeeded || job.Imported != count)
                {
                    throw new InvalidOperationException($"演示任务数据导入失败:{job.Message}(导入 {job.Imported} 行,拒绝 {job.Rejected} 行)");
                }
                imported += count;
            }
            finally
            {
                File.Delete(path);
            }
        }
        return imported;
    }

    /// <summary>Findings for a share of a campaign's open rows (MTH-2021's by default), spread over its weeks, each ended week frozen (<see cref="DemoProgress"/>).</summary>
    public static async Task<int> AddProgressAsync(IServiceProvider services, double share, CancellationToken ct, string tenantCode = "demo", string campaignCode = CampaignCode)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        int tenantId;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenantId = await system.Tenants.Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync(ct);
        }
        return await DemoProgress.AddAsync(options, tenantId, campaignCode, share, DateTime.UtcNow, ct);
    }

    public const string IssuanceCode = "YFJF-2022";

    /// <summary>
    /// An issuance campaign (应发尽发) of 梅田湖镇 on the Dayao plan's deadlines, with a made-up comparison list of
    /// five people per village imported the way a town office would.
    /// </summary>
    public static async Task AddIssuanceAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var system = new AppDbContext(options, new FixedTenant(null));
        var tenantId = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync(ct);
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "梅田湖镇", ct);
        var villages = await db.OrgUnits.Where(u => u.ParentId == town.Id && u.Level == OrgLevel.Village).Select(u => u.Id).ToListAsync(ct);
        var campaign = Campaign.Create(tenantId, town.Id, new CampaignTerms(
            IssuanceCode, "梅田湖镇社会保障卡应发尽发", "梅人社发〔2022〕8号", new DateOnly(2022, 5, 25), new DateOnly(2022, 8, 31), villages,
            [
                new PhaseTerms("数据比对", new DateOnly(2022, 6, 5)), new PhaseTerms("信息核查", new DateOnly(2022, 6, 10)),
                new PhaseTerms("制卡", new DateOnly(2022, 7, 10)), new PhaseTerms("发放", new DateOnly(2022, 8, 20)),
                new PhaseTerms("金融功能激活", new DateOnly(2022, 8, 30)),
            ], CampaignKind.Issuance), villages.ToDictionary(v => v, _ => town.Id));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, SyntheticTaskList.ComparisonRows(500_000, 5 * MeitianhuVillages.Length, MeitianhuVillages), SyntheticTaskList.ComparisonHeader);
        var job = Domain.Issuance.ComparisonImport.For(tenantId, campaign.Id, "演示数据比对名单.xlsx", file, "seed", "演示数据", DateTime.UtcNow);
        await new ComparisonImporter(db, services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System).RunAsync(job, file, null, ct);
        if (job.Message is not null || job.Rejected > 0)
        {
            throw new InvalidOperationException($"demo comparison list: {job.Message} {job.Rejected} rejected");
        }
    }

    /// <summary>The campaign of the 2021 work plan: 2021-06-08 to 06-30, all twelve villages.</summary>
    private async Task AddMeitianhuCampaignAsync(CancellationToken ct)
    {
        var town = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == "梅田湖镇", ct);
        var villages = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.ParentId == town.Id).Select(u => u.Id).ToListAsync(ct);
        db.Campaigns.Add(Campaign.Create(town.TenantId, town.Id, new CampaignTerms(
            CampaignCode, "梅田湖镇城乡居民社会保障卡专项清查", "梅政办发〔2021〕13号",
            new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30), villages,
            [new PhaseTerms("入户核查", new DateOnly(2021, 6, 25)), new PhaseTerms("分类统计签字上报", new DateOnly(2021, 6, 30))]),
            villages.ToDictionary(v => v, _ => town.Id)));
        await db.SaveChangesAsync(ct);
    }

    private string? _passwordHash;

    private async Task AddAccountAsync(DemoAccount account, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Code == account.Tenant, ct);
        var units = db.OrgUnits.IgnoreQueryFilters().Where(u => u.TenantId == tenant.Id);
        var unit = account switch
        {
            { Village: { } v } => await units.SingleAsync(u => u.Name == v && u.Parent!.Name == account.Town, ct),
            { Town: { } t } => await units.SingleAsync(u => u.Name == t && u.Level == OrgLevel.Town, ct),
            _ => await units.SingleAsync(u => u.Level == OrgLevel.County, ct),
        };
        var user = new AppUser
        {
            UserName = account.UserName,
            FullName = account.FullName,
            TenantId = tenant.Id,
            OrgUnitId = unit.Id,
            PhoneNumber = "13800000000",
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        // One hash of the published demo password serves every demo account: hashing is slow on purpose.
        user.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(user, Password);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, account.Role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record DemoAccount(string UserName, string FullName, string Role, string Tenant, string? Town, string? Village);
