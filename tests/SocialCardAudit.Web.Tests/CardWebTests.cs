using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using UglyToad.PdfPig;

namespace SocialCardAudit.Web.Tests;

/// <summary>The card routes end to end on a real SQLite file: moves, custody, hand-overs, lost cards, 附件1 and the ledger.</summary>
public sealed partial class CardWebTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private int? _tenant;

    private async Task<AppDbContext> DbAsync()
    {
        var options = fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        if (_tenant is null)
        {
            await using var system = new AppDbContext(options, new FixedTenant(null));
            _tenant = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
        }
        return new AppDbContext(options, new FixedTenant(_tenant));
    }

    private static int _person = 950_000;

    /// <summary>A new card of 迎丰社区 in stock at the village, a different person each call.</summary>
    private async Task<Card> StockCardAsync()
    {
        await using var db = await DbAsync();
        var village = await db.OrgUnits.SingleAsync(u => u.Id == fixture.Scenario.Own.UnitId);
        var bank = await db.Banks.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var card = Scenario.StockCard(fixture.App.Services.GetRequiredService<SocialCardAudit.Data.Protection.PersonalDataProtector>(), village, bank,
            Interlocked.Increment(ref _person), DateTime.UtcNow);
        db.Cards.Add(card);
        await db.SaveChangesAsync();
        return card;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> form) =>
        await client.PostFormAsync(action, await client.TokenAsync(page), form);

    [GeneratedRegex(@"<div class=""errors""[^>]*><ul><li>([^<]+)</li>")]
    private static partial Regex Error();

    [Fact]
    public async Task A_custodian_gets_a_card_only_after_the_town_approves_the_clerks_request()
    {
        var card = await StockCardAsync();
        var page = $"/cards/{card.Id}";
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var issue = new Dictionary<string, string> { ["To"] = "Issued", ["Recipient"] = "Custodian", ["RecipientName"] = "张大山", ["Method"] = "InPerson", ["Responsible"] = "李四" };

        var refused = await PostAsync(clerk, page, page + "/move", new(issue));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("不能交给他人代管", Error().Match(body).Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("value=\"张大山\"", body, StringComparison.Ordinal); // what was typed is still there

        var today = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await PostAsync(clerk, page, page + "/authorisations", new() { ["group"] = "Minor", ["custodian"] = "张大山", ["reason"] = "持卡人年幼", ["from"] = today, ["to"] = until });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(clerk, page, page + "/move", new(issue))).StatusCode); // requested, not approved

        long authorisation;
        await using (var db = await DbAsync())
        {
            authorisation = await db.CustodyAuthorisations.Where(a => a.CardId == card.Id).Select(a => a.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(clerk, page, $"/authorisations/{authorisation}/approve", [])).StatusCode);
        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains("代管申请待审批:张大山", await town.GetStringAsync("/"), StringComparison.Ordinal);
        await PostAsync(town, page, $"/authorisations/{authorisation}/approve", []);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, page, page + "/move", new(issue))).StatusCode);
        await using (var db = await DbAsync())
        {
            var after = await db.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card.Id);
            Assert.Equal((CardState.Issued, Custody.WithCustodian("张大山")), (after.State, after.Custody));
            Assert.Equal((after.State, after.Custody), Card.Replay(after.Events));
        }
        Assert.Contains("代管人 张大山", await clerk.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_is_refused_unless_face_to_face_and_the_refusal_names_the_rule()
    {
        var card = await StockCardAsync();
        var page = $"/cards/{card.Id}";
        var town = await fixture.App.SignedInAsync("demo.town");
        await PostAsync(town, page, page + "/move", new() { ["To"] = "Issued", ["Recipient"] = "Holder", ["Method"] = "InPerson", ["Responsible"] = "王五" });
        var refused = await PostAsync(town, page, page + "/move", new() { ["To"] = "Activated", ["Method"] = "InPerson", ["Responsible"] = "王五" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("严禁非面签方式激活", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var illegal = await PostAsync(town, page, page + "/move", new() { ["To"] = "InStock", ["ToPlace"] = "town", ["Responsible"] = "王五" });
        Assert.Contains("该卡当前状态为“已发放”,不能", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(town, page, page + "/move", new() { ["To"] = "Activated", ["Method"] = "FaceToFace", ["Place"] = "农业银行梅田湖网点", ["Responsible"] = "王五" })).StatusCode);
        Assert.Contains("已激活", await town.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_moves_of_one_card_at_the_same_moment_one_wins_and_the_events_still_agree()
    {
        var card = await StockCardAsync();
        await using var first = await DbAsync();
        await using var second = await DbAsync();
        var a = await first.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card.Id);
        var b = await second.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card.Id);
        a.Move(CardState.Issued, new CardMove("u1", "甲", CardMethod.InPerson) { Recipient = Recipient.Holder }, [], CountyClock.At(DateTime.UtcNow));
        b.Move(CardState.Returned, new CardMove("u2", "乙", CardMethod.InPerson) { To = Custody.AtTown(2) }, [], CountyClock.At(DateTime.UtcNow));
        await first.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());

        await using var check = await DbAsync();
        var stored = await check.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card.Id);
        Assert.Equal(CardState.Issued, stored.State);
        Assert.Equal(stored.Version, stored.Events.Count);
        Assert.Equal((stored.State, stored.Custody), Card.Replay(stored.Events));

        // Through the web as well: two people issue the same card at once; one issue is recorded, the other is told
        // (by the version check if they overlap, by the lifecycle if one comes after the other).
        var other = await StockCardAsync();
        var page = $"/cards/{other.Id}";
        var town = await fixture.App.SignedInAsync("demo.town");
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var (t1, t2) = (await town.TokenAsync(page), await clerk.TokenAsync(page));
        await Task.WhenAll(
            town.PostFormAsync(page + "/move", t1, new() { ["To"] = "Issued", ["Recipient"] = "Holder", ["Method"] = "InPerson", ["Responsible"] = "王五" }),
            clerk.PostFormAsync(page + "/move", t2, new() { ["To"] = "Issued", ["Recipient"] = "Holder", ["Method"] = "InPerson", ["Responsible"] = "李四" }));
        await using var after = await DbAsync();
        var moved = await after.Cards.Include(c => c.Events).SingleAsync(c => c.Id == other.Id);
        Assert.Equal(2, moved.Events.Count); // registered, then exactly one of the two moves
        Assert.Equal((moved.State, moved.Custody), Card.Replay(moved.Events));
    }

    [Fact]
    public async Task A_hand_over_takes_the_clerk_and_the_town_and_a_disputed_card_ends_lost_when_missing()
    {
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var cards = new[] { await StockCardAsync(), await StockCardAsync(), await StockCardAsync() };
        var form = new Dictionary<string, string> { ["from"] = $"village:{fixture.Scenario.Own.UnitId}", ["to"] = $"town:{await TownAsync()}", ["sender"] = "李四" };
        var created = await clerk.PostAsync("/handovers", new FormUrlEncodedContent(
            form.Select(kv => kv).Concat(cards.Select(c => new KeyValuePair<string, string>("cardIds", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .Append(new("__RequestVerificationToken", await clerk.TokenAsync("/handovers/new")))));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;

        // The clerk cannot confirm their own hand-over; the town counts 2, ticks 3: refused; ticks 2: two arrive, one disputed.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(clerk, page, page + "/receive", new() { ["receiver"] = "李四", ["counted"] = "3" })).StatusCode);
        var town = await fixture.App.SignedInAsync("demo.town");
        Assert.Contains("李四移交的 3 张卡待清点接收", await town.GetStringAsync("/"), StringComparison.Ordinal);
        var token = await town.TokenAsync(page);
        var mismatch = await town.PostAsync(page + "/receive", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("receiver", "王五"), new("counted", "2"),
            .. cards.Select(c => new KeyValuePair<string, string>("cardIds", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))]));
        Assert.Contains("清点实收 2 张,但勾选了 3 张", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await town.PostAsync(page + "/receive", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("receiver", "王五"), new("counted", "2"),
            .. cards.Take(2).Select(c => new KeyValuePair<string, string>("cardIds", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))]));
        Assert.Contains("有争议", await town.GetStringAsync(page), StringComparison.Ordinal);

        await PostAsync(town, page, page + "/resolve", new() { ["cardId"] = cards[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["found"] = "false", ["note"] = "村里复查未找到" });
        Assert.Contains("争议已处理", await town.GetStringAsync(page), StringComparison.Ordinal);
        await using var db = await DbAsync();
        var states = await db.Cards.Where(c => cards.Select(x => x.Id).Contains(c.Id)).OrderBy(c => c.Id).Select(c => new { c.State, c.CustodianKind, c.HandoverId }).ToListAsync();
        Assert.Equal([CustodianKind.TownCentre, CustodianKind.TownCentre, CustodianKind.Village], states.Select(s => s.CustodianKind));
        Assert.Equal(CardState.Lost, states[2].State);
        Assert.All(states, s => Assert.Null(s.HandoverId));
    }

    private async Task<int> TownAsync()
    {
        await using var db = await DbAsync();
        return await db.OrgUnits.Where(u => u.Id == fixture.Scenario.Own.UnitId).Select(u => u.ParentId!.Value).SingleAsync();
    }

    [Fact]
    public async Task The_clerk_signs_a_lost_card_with_the_password_and_the_town_acknowledges_it()
    {
        var card = await StockCardAsync();
        var page = $"/cards/{card.Id}";
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var form = new Dictionary<string, string> { ["noticedOn"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["circumstances"] = "清点时缺少", ["password"] = "wrong-password1" };
        Assert.Contains("密码不正确", await (await PostAsync(clerk, page, page + "/lost", new(form))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        form["password"] = DemoData.Password;
        var town = await fixture.App.SignedInAsync("demo.town");
        var waiting = SignOffWebTests.Queue(await town.GetStringAsync("/"), "lost");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, page, page + "/lost", form)).StatusCode);
        Assert.Equal(waiting + 1, SignOffWebTests.Queue(await town.GetStringAsync("/"), "lost")); // the town's queue counts it
        var list = await town.GetStringAsync("/lost-cards");
        Assert.Contains("清点时缺少", list, StringComparison.Ordinal);
        long report;
        await using (var db = await DbAsync())
        {
            report = await db.LostCardReports.Where(r => r.CardId == card.Id).Select(r => r.Id).SingleAsync();
        }
        await PostAsync(town, "/lost-cards", $"/lost-cards/{report}/acknowledge", []);
        await using var check = await DbAsync();
        Assert.NotNull((await check.LostCardReports.SingleAsync(r => r.Id == report)).AcknowledgedAtUtc);
    }

    [Fact]
    public async Task Stock_cards_per_village_and_bank_in_the_file_match_the_register_and_the_ledger_opens()
    {
        var town = await fixture.App.SignedInAsync("demo.town");
        var response = await town.GetAsync("/stock-cards.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Contains("库存卡清理汇总表", sheet.Cell(1, 1).GetString(), StringComparison.Ordinal);
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "三合村"); // untouched by the other tests
        await using (var db = await DbAsync())
        {
            var sibling = fixture.Scenario.SiblingVillage.UnitId;
            var expected = await db.Cards.CountAsync(c => c.VillageId == sibling && (c.State == CardState.InStock || c.State == CardState.Dormant || c.State == CardState.Returned)
                && c.CustodianKind != CustodianKind.Holder && c.CustodianKind != CustodianKind.Custodian);
            Assert.Equal(expected, (int)row.Cell(5).GetDouble()); // 小计 after the two bank columns
            Assert.True(expected >= 6);
        }
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula));

        var pdf = await town.GetAsync("/stock-cards.pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains("库存卡清理汇总表", text, StringComparison.Ordinal);
            Assert.Contains("农业银行", text, StringComparison.Ordinal);
        }

        var ledger = await town.GetAsync($"/villages/{fixture.Scenario.SiblingVillage.UnitId}/card-ledger.xlsx");
        using var book = new XLWorkbook(new MemoryStream(await ledger.Content.ReadAsByteArrayAsync()));
        Assert.Contains(book.Worksheet(1).CellsUsed(), c => c.GetString() == "登记入册");
        Assert.Equal(XLDataType.Text, book.Worksheet(1).Cell(4, 3).DataType); // card numbers stay text
    }

    [Fact]
    public async Task A_deceased_finding_proposes_cancelling_the_holders_card()
    {
        // A demo person of 迎丰社区 with both a task row (assigned to verifier1) and a card: found deceased at the door.
        long rowId, cardId;
        await using (var db = await DbAsync())
        {
            var row = await db.TaskRows.Where(r => r.VillageId == fixture.Scenario.Own.UnitId && r.VerifierId == fixture.Scenario.Verifier1Id
                    && !db.VerificationRecords.Any(v => v.TaskRowId == r.Id) && db.Cards.Any(c => c.IdNumberHash == r.IdNumberHash && c.State != CardState.Cancelled))
                .OrderByDescending(r => r.Id).FirstAsync();
            rowId = row.Id;
            cardId = await db.Cards.Where(c => c.IdNumberHash == row.IdNumberHash).Select(c => c.Id).FirstAsync();
        }
        var verifier = await fixture.App.SignedInAsync("demo.verifier1");
        var finding = $"/rows/{rowId}/finding";
        var saved = await verifier.PostFormAsync(finding, await verifier.TokenAsync(finding), new()
        {
            ["Outcome"] = "NotReceivedDeceased", ["DeathDate"] = "2021-01-05", ["CardWhereabouts"] = "已交镇社会事业综合服务中心", ["Signature"] = "Proxy",
            ["ProxyName"] = "王芳", ["ProxyRelation"] = "配偶", ["Phone"] = "13800138000", ["Version"] = "0", ["RequestId"] = Guid.NewGuid().ToString(),
            ["VisitedAt"] = SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Contains("持卡人已去世(去世时间 2021-01-05),建议注销此卡", await clerk.GetStringAsync($"/cards/{cardId}"), StringComparison.Ordinal);
        Assert.Contains($"/cards/{cardId}\"", await clerk.GetStringAsync("/cards?deceased=true"), StringComparison.Ordinal);
        var page = $"/cards/{cardId}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, page, page + "/move", new() { ["To"] = "Cancelled", ["Note"] = "持卡人已去世(入户核查)", ["Responsible"] = "李红梅" })).StatusCode);
        Assert.DoesNotContain("建议注销", await clerk.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_second_issue_needs_its_reason_and_recalls_the_card_to_the_town()
    {
        var card = await StockCardAsync();
        var page = $"/cards/{card.Id}";
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        var missing = await PostAsync(clerk, page, page + "/second-issue", new() { ["succeeded"] = "false", ["Responsible"] = "李红梅" });
        Assert.Contains("二次发放未成功,请写明原因", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await PostAsync(clerk, page, page + "/second-issue", new() { ["succeeded"] = "false", ["failureReason"] = "持卡人长期外出", ["Responsible"] = "李红梅" });
        await using var db = await DbAsync();
        var after = await db.Cards.SingleAsync(c => c.Id == card.Id);
        Assert.Equal((CardState.Returned, CustodianKind.TownCentre), (after.State, after.CustodianKind));
        Assert.Equal("持卡人长期外出", (await db.SecondIssueAttempts.SingleAsync(a => a.CardId == card.Id)).FailureReason);
    }

    [Fact]
    public async Task The_town_marks_cards_dormant_only_after_the_period_and_an_upload_reports_its_counts()
    {
        var card = await StockCardAsync();
        await using (var db = await DbAsync())
        {
            // Issued 91 days ago and never activated.
            var stored = await db.Cards.Include(c => c.Events).SingleAsync(c => c.Id == card.Id);
            stored.Move(CardState.Issued, new CardMove("seed", "甲", CardMethod.InPerson) { Recipient = Recipient.Holder }, [], CountyClock.At(DateTime.UtcNow.AddDays(-91)));
            await db.SaveChangesAsync();
        }
        var fresh = await StockCardAsync(); // stocked just now: not dormant
        var town = await fixture.App.SignedInAsync("demo.town");
        await PostAsync(town, "/cards", "/cards/dormancy", []);
        await using (var db = await DbAsync())
        {
            Assert.Equal(CardState.Dormant, (await db.Cards.SingleAsync(c => c.Id == card.Id)).State);
            Assert.Equal(CardState.InStock, (await db.Cards.SingleAsync(c => c.Id == fresh.Id)).State);
        }

        var person = SyntheticTaskList.Row(960_000, ["迎丰社区"]);
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, [[person[1], person[2], SyntheticTaskList.CardFor(960_000), "农业银行", "迎丰社区", "库存", "村"],
            [person[1], "123", SyntheticTaskList.CardFor(960_001), "农业银行", "迎丰社区", "", ""]],
            ["姓名", "身份证号码", "社保卡银行卡号", "合作银行", "村(社区)", "卡片状态", "存放地点"]);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await town.TokenAsync("/cards/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(file.ToArray()), "file", "制卡数据.xlsx" },
        };
        var uploaded = await town.PostAsync("/cards/import", content);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var status = await town.ImportFinishedAsync(uploaded.Headers.Location!.OriginalString); // in the background, as a task list
        Assert.Equal("Succeeded", status.GetProperty("status").GetString());
        var result = await town.GetStringAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Matches(@"<b>1</b>新登记", result);
        Assert.Matches(@"<b>1</b>未导入", result);
        var errors = await town.GetAsync(uploaded.Headers.Location!.OriginalString + "/errors");
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
    }
}
