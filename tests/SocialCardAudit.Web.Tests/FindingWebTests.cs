using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>The verifier's finding over HTTP: rules, stale saves, double submits, history. Each test takes its own row of demo.verifier1's.</summary>
public sealed class FindingWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static string Visit(int hoursAgo = 1) => SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-hoursAgo).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private async Task<long> RowAsync(int index)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Enough rows for every test of this class: the rows of the village's other verifier go to demo.verifier1 too.
        var other = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == "demo.verifier1b").Select(u => u.Id).SingleAsync();
        await db.TaskRows.IgnoreQueryFilters().Where(r => r.VerifierId == other)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.VerifierId, fixture.Scenario.Verifier1Id));
        var rows = await db.TaskRows.IgnoreQueryFilters().Where(r => r.VerifierId == fixture.Scenario.Verifier1Id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        return rows[index];
    }

    private static Dictionary<string, string> InUse(int version, Guid? request = null) => new()
    {
        ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["VisitedAt"] = Visit(), ["Signature"] = "Self",
        ["Version"] = version.ToString(CultureInfo.InvariantCulture), ["RequestId"] = (request ?? Guid.NewGuid()).ToString(),
    };

    private async Task<List<VerificationVersion>> VersionsAsync(long row)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().VerificationVersions.IgnoreQueryFilters()
            .Where(v => v.TaskRowId == row).OrderBy(v => v.Version).ToListAsync();
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, long row, Dictionary<string, string> form) =>
        await client.PostFormAsync($"/rows/{row}/finding", await client.TokenAsync($"/rows/{row}/finding"), form);

    [Fact]
    public async Task The_form_shows_and_accepts_Beijing_time_whatever_the_server_s_zone()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(14);
        var page = await verifier.GetStringAsync($"/rows/{row}/finding");
        var prefilled = DateTime.ParseExact(System.Text.RegularExpressions.Regex.Match(page, "id=\"VisitedAt\"[^>]*value=\"([^\"]+)\"").Groups[1].Value,
            "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var beijing = DateTime.UtcNow.AddHours(8);
        Assert.InRange(prefilled, beijing.AddMinutes(-2), beijing.AddMinutes(1));

        // A visit a minute ago, typed as the verifier's watch shows it, is not "later than now".
        var form = InUse(0);
        form["VisitedAt"] = beijing.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(verifier, row, form)).StatusCode);

        // And the record's time is shown in Beijing time beside it.
        var shown = System.Text.RegularExpressions.Regex.Match(await verifier.GetStringAsync($"/rows/{row}/finding"), @"已于 (\d\d-\d\d \d\d:\d\d) 由").Groups[1].Value;
        var recorded = DateTime.ParseExact($"{beijing.Year}-{shown}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.InRange(recorded, beijing.AddMinutes(-2), beijing.AddMinutes(2));
    }

    [Fact]
    public async Task A_finding_that_contradicts_the_card_register_raises_an_issue_with_both_facts()
    {
        await RowAsync(0); // gives demo.verifier1 every row of the village
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = (await db.TaskRows.IgnoreQueryFilters().Where(r => r.VerifierId == fixture.Scenario.Verifier1Id).OrderBy(r => r.Id).ToListAsync()).Skip(15).ToList(); // clear of the other tests' rows
        var cards = await db.Cards.IgnoreQueryFilters().Where(c => c.State == Domain.Cards.CardState.InStock).Select(c => new { c.IdNumberHash, c.CardNumberMasked }).ToListAsync();
        var (row, card) = rows.SelectMany(r => cards.Where(c => c.IdNumberHash.SequenceEqual(r.IdNumberHash)).Select(c => (r, c))).First();

        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(verifier, row.Id, InUse(0))).StatusCode); // 本人已领, yet the card is in stock

        var issue = await db.SuspiciousIssues.IgnoreQueryFilters().SingleAsync(i => i.TaskRowId == row.Id && i.Source == IssueSource.Register);
        Assert.Contains("本人已领·正常使用", issue.Details, StringComparison.Ordinal);
        Assert.Contains("库存", issue.Details, StringComparison.Ordinal);
        Assert.Contains(card.CardNumberMasked, issue.Details, StringComparison.Ordinal);
        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains("台账比对", await town.GetStringAsync("/issues"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_names_every_error_in_one_round()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(16);
        var response = await SaveAsync(verifier, row, new() { ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(), ["Phone"] = "", ["VisitedAt"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var expected = new Dictionary<string, string>
        {
            ["Outcome"] = FindingRules.Messages.OutcomeMissing, ["Phone"] = FindingRules.Messages.PhoneMissing,
            ["VisitedAt"] = FindingRules.Messages.VisitMissing, ["Signature"] = FindingRules.Messages.SignatureMissing,
        };
        foreach (var (field, message) in expected)
        {
            Assert.Contains($"data-field=\"{field}\">{System.Net.WebUtility.HtmlEncode(message)}</a>", page, StringComparison.Ordinal);
        }
        Assert.Empty(await VersionsAsync(row));
    }

    [Fact]
    public async Task A_photo_over_its_limit_gets_the_reason_in_Chinese_at_the_photo()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(17);
        var token = await verifier.TokenAsync($"/rows/{row}/finding");
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in InUse(0))
        {
            form.Add(new StringContent(v), k);
        }
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(new byte[5 * 1024 * 1024]), "Photo", "sheet.jpg");
        var response = await verifier.PostAsync($"/rows/{row}/finding", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode); // the form says the photo's own limit at the photo
        Assert.Contains("照片过大(5120 KB,上限 600 KB)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(row));
        // Over the limit of every request: UploadLimitTests, on an app whose limit is small enough to reach.
    }

    [Fact]
    public async Task Each_outcome_is_saved_with_what_it_requires()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var forms = new[]
        {
            InUse(0),
            new Dictionary<string, string>(InUse(0)) { ["Outcome"] = "ReceivedDeceased", ["DeclaredToCounty"] = "true", ["Signature"] = "Proxy", ["ProxyName"] = "李四", ["ProxyRelation"] = "儿子" },
            new Dictionary<string, string>(InUse(0)) { ["Outcome"] = "NotReceivedHandedIn", ["HandedInTo"] = "Bank", ["HandedInBank"] = "邮政银行", ["HandedInDate"] = "2021-06-01" },
            new Dictionary<string, string>(InUse(0)) { ["Outcome"] = "NotReceivedDeceased", ["DeathDate"] = "2021-01-05", ["CardWhereabouts"] = "已交镇社会事业综合服务中心", ["Signature"] = "Proxy", ["ProxyName"] = "王芳", ["ProxyRelation"] = "配偶" },
        };
        for (var i = 0; i < forms.Length; i++)
        {
            var row = await RowAsync(i);
            var response = await SaveAsync(verifier, row, forms[i]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"form {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Single(await VersionsAsync(row));
        }
        var last = await VersionsAsync(await RowAsync(3));
        Assert.Equal(Outcome.NotReceivedDeceased, last[0].Finding.Outcome);
        Assert.Equal("已交镇社会事业综合服务中心", last[0].Finding.CardWhereabouts);
        Assert.Contains("已核查", await verifier.GetStringAsync("/my/tasks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_or_incomplete_form_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(4);
        var cases = new (Dictionary<string, string> Form, string Message)[]
        {
            (new(InUse(0)) { ["Outcome"] = "9" }, "“9”格式不正确"),
            (new(InUse(0)) { ["Outcome"] = "" }, "请选择核查结果(四项之一)"),
            (new(InUse(0)) { ["Outcome"] = "NotReceivedDeceased", ["DeathDate"] = "2099-01-01", ["CardWhereabouts"] = "由其子保管", ["Signature"] = "Proxy", ["ProxyName"] = "李四", ["ProxyRelation"] = "儿子" }, "去世时间不能晚于上门核查时间"),
            (new(InUse(0)) { ["Outcome"] = "NotReceivedDeceased", ["DeathDate"] = "2021-01-01", ["CardWhereabouts"] = "不知道" }, "已去世人员须由直系亲属或法定监护人代为签名"),
            (new(InUse(0)) { ["Signature"] = "Proxy", ["ProxyName"] = "张三", ["ProxyRelation"] = "邻居" }, "代签人只能是直系亲属或监护人"),
            (new(InUse(0)) { ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) }, "不能晚于现在"),
        };
        foreach (var (form, message) in cases)
        {
            var response = await SaveAsync(verifier, row, form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Contains(message, StringComparison.Ordinal), message + " not in: " + string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(body, "field-error[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)));
        }
        Assert.Empty(await VersionsAsync(row));
    }

    [Fact]
    public async Task A_save_without_the_version_token_is_refused()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(5);
        var form = InUse(0);
        form.Remove("Version");
        var response = await SaveAsync(verifier, row, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("表单缺少版本号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(row));
    }

    [Fact]
    public async Task Of_two_saves_from_the_same_version_one_wins_and_the_other_is_shown_the_newer_finding()
    {
        var phoneA = await fixture.App.SignedInAsync("demo.verifier1");
        var phoneB = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(6);
        var first = await SaveAsync(phoneA, row, new(InUse(0)) { ["Outcome"] = "NotReceivedHandedIn", ["HandedInTo"] = "TownCentre", ["HandedInDate"] = "2021-06-10" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await SaveAsync(phoneB, row, InUse(0));
        var html = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("未保存:核查结果已被更新", html, StringComparison.Ordinal);
        // Both versions side by side: the newer one, and what this phone sent, unsaved.
        var newer = System.Text.RegularExpressions.Regex.Match(html, "id=\"newer\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var yours = System.Text.RegularExpressions.Regex.Match(html, "id=\"yours\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<dd data-field=\"Outcome\">本人未领·已经上交</dd>", newer, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"Outcome\">本人已领·正常使用</dd>", yours, StringComparison.Ordinal);
        Assert.Contains("王志强", html, StringComparison.Ordinal); // who made the newer one
        Assert.Single(await VersionsAsync(row));
    }

    [Fact]
    public async Task The_same_request_sent_twice_records_once()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(7);
        var request = Guid.NewGuid();
        var first = await SaveAsync(verifier, row, InUse(0, request));
        var resend = await SaveAsync(verifier, row, InUse(0, request));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Contains("已经保存过,未重复记录", await verifier.GetStringAsync(resend.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync(row));
    }

    [Fact]
    public async Task Every_change_keeps_the_previous_version_and_the_clerk_sees_who_changed_what()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(8);
        await SaveAsync(verifier, row, InUse(0));
        var changed = await SaveAsync(verifier, row, new(InUse(1)) { ["Phone"] = "13911112222", ["Note"] = "换了号码" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var versions = await VersionsAsync(row);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("13800138000", versions[0].Finding.Phone);
        Assert.Contains("联系电话:13800138000 → 13911112222", versions[1].Changes, StringComparison.Ordinal);

        var clerkView = await (await fixture.App.SignedInAsync("demo.clerk1")).GetStringAsync($"/rows/{row}");
        Assert.Contains("第 2 版", clerkView, StringComparison.Ordinal);
        Assert.Contains("王志强:联系电话:13800138000 → 13911112222", clerkView, StringComparison.Ordinal);
        Assert.Contains("首次记录:本人已领·正常使用", clerkView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_to_do_and_done_and_finds_by_the_last_digits()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(9);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var masked = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TaskRows.IgnoreQueryFilters()
            .Where(r => r.Id == row).Select(r => r.IdNumberMasked).SingleAsync();
        var found = await verifier.GetStringAsync($"/my/tasks?q={masked[^4..]}");
        Assert.Contains(masked, found, StringComparison.Ordinal);

        await SaveAsync(verifier, row, InUse(0));
        Assert.DoesNotContain($"/rows/{row}/finding\"", await verifier.GetStringAsync("/my/tasks?status=todo"), StringComparison.Ordinal);
        Assert.Contains($"/rows/{row}/finding\"", await verifier.GetStringAsync("/my/tasks?status=done"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clerk_sees_the_village_progress_by_verifier_and_by_group()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        await SaveAsync(verifier, await RowAsync(10), InUse(0));
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var html = await clerk.GetStringAsync($"/campaigns/{fixture.Scenario.Own.CampaignId}/villages/{fixture.Scenario.Own.UnitId}/rows");
        var byVerifier = html[html.IndexOf("id=\"by-verifier\"", StringComparison.Ordinal)..html.IndexOf("id=\"by-group\"", StringComparison.Ordinal)];
        Assert.Matches(@"王志强</td>\s*<td data-label=""任务"">\d+</td>\s*<td data-label=""已核查"">[1-9]", byVerifier);
        Assert.Contains("第一居民小组", html[html.IndexOf("id=\"by-group\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SaveMultipartAsync(HttpClient client, long row, Dictionary<string, string> form, byte[]? photo)
    {
        var token = await client.TokenAsync($"/rows/{row}/finding");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in form)
        {
            content.Add(new StringContent(v), k);
        }
        if (photo is not null)
        {
            content.Add(new ByteArrayContent(photo), "Photo", "sheet.jpg");
        }
        return await client.PostAsync($"/rows/{row}/finding", content);
    }

    [Fact]
    public async Task A_photo_is_kept_encrypted_with_the_finding_and_shown_to_the_clerk_and_its_viewing_recorded()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(11);
        var saved = await SaveMultipartAsync(verifier, row, InUse(0), Scenario.TinyPng);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var versions = await VersionsAsync(row);
        var attachmentId = Assert.Single(versions).Finding.AttachmentId;
        Assert.NotNull(attachmentId);
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Contains($"/rows/{row}/attachments/{attachmentId}", await clerk.GetStringAsync($"/rows/{row}"), StringComparison.Ordinal);
        var image = await clerk.GetAsync($"/rows/{row}/attachments/{attachmentId}");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Scenario.TinyPng, await image.Content.ReadAsByteArrayAsync());

        // Saving again without a new picture keeps it.
        await SaveMultipartAsync(verifier, row, new(InUse(1)) { ["Note"] = "补充说明" }, null);
        Assert.Equal(attachmentId, (await VersionsAsync(row))[^1].Finding.AttachmentId);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FindingAttachments.IgnoreQueryFilters().SingleAsync(a => a.Id == attachmentId);
        Assert.False(stored.Cipher.AsSpan().IndexOf(Scenario.TinyPng.AsSpan(0, 16)) >= 0); // not stored as it came
    }

    [Fact]
    public async Task A_non_image_or_oversized_upload_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(12);
        var notImage = await SaveMultipartAsync(verifier, row, InUse(0), System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 not a photo"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notImage.StatusCode);
        Assert.Contains("只能上传照片(JPEG 或 PNG 格式)", await notImage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var big = new byte[700 * 1024];
        Scenario.TinyPng.CopyTo(big, 0);
        var oversized = await SaveMultipartAsync(verifier, row, InUse(0), big);
        Assert.Contains("照片过大", await oversized.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badDrawing = await SaveMultipartAsync(verifier, row, new(InUse(0)) { ["DrawnSignature"] = "data:image/png;base64,!!!" }, null);
        Assert.Contains("手写签名无效", await badDrawing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(row));
    }

    [Fact]
    public async Task Once_the_village_is_signed_findings_are_read_only_until_the_town_returns_it()
    {
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var row = await RowAsync(13);
        long submissionId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var submission = new Domain.SignOff.VillageSubmission { TenantId = (await db.Tenants.SingleAsync(t => t.Code == "demo")).Id, CampaignId = fixture.Scenario.Own.CampaignId, VillageId = fixture.Scenario.Own.UnitId };
            submission.Submit([], new Dictionary<long, string>(), new string('a', 64), "clerk", DateTime.UtcNow);
            db.VillageSubmissions.Add(submission);
            await db.SaveChangesAsync();
            submissionId = submission.Id;
        }

        var locked = await SaveAsync(verifier, row, InUse(0));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("暂不能修改", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(row));

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var submission = await db.VillageSubmissions.IgnoreQueryFilters().Include(v => v.Steps).SingleAsync(v => v.Id == submissionId);
            submission.Return("请核对", new Dictionary<long, string>(), new HashSet<long>(), "town", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(verifier, row, InUse(0))).StatusCode);
    }
}
