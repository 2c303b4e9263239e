using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.Web.Tests;

public sealed partial class SignOffWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private string Page => $"/campaigns/{fixture.Scenario.Own.CampaignId}/villages/{fixture.Scenario.Own.UnitId}";

    [GeneratedRegex(@"name=""reasons\[(\d+)\]""")]
    private static partial Regex OpenRow();

    [GeneratedRegex(@"<b id=""submission-state"">([^<]+)</b>")]
    private static partial Regex State();

    /// <summary>The count on a home page's work-queue tile.</summary>
    internal static int Queue(string home, string id) =>
        int.Parse(Regex.Match(home, $@"id=""queue-{id}""[^>]*><b class=""count"">(\d+)</b>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_county_s_overdue_tile_counts_the_villages_of_ended_campaigns_not_done_or_not_approved()
    {
        int expected;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var system = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
            await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenant));
            var today = Domain.Organization.CountyClock.BeijingTime.Today;
            var villages = await db.TaskRows
                .Where(r => db.Campaigns.Any(c => c.Id == r.CampaignId && c.ClosedAtUtc == null && c.EndDate < today))
                .Select(r => new { r.CampaignId, r.VillageId, Open = !db.VerificationRecords.Any(v => v.TaskRowId == r.Id) })
                .ToListAsync();
            var approved = await db.VillageSubmissions.Where(v => v.State == Domain.SignOff.SubmissionState.Approved).Select(v => new { v.CampaignId, v.VillageId }).ToListAsync();
            expected = villages.GroupBy(v => new { v.CampaignId, v.VillageId })
                .Count(g => g.Any(v => v.Open) || !approved.Contains(g.Key));
        }
        Assert.True(expected > 0, "the demo county has no overdue village to count");
        var county = await fixture.App.SignedInAsync("demo.county");
        Assert.Equal(expected, Queue(await county.GetStringAsync("/"), "overdue"));
    }

    private async Task<string> StateAsync(HttpClient client) => State().Match(await client.GetStringAsync(Page + "/signoff")).Groups[1].Value;

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, Dictionary<string, string> form) =>
        await client.PostFormAsync($"{Page}/{action}", await client.TokenAsync(Page + "/signoff"), form);

    [Fact]
    public async Task Submit_return_resubmit_approve_verify_tamper_and_reopen()
    {
        // One finding in the village, so the signature covers a finding.
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = fixture.Scenario.Own.RowId;
        var findingPage = $"/rows/{row}/finding";
        var saved = await verifier.PostFormAsync(findingPage, await verifier.TokenAsync(findingPage), new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["Signature"] = "Self", ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var signoff = await clerk.GetStringAsync(Page + "/signoff");
        Assert.Equal("进行中", State().Match(signoff).Groups[1].Value);
        var open = OpenRow().Matches(signoff).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(open);

        await PostAsync(clerk, "submit", new() { ["password"] = "wrong-password1" });
        Assert.Contains("密码不正确,未签字", await clerk.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        await PostAsync(clerk, "submit", new() { ["password"] = DemoData.Password });
        Assert.Contains($"还有 {open.Count} 人未核查且未说明原因", await clerk.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        Assert.Equal("进行中", await StateAsync(clerk));

        // Each person's own reason for the first one, one reason for all the rest.
        var form = new Dictionary<string, string> { [$"reasons[{open[0]}]"] = "长期住院", ["reasonForRest"] = "外出务工", ["password"] = DemoData.Password };
        await PostAsync(clerk, "submit", form);
        Assert.Equal("已提交", await StateAsync(clerk));

        var town = await fixture.App.SignedInAsync("demo.town");
        var review = await town.GetStringAsync(Page + "/signoff");
        Assert.Contains("id=\"open-reasons\"", review, StringComparison.Ordinal); // the town reads why each was left
        Assert.Contains("长期住院", review, StringComparison.Ordinal);
        Assert.Equal(open.Count - 1, Regex.Matches(review, "</code>:外出务工</li>").Count);
        Assert.Contains("迎丰社区已签字提交分类统计表,待审核。", await town.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("核验通过", await town.GetStringAsync(Page + "/signoff/verify"), StringComparison.Ordinal);
        // Nothing to say is refused; a person of another village cannot be named; a reason per person reaches the verifier.
        await PostAsync(town, "return", new() { ["reason"] = " " });
        Assert.Contains("请写明退回原因", await town.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        await PostAsync(town, "return", new() { [$"rows[{fixture.Scenario.SiblingVillage.RowId}]"] = "不是本村的人" });
        Assert.Contains("退回的人员不属于本村", await town.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        Assert.Equal("已提交", await StateAsync(town));
        // The list: people ticked get the one reason written for the selection, unless they have their own.
        var ticked = new FormUrlEncodedContent([new("selected", open[0].ToString()), new("selected", open[1].ToString()), new("__RequestVerificationToken", await town.TokenAsync(Page + "/signoff"))]);
        await town.PostAsync($"{Page}/return", ticked);
        Assert.Contains("已选中 2 人但没有写原因", await town.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        var selection = new List<KeyValuePair<string, string>>
        {
            new("reason", "请核对第一居民小组"), new($"rows[{row}]", "联系电话有误"), new("selected", row.ToString()),
            new("selected", open[0].ToString()), new("selected", open[1].ToString()), new("selectionReason", "请补充未核查原因的证明"),
            new("__RequestVerificationToken", await town.TokenAsync(Page + "/signoff")),
        };
        await town.PostAsync($"{Page}/return", new FormUrlEncodedContent(selection));
        Assert.Equal("退回", await StateAsync(town));
        var named = await town.GetStringAsync(Page + "/signoff");
        Assert.Equal(2, Regex.Matches(named, "</code>:请补充未核查原因的证明</li>").Count);
        Assert.Single(Regex.Matches(named, "</code>:联系电话有误</li>")); // its own reason is kept
        Assert.Contains("分类统计表已被镇退回:请核对第一居民小组", await clerk.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("联系电话有误", await clerk.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal);
        Assert.Contains("镇退回:联系电话有误", await verifier.GetStringAsync("/my/tasks"), StringComparison.Ordinal);
        // The verifier's queue and filter: the rows of theirs the town named, and only those.
        var returnedList = await verifier.GetStringAsync("/my/tasks?status=returned");
        var listed = Regex.Matches(returnedList, "<li>").Count;
        Assert.InRange(listed, 1, 3);
        Assert.Equal(listed, Regex.Matches(returnedList, "class=\"tag warn returned\"").Count);
        Assert.Equal(listed, Queue(await verifier.GetStringAsync("/"), "returned"));
        Assert.Contains($"/rows/{row}/finding", returnedList, StringComparison.Ordinal);
        Assert.Equal(1, Queue(await clerk.GetStringAsync("/"), $"returned-{fixture.Scenario.Own.CampaignId}"));

        // The verifier corrects the phone; the town's next review shows that change since the first signature.
        var corrected = await verifier.PostFormAsync(findingPage, await verifier.TokenAsync(findingPage), new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13700137000", ["Signature"] = "Self", ["Version"] = "1", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Contains("13700137000", await clerk.GetStringAsync(Page + "/signoff"), StringComparison.Ordinal); // the clerk sees it too before signing again

        // After the return the clerk's reasons are there again, not to be retyped; signing again with them as they are.
        var again = await clerk.GetStringAsync(Page + "/signoff");
        Assert.Contains($"name=\"reasons[{open[1]}]\" maxlength=\"100\" placeholder=\"未核查原因\" value=\"外出务工\"", again, StringComparison.Ordinal);
        form = open.ToDictionary(id => $"reasons[{id}]", id => id == open[0] ? "长期住院" : "外出务工");
        form["password"] = DemoData.Password;
        await PostAsync(clerk, "submit", form);
        var changes = Regex.Match(await town.GetStringAsync(Page + "/signoff"), "<section class=\"card\" id=\"changes\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("联系电话:13800138000 → 13700137000", changes, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(changes, "<tr><td>"));
        await PostAsync(town, "approve", new());
        Assert.Equal("已提交", await StateAsync(town)); // no password, no signature
        await PostAsync(town, "approve", new() { ["password"] = DemoData.Password });
        Assert.Equal("镇已审核", await StateAsync(town));
        Assert.Contains("核验通过", await town.GetStringAsync(Page + "/signoff/verify"), StringComparison.Ordinal);

        // The clerk's reasons for the unverified are part of what was signed: changing one in the database is caught.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "ReturnedRows" SET "Reason" = '已上门' WHERE "Reason" = '长期住院'""");
            Assert.Contains("核验不通过", await town.GetStringAsync(Page + "/signoff/verify"), StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "ReturnedRows" SET "Reason" = '长期住院' WHERE "Reason" = '已上门'""");
        }
        Assert.Contains("核验通过", await town.GetStringAsync(Page + "/signoff/verify"), StringComparison.Ordinal);

        // Signed: the verifier cannot change the finding through the system ...
        var locked = await verifier.PostFormAsync(findingPage, await verifier.TokenAsync(findingPage), new()
        {
            ["Outcome"] = "ReceivedInUse", ["Phone"] = "13900000000", ["Signature"] = "Self", ["Version"] = "1", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);

        // ... and a change made around it, straight in the database, is caught by the verification.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "VerificationRecords" SET "Phone" = '13911111111' WHERE "TaskRowId" = {row}""");
        }
        Assert.Contains("核验不通过", await town.GetStringAsync(Page + "/signoff/verify"), StringComparison.Ordinal);

        await PostAsync(town, "reopen", new() { ["reason"] = "核实数据库改动" });
        Assert.Equal("进行中", await StateAsync(town));
        var steps = await town.GetStringAsync(Page + "/signoff");
        Assert.Contains("核实数据库改动", steps, StringComparison.Ordinal);
        Assert.Contains("请核对第一居民小组", steps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_town_total_is_signed_only_when_every_village_is_approved()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var statistics = $"/campaigns/{fixture.Scenario.Own.CampaignId}/statistics";
        await town.PostFormAsync(statistics + "/sign", await town.TokenAsync(statistics), new() { ["password"] = DemoData.Password });
        var refused = await town.GetStringAsync(statistics);
        Assert.Contains("还有村(社区)未经镇审核,不能签署全镇汇总", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"flash-error\"", refused, StringComparison.Ordinal); // a refusal, not in the green of a success
        Assert.DoesNotContain("id=\"town-signature\"", refused, StringComparison.Ordinal);
        // Before any attempt the page says why the button is off.
        Assert.Contains("id=\"town-sign-blocked\"", refused, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"plain\" disabled=\"disabled\">", refused, StringComparison.Ordinal);

        // demo2's campaign covers one village: its clerk submits, its town approves, then signs the total.
        var d2 = fixture.Scenario.OtherTenant;
        var page = $"/campaigns/{d2.CampaignId}/villages/{d2.UnitId}";
        var clerk = await fixture.App.SignedInAsync("demo2.clerk1");
        var open = OpenRow().Matches(await clerk.GetStringAsync(page + "/signoff")).Select(m => m.Groups[1].Value);
        var form = open.ToDictionary(id => $"reasons[{id}]", _ => "联系不上");
        form["password"] = DemoData.Password;
        await clerk.PostFormAsync(page + "/submit", await clerk.TokenAsync(page + "/signoff"), form);
        var town2 = await fixture.App.SignedInAsync("demo2.town");
        await town2.PostFormAsync(page + "/approve", await town2.TokenAsync(page + "/signoff"), new() { ["password"] = DemoData.Password });
        var statistics2 = $"/campaigns/{d2.CampaignId}/statistics";
        await town2.PostFormAsync(statistics2 + "/sign", await town2.TokenAsync(statistics2), new() { ["password"] = DemoData.Password });
        Assert.Contains("全镇汇总已由 郑洁", await town2.GetStringAsync(statistics2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_classified_summary_lists_each_category_with_masked_numbers()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var rows = await (await fixture.App.SignedInAsync("demo.verifier1")).GetStringAsync("/my/tasks?status=todo");
        var row = Regex.Match(rows, @"/rows/(\d+)/finding").Groups[1].Value;
        var findingPage = $"/rows/{row}/finding";
        await verifier.PostFormAsync(findingPage, await verifier.TokenAsync(findingPage), new()
        {
            ["Outcome"] = "NotReceivedHandedIn", ["HandedInTo"] = "TownCentre", ["HandedInDate"] = "2021-06-10", ["Phone"] = "13800138000",
            ["Signature"] = "Fingerprint", ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        var html = await (await fixture.App.SignedInAsync("demo.town")).GetStringAsync(Page + "/summary");
        Assert.Contains("类别:本人未领·已经上交(", html, StringComparison.Ordinal);
        Assert.Contains("类别:本人未领·已经去世(0 人)", html, StringComparison.Ordinal);
        Assert.Contains("********", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{17}[\dX]", html);
    }
}
