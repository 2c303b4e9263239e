using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Reports;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.Web.Tests;

/// <summary>The weekly report's database counts against a fixture counted by hand, on a real SQLite file.</summary>
public sealed class ProgressQueryTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly DateTime Now = new(2021, 6, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Village_and_verifier_figures_match_the_hand_count()
    {
        var options = fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        int tenant;
        await using (var system = new AppDbContext(options, new FixedTenant(null)))
        {
            tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        }
        await using var db = new AppDbContext(options, new FixedTenant(tenant));
        var town = await db.OrgUnits.SingleAsync(u => u.Name == "测试镇");
        var a = await db.OrgUnits.SingleAsync(u => u.Name == "测试村");
        var b = town.AddChild("测试二村", await db.OrgUnits.Where(u => u.ParentId == town.Id).ToListAsync());
        db.OrgUnits.Add(b);
        await db.SaveChangesAsync();
        var campaign = Campaign.Create(tenant, town.Id, new CampaignTerms("RPT-1", "报表测试", "测试〔2021〕2号",
            new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30), [a.Id, b.Id], []), new Dictionary<int, int> { [a.Id] = town.Id, [b.Id] = town.Id });
        db.Campaigns.Add(campaign);
        var import = new TaskImport { CampaignId = 0, FileName = "f.xlsx", Sha256 = new string('0', 64), UserId = "t", UserName = "t" };
        await db.SaveChangesAsync();
        import.CampaignId = campaign.Id;
        db.TaskImports.Add(import);
        await db.SaveChangesAsync();

        // 测试村: r1 r2 in use, r3 not received and deceased, r4 r5 open; open issues on r1 and r4, a closed one on r5;
        // a fraud case on r1 with 100 + 50.50 recovered. 测试二村: r6 received and deceased, r7 handed in.
        var (v1, v2) = (fixture.Scenario.OtherTown.UserId, fixture.Scenario.Own.UserId); // two real accounts as the verifiers
        var rows = new List<TaskRow>();
        for (var i = 1; i <= 7; i++)
        {
            rows.Add(new TaskRow
            {
                TenantId = tenant, CampaignId = campaign.Id, VillageId = i <= 5 ? a.Id : b.Id, ImportId = import.Id, Name = $"人{i}",
                IdNumberCipher = [1], IdNumberHash = Guid.NewGuid().ToByteArray(), IdNumberMasked = "x",
                VerifierId = i is 1 or 2 ? v1 : i == 3 ? v2 : null,
            });
        }
        db.TaskRows.AddRange(rows);
        await db.SaveChangesAsync();
        void Find(int i, Outcome outcome)
        {
            var r = rows[i - 1];
            var record = new VerificationRecord { TenantId = tenant, TaskRowId = r.Id, CampaignId = campaign.Id, VillageId = r.VillageId };
            record.Record(SocialCardAudit.UseCases.Demo.DemoProgress.Sample(outcome, Now.AddDays(-1)), new FindingContext(Now, new DateOnly(2021, 1, 1), null, ["邮政银行"]), "v", Now);
            db.VerificationRecords.Add(record);
        }
        Find(1, Outcome.ReceivedInUse);
        Find(2, Outcome.ReceivedInUse);
        Find(3, Outcome.NotReceivedDeceased);
        Find(6, Outcome.ReceivedDeceased);
        Find(7, Outcome.NotReceivedHandedIn);
        SuspiciousIssue Issue(int i)
        {
            var issue = SuspiciousIssue.Raise(rows[i - 1].Id, campaign.Id, rows[i - 1].VillageId, "查无此人(人户不符)", null, "v", Now);
            issue.TenantId = tenant;
            db.SuspiciousIssues.Add(issue);
            return issue;
        }
        var fraudIssue = Issue(1);
        Issue(4);
        Issue(1); // a second open issue on r1 counts the row once
        Issue(5).Close("已核实", "town", Now);
        await db.SaveChangesAsync();
        var fraud = FraudCase.Open(fraudIssue, 300m, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new DateOnly(2021, 6, 19), null, "town", CountyClock.At(Now));
        fraud.AddRecovery(100m, new DateOnly(2021, 6, 19), "town", CountyClock.At(Now));
        fraud.AddRecovery(50.50m, new DateOnly(2021, 6, 20), "town", CountyClock.At(Now));
        db.FraudCases.Add(fraud);
        await db.SaveChangesAsync();

        // 测试二村's cards: two in stock, one lost (the scenario's cards of 测试村 are left out of the hand count).
        var bank = await db.Banks.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        var protector = fixture.App.Services.GetRequiredService<Data.Protection.PersonalDataProtector>();
        var cards = Enumerable.Range(960_001, 3).Select(p => Testing.Scenario.StockCard(protector, b, bank, p, Now)).ToList();
        db.Cards.AddRange(cards);
        await db.SaveChangesAsync();
        cards[2].Move(Domain.Cards.CardState.Lost, new Domain.Cards.CardMove("t", "王五", Domain.Cards.CardMethod.Registration, Note: "遗失"), [], CountyClock.At(Now));
        await db.SaveChangesAsync();

        var villages = await StatisticsQueries.ProgressAsync(db, campaign.Id, default);
        Assert.Equal(new Progress(5, 3, 2, 0, 0, 1, 2, 1, 150.50m), villages[a.Id] with { StockCards = 0, LostCards = 0 });
        Assert.Equal(new Progress(2, 2, 0, 1, 1, 0, 0, 0, 0m, StockCards: 2, LostCards: 1), villages[b.Id]);
        Assert.Equal(new Progress(7, 5, 2, 1, 1, 1, 2, 1, 150.50m, StockCards: 2, LostCards: 1),
            Progress.Sum(villages.Values.Select(v => v == villages[a.Id] ? v with { StockCards = 0, LostCards = 0 } : v)));

        var verifiers = await StatisticsQueries.VerifierProgressAsync(db, campaign.Id, a.Id, default);
        // Each verifier's 疑点 are their own rows' (r1 for v1, r4 not yet given to anyone).
        Assert.Equal(new Progress(2, 2, 2, 0, 0, 0, 1, 0, 0m), verifiers[v1]);
        Assert.Equal(new Progress(1, 1, 0, 0, 0, 1, 0, 0, 0m), verifiers[v2]);
        Assert.Equal(new Progress(2, 0, 0, 0, 0, 0, 1, 0, 0m), verifiers[""]);
    }
}
