using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>The card register's import over real files, on a real SQLite file; people from 1000 up, clear of the demo's 0–239.</summary>
public sealed class CardImportTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly string[] Header = ["姓名", "身份证号码", "社保卡银行卡号", "合作银行", "村(社区)", "卡片状态", "存放地点"];
    private static readonly string[] Villages = ["迎丰社区", "三合村"];

    private AppDbContext Db(int? tenant) => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));

    private static string[] Person(int i, string bank = "农业银行", string state = "库存", string place = "村")
    {
        var p = SyntheticTaskList.Row(i, Villages);
        return [p[1], p[2], SyntheticTaskList.CardFor(i), bank, p[7], state, place];
    }

    private async Task<int> TenantAsync()
    {
        await using var system = Db(null);
        return await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
    }

    private async Task<(CardImport Job, int Tenant)> ImportAsync(IEnumerable<string[]> rows)
    {
        var tenant = await TenantAsync();
        await using var db = Db(tenant);
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "梅田湖镇");
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows, Header);
        file.Position = 0;
        var job = CardImport.For(tenant, town.Id, "银行制卡数据.xlsx", file, "test", "测试", DateTime.UtcNow);
        await new CardImporter(db, fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System).RunAsync(job, file, null, default);
        return (job, tenant);
    }

    [Fact]
    public async Task The_demo_register_has_every_card_with_state_and_custody_agreeing_with_its_events()
    {
        await using var db = Db(await TenantAsync());
        var cards = await db.Cards.Include(c => c.Events).ToListAsync();
        var demo = cards.Where(c => c.Events.Single(e => e.Sequence == 1).ById == "seed").ToList(); // registered by the demo seed, not by tests
        Assert.Equal(240, demo.Count);
        Assert.Equal(48, demo.Count(c => c.State == CardState.InStock && c.CustodianKind == CustodianKind.Village));
        Assert.All(cards, c => Assert.Equal((c.State, c.Custody), Card.Replay(c.Events)));
    }

    [Fact]
    public async Task An_export_that_is_mostly_wrong_is_stopped_early_and_nothing_is_registered()
    {
        var (job, _) = await ImportAsync(Enumerable.Range(30_000, 1200).Select(i => Person(i, bank: "工商银行")));
        Assert.Contains($"前 {RefusedRows.SampleRows} 行中有 {RefusedRows.SampleRows} 行不符合要求", job.Message, StringComparison.Ordinal);
        Assert.Contains("不是本县登记的合作银行", job.Message, StringComparison.Ordinal);
        Assert.Equal(0, job.Imported);
    }

    [Fact]
    public async Task Bad_rows_are_refused_with_their_reason_good_rows_stored_and_a_second_import_adds_nothing()
    {
        var bad = Person(1003);
        bad[1] = bad[1][..17] + (bad[1][17] == '1' ? '2' : '1'); // wrong check character
        var rows = new List<string[]>
        {
            Person(1000), Person(1001, bank: "中国农业银行", state: "已激活"), Person(1002, place: "镇"),
            bad,
            Person(1004, bank: "工商银行"),
            Person(1005) is var v ? [.. v[..4], "江南镇", .. v[5..]] : [],
            Person(1006, state: "寄存"),
            Person(1000), // the same card again in the file
            Person(1000, bank: "邮政银行") is var moved ? [.. moved[..2], SyntheticTaskList.CardFor(1007), .. moved[3..]] : [],
            Person(1000) is var same ? [.. same[..2], SyntheticTaskList.CardFor(1008), .. same[3..]] : [], // second card, same holder and bank
            Person(1009) is var taken ? [.. taken[..2], SyntheticTaskList.CardFor(5), .. taken[3..]] : [], // a demo holder's card number
        };
        var (job, tenant) = await ImportAsync(rows);
        Assert.Null(job.Message);
        Assert.Equal(4, job.Imported); // 1000, 1001 (bank by contained name), 1002 at the town, 1000 at 邮政银行 with its own card
        Assert.Equal(7, job.Rejected);
        Assert.NotNull(job.ErrorReportCipher);

        var report = fixture.App.Services.GetRequiredService<PersonalDataProtector>().UnprotectBytes(job.ErrorReportCipher!, Purposes.ErrorReport);
        using var workbook = new XLWorkbook(new MemoryStream(report));
        var reasons = string.Join("\n", workbook.Worksheet(1).Column(Header.Length + 1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("校验位错误", reasons, StringComparison.Ordinal);
        Assert.Contains("“工商银行”不是本县登记的合作银行", reasons, StringComparison.Ordinal);
        Assert.Contains("江南镇", reasons, StringComparison.Ordinal);
        Assert.Contains("卡片状态只能是", reasons, StringComparison.Ordinal);
        Assert.Contains("与第 2 行的卡号重复", reasons, StringComparison.Ordinal);
        Assert.Contains("同一持卡人在同一银行只能有一张在用的卡", reasons, StringComparison.Ordinal);
        Assert.Contains("该卡号已登记在另一持卡人名下", reasons, StringComparison.Ordinal);

        await using (var db = Db(tenant))
        {
            var atTown = await db.Cards.SingleAsync(c => c.HolderName == rows[2][0] && c.IdNumberMasked.EndsWith(rows[2][1].Substring(14)));
            Assert.Equal(CustodianKind.TownCentre, atTown.CustodianKind);
            var activated = await db.Cards.SingleAsync(c => c.CardNumberMasked.EndsWith(rows[1][2].Substring(15)) && c.HolderName == rows[1][0]);
            Assert.Equal((CardState.Activated, CustodianKind.Holder), (activated.State, activated.CustodianKind));
        }

        var (again, _) = await ImportAsync(rows.Take(3));
        Assert.Equal((0, 3, 0), (again.Imported, again.AlreadyPresent, again.Rejected));
    }

    [Fact]
    public async Task A_file_without_the_bank_column_is_refused_whole()
    {
        var tenant = await TenantAsync();
        await using var db = Db(tenant);
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "梅田湖镇");
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, [Person(1100)[..3].Append("迎丰社区").ToArray()], ["姓名", "身份证号码", "社保卡银行卡号", "村(社区)"]);
        file.Position = 0;
        var job = CardImport.For(tenant, town.Id, "缺列.xlsx", file, "test", "测试", DateTime.UtcNow);
        await new CardImporter(db, fixture.App.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System).RunAsync(job, file, null, default);
        Assert.Contains("缺少必需的列:合作银行", job.Message, StringComparison.Ordinal);
        Assert.Equal(0, job.Imported);
    }
}
