using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

public sealed class IssueWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private async Task<long> Verifier1RowAsync(int index)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TaskRows.IgnoreQueryFilters()
            .Where(r => r.VerifierId == fixture.Scenario.Verifier1Id).OrderBy(r => r.Id).Select(r => r.Id).Skip(index).FirstAsync();
    }

    [Fact]
    public async Task Import_flags_are_in_the_town_queue_with_the_others()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var html = await town.GetStringAsync("/issues");
        Assert.Contains("导入校验", html, StringComparison.Ordinal);
        Assert.Contains("校验位不符", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag\">导入</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifier_raises_an_issue_the_town_answers_and_closes_it_with_a_resolution()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await Verifier1RowAsync(0);
        var form = $"/rows/{row}/issues/new";

        var vague = await verifier.PostFormAsync($"/rows/{row}/issues", await verifier.TokenAsync(form), new() { ["Reason"] = "其他" });
        Assert.Contains("疑点类型为“其他”时,请写明情况", await vague.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var raised = await verifier.PostFormAsync($"/rows/{row}/issues", await verifier.TokenAsync(form),
            new() { ["Reason"] = "卡片在他人手中", ["Details"] = "卡由邻居保管" });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var issuePage = raised.Headers.Location!.OriginalString;
        Assert.Contains($"/rows/{row}/finding\"", await verifier.GetStringAsync("/my/tasks?status=flagged"), StringComparison.Ordinal);

        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains("卡由邻居保管", await town.GetStringAsync("/issues"), StringComparison.Ordinal);
        await town.PostFormAsync(issuePage + "/comments", await town.TokenAsync(issuePage), new() { ["text"] = "请村里核实卡的去向" });
        var noResolution = await town.PostFormAsync(issuePage + "/close", await town.TokenAsync(issuePage), new() { ["resolution"] = " " });
        Assert.Contains("请填写处理结果", await noResolution.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostFormAsync(issuePage + "/close", await clerk.TokenAsync(issuePage), new() { ["resolution"] = "x" })).StatusCode);

        var closed = await town.PostFormAsync(issuePage + "/close", await town.TokenAsync(issuePage), new() { ["resolution"] = "已追回卡片交还本人" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await verifier.GetStringAsync(issuePage);
        Assert.Contains("<dd id=\"issue-status\">已处理</dd>", page, StringComparison.Ordinal);
        Assert.Contains("已追回卡片交还本人", page, StringComparison.Ordinal);
        Assert.Contains("刘芳:请村里核实卡的去向", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/rows/{row}/finding\"", await verifier.GetStringAsync("/my/tasks?status=flagged"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_town_registers_a_fraud_case_and_records_recoveries_until_all_is_back()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await Verifier1RowAsync(1);
        var raised = await verifier.PostFormAsync($"/rows/{row}/issues", await verifier.TokenAsync($"/rows/{row}/issues/new"),
            new() { ["Reason"] = "去世后仍有用卡记录", ["Details"] = "2020 年去世,2021 年仍有取款" });
        var issue = raised.Headers.Location!.OriginalString;

        var town = await fixture.App.SignedInAsync("demo.town");
        var form = issue + "/fraud-case/new";
        var opened = await town.PostFormAsync(issue + "/fraud-case", await town.TokenAsync(form), new()
        {
            ["AmountClaimed"] = "3600.00", ["PeriodFrom"] = "2020-03-01", ["PeriodTo"] = "2021-02-28", ["ReportedOn"] = "2021-06-18",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var casePage = opened.Headers.Location!.OriginalString;

        var today = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await town.PostFormAsync(casePage + "/recoveries", await town.TokenAsync(casePage), new() { ["amount"] = "1000", ["recoveredOn"] = today });
        Assert.Contains("<dd id=\"case-status\">追缴中", await town.GetStringAsync(casePage), StringComparison.Ordinal);

        var tooMuch = await town.PostFormAsync(casePage + "/recoveries", await town.TokenAsync(casePage), new() { ["amount"] = "5000", ["recoveredOn"] = today });
        Assert.Contains("超过尚未追回的 2600.00 元", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await town.PostFormAsync(casePage + "/recoveries", await town.TokenAsync(casePage), new() { ["amount"] = "2600", ["recoveredOn"] = today });
        var done = await town.GetStringAsync(casePage);
        Assert.Contains("<dd id=\"case-status\">已追回", done, StringComparison.Ordinal);
        Assert.Contains("3600.00 元(尚欠 0.00 元)", done, StringComparison.Ordinal);

        var clerkView = await (await fixture.App.SignedInAsync("demo.clerk1")).GetStringAsync(casePage);
        Assert.Contains("已追回", clerkView, StringComparison.Ordinal);
        Assert.DoesNotContain("记录追回", clerkView, StringComparison.Ordinal);
        var county = await (await fixture.App.SignedInAsync("demo.county")).GetStringAsync("/fraud-cases");
        Assert.Contains("已追回", county, StringComparison.Ordinal);
    }
}
