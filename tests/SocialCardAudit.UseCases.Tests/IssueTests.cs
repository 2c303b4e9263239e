using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Issues;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>疑点 and fraud cases, answered and followed up as the pages call them, on a real database file.</summary>
public sealed class IssueTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    /// <summary>A 疑点 raised by demo.verifier1 on one of its rows, and a fraud case opened from another.</summary>
    private async Task<(long Issue, long Case, Actor Verifier)> RaisedAsync()
    {
        var verifier = await demo.ActorAsync("demo.verifier1");
        await using var db = demo.Db(verifier.Scope.TenantId);
        var rows = await db.TaskRows.Where(Access.Access.AssignedTo(verifier.Scope, verifier.UserId)).OrderBy(r => r.Id).Take(2).ToListAsync();
        var issues = rows.Select(r =>
        {
            var issue = SuspiciousIssue.Raise(r.Id, r.CampaignId, r.VillageId, SuspiciousIssue.Reasons[1], "卡在邻居手里", verifier.UserId, DateTime.UtcNow);
            issue.TenantId = r.TenantId;
            return issue;
        }).ToList();
        db.SuspiciousIssues.AddRange(issues);
        await db.SaveChangesAsync();
        var today = CountyClock.BeijingTime.Today;
        var fraud = FraudCase.Open(issues[1], 1200m, today.AddMonths(-6), today.AddMonths(-1), today, null, "town", CountyClock.BeijingTime);
        fraud.TenantId = verifier.Scope.TenantId;
        db.FraudCases.Add(fraud);
        await db.SaveChangesAsync();
        return (issues[0].Id, fraud.Id, verifier);
    }

    [Fact]
    public async Task The_verifier_and_town_answer_only_the_town_closes_and_a_closed_one_takes_no_more()
    {
        var (issue, _, verifier) = await RaisedAsync();
        var town = await demo.ActorAsync("demo.town");
        var county = await demo.ActorAsync("demo.county");
        var otherVillage = await demo.ActorAsync("demo.clerk2");
        await using var db = demo.Db(verifier.Scope.TenantId);

        Assert.Equal(Status.Refused, (await new CommentOnIssue(db, TimeProvider.System).HandleAsync(verifier, issue, " ", default)).Status);
        Assert.Equal(Status.Done, (await new CommentOnIssue(db, TimeProvider.System).HandleAsync(verifier, issue, "已找到持卡人", default)).Status);
        Assert.Equal(Result.Denied, await new CommentOnIssue(db, TimeProvider.System).HandleAsync(county, issue, "县里看看", default)); // the county supervises
        Assert.Equal(Result.Denied, await new CommentOnIssue(db, TimeProvider.System).HandleAsync(otherVillage, issue, "不是本村", default));
        Assert.Equal(Result.Denied, await new CloseIssue(db, TimeProvider.System).HandleAsync(verifier, issue, "已处理", default));
        Assert.Equal(Result.NotFound, await new CloseIssue(db, TimeProvider.System).HandleAsync(town, long.MaxValue, "已处理", default));
        Assert.Equal(Status.Done, (await new CloseIssue(db, TimeProvider.System).HandleAsync(town, issue, "卡片已交还本人", default)).Status);
        Assert.Equal(Result.Denied, await new CommentOnIssue(db, TimeProvider.System).HandleAsync(verifier, issue, "补充", default));

        await using var check = demo.Db(verifier.Scope.TenantId);
        var closed = await check.SuspiciousIssues.Include(i => i.Comments).SingleAsync(i => i.Id == issue);
        Assert.False(closed.IsOpen);
        Assert.Equal("卡片已交还本人", closed.Resolution);
        Assert.Equal(["已找到持卡人"], closed.Comments.Select(c => c.Text));
    }

    [Fact]
    public async Task Only_the_town_records_recoveries_and_refers_a_case_within_the_domain_s_rules()
    {
        var (_, fraud, verifier) = await RaisedAsync();
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(verifier.Scope.TenantId);
        Assert.Equal(Result.Denied, await new RecordRecovery(db, TimeProvider.System).HandleAsync(verifier, fraud, 100m, CountyClock.BeijingTime.Today, default));
        Assert.Equal(Status.Refused, (await new RecordRecovery(db, TimeProvider.System).HandleAsync(town, fraud, 0m, CountyClock.BeijingTime.Today, default)).Status);
        Assert.Equal(Status.Done, (await new RecordRecovery(db, TimeProvider.System).HandleAsync(town, fraud, 500m, CountyClock.BeijingTime.Today, default)).Status);
        Assert.Equal(Status.Refused, (await new ReferFraudCase(db, TimeProvider.System).HandleAsync(town, fraud, CountyClock.BeijingTime.Today.AddDays(3), default)).Status);
        Assert.Equal(Status.Done, (await new ReferFraudCase(db, TimeProvider.System).HandleAsync(town, fraud, CountyClock.BeijingTime.Today, default)).Status);
        await using var check = demo.Db(verifier.Scope.TenantId);
        var referred = await check.FraudCases.Include(c => c.Recoveries).SingleAsync(c => c.Id == fraud);
        Assert.Equal(FraudStatus.Referred, referred.Status);
        Assert.Equal(500m, referred.Recovered);
    }

    [Fact]
    public async Task The_verifier_raises_a_疑点_on_its_own_row_and_the_town_opens_one_fraud_case_on_it()
    {
        var verifier = await demo.ActorAsync("demo.verifier1");
        await using var db = demo.Db(verifier.Scope.TenantId);
        var row = await db.TaskRows.Where(Access.Access.AssignedTo(verifier.Scope, verifier.UserId)).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
        var raise = new RaiseIssue(db, TimeProvider.System);
        Assert.Equal(Result.Denied, (await raise.HandleAsync(await demo.ActorAsync("demo.verifier2"), row, SuspiciousIssue.Reasons[1], null, default)).Result);
        Assert.Equal(Result.NotFound, (await raise.HandleAsync(verifier, long.MaxValue, SuspiciousIssue.Reasons[1], null, default)).Result);
        Assert.Equal(Status.Refused, (await raise.HandleAsync(verifier, row, "", null, default)).Result.Status);
        var (raised, issue) = await raise.HandleAsync(verifier, row, SuspiciousIssue.Reasons[1], "卡在邻居手里", default);
        Assert.Equal(Status.Done, raised.Status);

        var town = await demo.ActorAsync("demo.town");
        var open = new OpenFraudCase(db, TimeProvider.System);
        var today = CountyClock.BeijingTime.Today;
        var terms = new FraudCaseTerms(800m, today.AddMonths(-3), today.AddMonths(-1), today, null);
        Assert.Equal(Result.Denied, (await open.HandleAsync(await demo.ActorAsync("demo.county"), issue!.Id, terms, default)).Result);
        Assert.Equal(Result.Refused("请填写冒领金额、冒领期间和上报日期。"), (await open.HandleAsync(town, issue.Id, terms with { AmountClaimed = null }, default)).Result);
        var (opened, caseId) = await open.HandleAsync(town, issue.Id, terms, default);
        Assert.Equal(Result.Done("已登记冒领案件。"), opened);
        Assert.Equal(caseId, (await open.HandleAsync(town, issue.Id, terms, default)).CaseId); // a 疑点 has one case
        Assert.Equal(800m, (await demo.Db(town.Scope.TenantId).FraudCases.SingleAsync(c => c.Id == caseId)).AmountClaimed);
    }
}
