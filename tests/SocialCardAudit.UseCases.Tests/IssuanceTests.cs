using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.UseCases.Issuance;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>
/// 应发尽发 on a real database file, through the use cases the pages call: the comparison list against the card
/// register, verification, a making batch and the bank's results file, the issue with its receipt, the
/// face-to-face activation, and the progress report counting each phase.
/// </summary>
public sealed class IssuanceTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static readonly NineElements Complete = new(Sex.Female, "汉族", new DateOnly(1980, 1, 1), null, IdLongTerm: true,
        "梅田湖镇迎丰社区 8 号", "13800138000", "农民");

    private PersonalDataProtector Protector => demo.Services.GetRequiredService<PersonalDataProtector>();

    /// <summary>The complete elements for this person: the sex and date of birth their ID number carries.</summary>
    private NineElements For(IssuanceCase c)
    {
        var (sex, birth) = NineElements.FromIdNumber(Protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber), DateOnly.FromDateTime(DateTime.UtcNow));
        return Complete with { Sex = sex, BirthDate = birth };
    }

    private async Task<(AppDbContext Db, Campaign Campaign, int BankId)> OpenAsync(Actor actor)
    {
        var db = demo.Db(actor.Scope.TenantId);
        var campaign = await db.Campaigns.Include(c => c.Villages).Include(c => c.Phases).SingleAsync(c => c.Code == DemoData.IssuanceCode);
        return (db, campaign, await db.Banks.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
    }

    private async Task<IssuanceCase> CaseAsync(long id)
    {
        await using var db = demo.Db((await demo.ActorAsync("demo.town")).Scope.TenantId);
        return await db.IssuanceCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>The making list as the bank fills it in and sends it back: 成功 with the card number, or 失败 with the reason.</summary>
    private static MemoryStream Returned(byte[] list, Func<string, (string Result, string? Card, string? Reason)> answer)
    {
        using var workbook = new XLWorkbook(new MemoryStream(list));
        var sheet = workbook.Worksheet(1);
        for (var row = 4; !sheet.Cell(row, 2).IsEmpty(); row++)
        {
            var (result, card, reason) = answer(sheet.Cell(row, 6).GetString());
            sheet.Cell(row, 13).Value = result;
            sheet.Cell(row, 14).Value = card;
            sheet.Cell(row, 16).Value = reason;
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task One_person_goes_from_the_list_to_an_activated_card_and_each_phase_is_counted()
    {
        var (town, clerk, verifier) = (await demo.ActorAsync("demo.town"), await demo.ActorAsync("demo.clerk1"), await demo.ActorAsync("demo.verifier1"));
        var (db, campaign, bank) = await OpenAsync(town);
        await using var _ = db;
        var person = await db.IssuanceCases.Where(c => c.CampaignId == campaign.Id && c.VillageId == clerk.Scope.UnitId && c.Stage == IssuanceStage.Compared
            && c.Comparison == ComparisonResult.NoRecord).OrderBy(c => c.Id).FirstAsync();
        var clock = TimeProvider.System;
        VerifyPerson Verify() => new(demo.Db(town.Scope.TenantId), Protector, clock);

        // 信息核查 by the village: not by another village's verifier; an element missing is named and stops the batch.
        var elements = For(person);
        Assert.Equal(Result.Denied, await Verify().HandleAsync(await demo.ActorAsync("demo.verifier2"), person.Id, elements, true, new CasePicture(IssuanceAttachmentKind.Photo, Png), default));
        var wrongBirth = await Verify().HandleAsync(verifier, person.Id, elements with { BirthDate = new DateOnly(1999, 9, 9) }, true, null, default);
        Assert.Equal(Result.Refused($"出生日期 1999-09-09 与身份证号码不符(身份证为 {elements.BirthDate:yyyy-MM-dd}),请核对。"), wrongBirth);
        var partial = await Verify().HandleAsync(verifier, person.Id, elements with { Occupation = " " }, true, new CasePicture(IssuanceAttachmentKind.Photo, Png), default);
        Assert.Equal(Result.Done($"已保存。{person.Name}的制卡九要素仍缺:职业,补齐后才能制卡。"), partial);
        var (notYet, _) = await new MakeBatch(demo.Db(town.Scope.TenantId), clock).HandleAsync(town, campaign.Id, bank, MakingRoute.Batch, [person.Id], default);
        Assert.Equal(Status.Refused, notYet.Status);
        Assert.Contains("缺职业", notYet.Message, StringComparison.Ordinal);
        Assert.Equal(Result.Done($"已保存:{person.Name}信息核查完成,可以制卡。"), await Verify().HandleAsync(verifier, person.Id, elements, true, null, default));

        // 制卡: the town office only; the bank's results file comes back and the card enters the register at the bank.
        Assert.Equal(Result.Denied, (await new MakeBatch(demo.Db(town.Scope.TenantId), clock).HandleAsync(clerk, campaign.Id, bank, MakingRoute.Batch, [person.Id], default)).Result);
        var (made, batch) = await new MakeBatch(demo.Db(town.Scope.TenantId), clock).HandleAsync(town, campaign.Id, bank, MakingRoute.Batch, [person.Id], default);
        Assert.Equal(Status.Done, made.Status);
        var fullId = Protector.Unprotect(person.IdNumberCipher, Purposes.IdNumber);
        var list = IssuanceDocuments.MakingList("制卡名单", [new MakingListLine(person.Name, fullId, "迎丰社区", null, elements)]);
        var number = SyntheticTaskList.CardFor(900_001);
        await using (var wrong = Returned(list, _ => ("成功", "6228480000000000001", null)))
        {
            var refused = await new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock).FileAsync(town, batch!.Id, "结果.xlsx", wrong, default);
            Assert.Equal(Status.Refused, refused.Status); // a card number failing its check digit: nothing imported
            Assert.Contains("第 4 行", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal(IssuanceStage.InBatch, (await CaseAsync(person.Id)).Stage);
        await using (var results = Returned(list, id => id == fullId ? ("成功", number, null) : ("失败", null, "其他")))
        {
            Assert.Equal(Result.Denied, await new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock).FileAsync(clerk, batch.Id, "结果.xlsx", results, default));
            results.Position = 0;
            var done = await new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock).FileAsync(town, batch.Id, "结果.xlsx", results, default);
            Assert.Equal(Result.Done("已导入第 1 批制卡结果:制成 1 人,失败 0 人(已退回村(社区)补正)。"), done);
        }
        var card = (await CaseAsync(person.Id)).CardId!.Value;
        await using (var check = demo.Db(town.Scope.TenantId))
        {
            var stored = await check.Cards.SingleAsync(c => c.Id == card);
            Assert.Equal((CardState.InStock, CustodianKind.Bank, bank, person.IdNumberMasked), (stored.State, stored.CustodianKind, stored.CustodianPlaceId!.Value, stored.IdNumberMasked));
        }

        // 发放: through the case, with the signed receipt; the register's own issue is pointed there.
        var holder = new MoveDetails { Recipient = Recipient.Holder, Method = CardMethod.InPerson };
        var viaRegister = await new MoveCard(demo.Db(town.Scope.TenantId), clock).HandleAsync(clerk, card, new MoveDetails { To = CardState.Issued, Recipient = Recipient.Holder }, default);
        Assert.Contains("应发尽发页面发放", viaRegister.Message, StringComparison.Ordinal);
        var secondIssue = await new RecordSecondIssue(demo.Db(town.Scope.TenantId), clock)
            .HandleAsync(clerk, card, new MoveDetails { Recipient = Recipient.Holder }, succeeded: true, null, null, default);
        Assert.Contains("应发尽发页面发放", secondIssue.Message, StringComparison.Ordinal);
        var issue = new IssueCard(demo.Db(town.Scope.TenantId), Protector, clock);
        Assert.Equal(Result.Refused("请上传领卡签收表照片,或由领卡人在本页手写签名。"), await issue.IssueAsync(clerk, person.Id, holder, null, default));
        Assert.Equal(Result.Denied, await new IssueCard(demo.Db(town.Scope.TenantId), Protector, clock).IssueAsync(verifier, person.Id, holder, new CasePicture(IssuanceAttachmentKind.ReceiptSignature, Png), default));
        Assert.Equal(Status.Done, (await new IssueCard(demo.Db(town.Scope.TenantId), Protector, clock)
            .IssueAsync(clerk, person.Id, holder, new CasePicture(IssuanceAttachmentKind.ReceiptSignature, Png), default)).Status);

        // 激活: face to face only; recorded on the register's card page too, the case follows.
        Assert.Equal(Result.Refused("金融功能须持卡人本人到银行网点面签激活,严禁非面签方式激活。"),
            await new IssueCard(demo.Db(town.Scope.TenantId), Protector, clock).ActivateAsync(clerk, person.Id, faceToFace: false, "李红梅", null, default));
        Assert.Equal(Status.Done, (await new MoveCard(demo.Db(town.Scope.TenantId), clock)
            .HandleAsync(clerk, card, new MoveDetails { To = CardState.Activated, Method = CardMethod.FaceToFace, Place = "农业银行梅田湖网点" }, default)).Status);
        var after = await CaseAsync(person.Id);
        Assert.Equal(IssuanceStage.Activated, after.Stage);
        await using (var check = demo.Db(town.Scope.TenantId))
        {
            Assert.Equal([IssuanceAttachmentKind.Photo, IssuanceAttachmentKind.ReceiptSignature],
                await check.IssuanceAttachments.Where(a => a.CaseId == person.Id).OrderBy(a => a.UploadedAtUtc).Select(a => a.Kind).ToListAsync());
        }

        // The report: the village's line counts this person in every phase, this week.
        var report = await new IssuanceProgress(demo.Db(town.Scope.TenantId), clock).BuildAsync(town, campaign, default);
        var line = report.Towns.Single().Villages.Single(v => v.UnitId == clerk.Scope.UnitId).Figures;
        Assert.Equal(await db.IssuanceCases.CountAsync(c => c.CampaignId == campaign.Id && c.VillageId == clerk.Scope.UnitId), line.Total);
        Assert.True(line.DoneIn(IssuancePhase.Activation) >= 1);
        Assert.Equal(line.DoneIn(IssuancePhase.Activation), line.ChangeIn(IssuancePhase.Activation));
        Assert.Equal(await db.IssuanceCases.CountAsync(c => c.CampaignId == campaign.Id), report.Total.Figures.Total);
        Assert.Equal(0, line.DoneWeekAgo[0]); // the list came this week too
    }

    [Fact]
    public async Task The_comparison_list_is_checked_against_the_card_register_and_nothing_it_contradicts_is_stored()
    {
        var town = await demo.ActorAsync("demo.town");
        var (db, campaign, _) = await OpenAsync(town);
        await using var _ = db;
        string[] Person(int i) => SyntheticTaskList.Row(i, DemoData.MeitianhuVillages);
        // From the demo register: person 0's card is activated, person 96's in stock (round 8 of the bank export).
        var rows = new[]
        {
            new[] { Person(96)[1], Person(96)[2], Person(96)[7], "", "" },                     // the register has a card waiting: 已制卡
            new[] { Person(0)[1], Person(0)[2], Person(0)[7], "", "" },                        // already activated: not on such a list
            new[] { Person(97)[1], Person(97)[2], Person(97)[7], "无制卡信息", "" },            // contradicted by the register
            new[] { Person(700_000)[1], Person(700_000)[2], Person(700_000)[7], "制卡失败", "" }, // a failure without its reason
            new[] { Person(700_001)[1], Person(700_001)[2], Person(700_001)[7], "已制卡", "" },   // no card to issue
            new[] { Person(700_002)[1], Person(700_002)[2], Person(700_002)[7], "", "" },       // nothing anywhere: 无制卡信息
            new[] { Person(700_002)[1], Person(700_002)[2], Person(700_002)[7], "", "" },       // twice in the file
            new[] { Person(700_003)[1], Person(700_003)[2], "东山村", "", "" },                  // another county's village
        };
        async Task<ComparisonImport> ImportAsync()
        {
            using var file = new MemoryStream();
            SyntheticTaskList.WriteXlsx(file, rows, SyntheticTaskList.ComparisonHeader);
            var job = ComparisonImport.For(town.Scope.TenantId, campaign.Id, "比对名单.xlsx", file, town.UserId, town.Name, DateTime.UtcNow);
            await using var run = demo.Db(town.Scope.TenantId);
            await new ComparisonImporter(run, Protector, TimeProvider.System).RunAsync(job, file, null, default);
            return job;
        }
        var job = await ImportAsync();
        Assert.Equal((ImportStatus.Succeeded, 2, 6), (job.Status, job.Imported, job.Rejected));
        var hashes = rows.Select(r => Protector.Hash(r[1], Purposes.IdNumber)).ToList();
        var stored = (await db.IssuanceCases.Where(c => c.CampaignId == campaign.Id).ToListAsync()).Where(c => hashes.Any(h => h.SequenceEqual(c.IdNumberHash))).ToList();
        Assert.Equal(2, stored.Count);
        var found = stored.Single(c => c.IdNumberMasked == SocialCardAudit.Domain.People.Mask.IdNumber(Person(96)[2]));
        Assert.Equal((ComparisonResult.CardMade, IssuanceStage.Made), (found.Comparison, found.Stage));
        Assert.NotNull(found.CardId);
        Assert.Equal(ComparisonResult.NoRecord, stored.Single(c => c.Id != found.Id).Comparison);

        using var report = new XLWorkbook(new MemoryStream(Protector.UnprotectBytes(job.ErrorReportCipher!, Purposes.ErrorReport)));
        var reasons = string.Join("\n", report.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("已是“已激活”", reasons, StringComparison.Ordinal);
        Assert.Contains("台账中已有此人的卡", reasons, StringComparison.Ordinal);
        Assert.Contains("须写明失败原因", reasons, StringComparison.Ordinal);
        Assert.Contains("台账中没有此人的卡", reasons, StringComparison.Ordinal);
        Assert.Contains("身份证号码重复", reasons, StringComparison.Ordinal);

        // Found deceased before the card is handed over: the verifier may not cancel a card, the clerk does.
        var clerk = await demo.ActorAsync("demo.clerk1");
        Assert.Equal(clerk.Scope.UnitId, found.VillageId);
        var byVerifier = await new VerifyPerson(demo.Db(town.Scope.TenantId), Protector, TimeProvider.System)
            .HandleAsync(await demo.ActorAsync("demo.verifier1"), found.Id, Complete, alive: false, null, default);
        Assert.Contains("请由村级清查责任人或镇办理", byVerifier.Message, StringComparison.Ordinal);
        var cancelled = await new VerifyPerson(demo.Db(town.Scope.TenantId), Protector, TimeProvider.System).HandleAsync(clerk, found.Id, Complete, alive: false, null, default);
        Assert.Equal(Status.Done, cancelled.Status);
        Assert.Equal(IssuanceStage.Deceased, (await CaseAsync(found.Id)).Stage);
        await using (var check = demo.Db(town.Scope.TenantId))
        {
            Assert.Equal(CardState.Cancelled, (await check.Cards.SingleAsync(k => k.Id == found.CardId)).State);
        }

        var again = await ImportAsync(); // the corrected file again: those stored are not stored twice
        Assert.Equal((0, 3), (again.Imported, again.AlreadyPresent)); // the twice-listed person counts twice
    }

    [Fact]
    public async Task A_failed_making_goes_back_to_the_village_and_a_deceased_person_stops_and_counts_as_done()
    {
        var (town, clerk2) = (await demo.ActorAsync("demo.town"), await demo.ActorAsync("demo.clerk2"));
        var (db, campaign, bank) = await OpenAsync(town);
        await using var _ = db;
        var people = await db.IssuanceCases.Where(c => c.CampaignId == campaign.Id && c.VillageId == clerk2.Scope.UnitId && c.Stage == IssuanceStage.Compared)
            .OrderBy(c => c.Id).Take(2).ToListAsync();
        var clock = TimeProvider.System;
        var photo = new CasePicture(IssuanceAttachmentKind.Photo, Png);
        Assert.Equal(Result.Done($"已登记:{people[0].Name}已去世,不再制卡。"),
            await new VerifyPerson(demo.Db(town.Scope.TenantId), Protector, clock).HandleAsync(clerk2, people[0].Id, Complete, alive: false, null, default));
        Assert.Equal(Status.Done, (await new VerifyPerson(demo.Db(town.Scope.TenantId), Protector, clock).HandleAsync(clerk2, people[1].Id, For(people[1]), alive: true, photo, default)).Status);
        var (_, batch) = await new MakeBatch(demo.Db(town.Scope.TenantId), clock).HandleAsync(town, campaign.Id, bank, MakingRoute.Instant, [people[1].Id], default);
        Assert.NotNull(batch);

        var record = new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock);
        Assert.Equal(Result.Refused("制卡失败原因为“其他”时,请写明具体原因。"), await record.OneAsync(town, people[1].Id, new MakingResult(false, null, null, MakingFailures.Other, ""), default));
        Assert.Equal(Result.Denied, await new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock)
            .OneAsync(clerk2, people[1].Id, new MakingResult(false, null, null, "照片质量不合格", null), default));
        Assert.Equal(Status.Done, (await new RecordMakingResult(demo.Db(town.Scope.TenantId), Protector, clock)
            .OneAsync(town, people[1].Id, new MakingResult(false, null, null, "照片质量不合格", "背景不是白色"), default)).Status);
        var failed = await CaseAsync(people[1].Id);
        Assert.Equal((IssuanceStage.MakingFailed, "照片质量不合格:背景不是白色"), (failed.Stage, failed.FailureReason));

        // Back at the village: a new photo, verified again, ready for the next batch.
        Assert.Equal(Status.Done, (await new VerifyPerson(demo.Db(town.Scope.TenantId), Protector, clock).HandleAsync(clerk2, people[1].Id, For(people[1]), true, photo, default)).Status);
        Assert.Equal(IssuanceStage.Verified, (await CaseAsync(people[1].Id)).Stage);

        var report = await new IssuanceProgress(demo.Db(town.Scope.TenantId), clock).BuildAsync(town, campaign, default);
        var line = report.Towns.Single().Villages.Single(v => v.UnitId == clerk2.Scope.UnitId).Figures;
        Assert.True(line.Deceased >= 1);
        Assert.True(line.DoneIn(IssuancePhase.Verification) >= 2); // the deceased and the one verified again
        Assert.Equal(0, line.OpenFailures);
        Assert.True(line.DoneIn(IssuancePhase.Activation) >= line.Deceased); // nothing is due for the deceased

        // The county sees the county's report; a village account sees no line of another village.
        var county = await new IssuanceProgress(demo.Db(town.Scope.TenantId), clock).BuildAsync(await demo.ActorAsync("demo.county"), campaign, default);
        Assert.Equal(report.Total.Figures.Total, county.Total.Figures.Total);
    }
}
