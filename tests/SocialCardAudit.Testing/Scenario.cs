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
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.Testing;

/// <summary>
/// One object of each kind for one relation to the demo accounts of 迎丰社区: a village (and an account in
/// it), the campaign covering it, an import of that campaign, and a task row of that village.
/// </summary>
public sealed record Target(int UnitId, string UserId, string UserName, int CampaignId, string CampaignCode,
    IReadOnlyList<int> CampaignVillageIds, long ImportId, long RowId, long IssueId = 0, long FraudCaseId = 0, Guid AttachmentId = default,
    long CardId = 0, long HandoverId = 0, long AuthorisationId = 0, long LostReportId = 0, long CardImportId = 0,
    int IssuanceCampaignId = 0, long CaseId = 0, Guid PictureId = default, long BatchId = 0, long ArchivedFileId = 0);

/// <summary>
/// The demo data seen from the demo accounts of 迎丰社区: objects in their own village, in a sibling
/// village of the same town, in another town of the county, and in another county (tenant).
/// </summary>
public sealed record Scenario(Target Own, Target SiblingVillage, Target OtherTown, Target OtherTenant, string Verifier1Id)
{
    public const string Password = "Target@2021";

    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A real (empty) report of rejected rows, as the card importer writes one.</summary>
    private static byte[] EmptyReport() => ErrorReport.Build(
        TaskFile.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("姓名,身份证号码,社保卡银行卡号,合作银行,村(社区)\r\n")), "场景.csv", []), []);

    public static async Task<Scenario> PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>(); // no tenant outside a request: reads see past the filter explicitly
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var units = db.OrgUnits.IgnoreQueryFilters();

        var demo = await db.Tenants.SingleAsync(t => t.Code == "demo");
        var county = await units.SingleAsync(u => u.TenantId == demo.Id && u.Level == OrgLevel.County);
        var towns = await units.Where(u => u.ParentId == county.Id).ToListAsync();
        if (towns.All(t => t.Name != "测试镇"))
        {
            var otherTown = county.AddChild("测试镇", towns);
            db.OrgUnits.Add(otherTown);
            await db.SaveChangesAsync();
            db.OrgUnits.Add(otherTown.AddChild("测试村", []));
            await db.SaveChangesAsync();
        }

        async Task<(OrgUnit Village, string UserId)> VillageWithAccount(string villageName, string tenantCode, string userName)
        {
            var village = await units.SingleAsync(u => u.Name == villageName && u.Level == OrgLevel.Village
                && db.Tenants.Any(t => t.Id == u.TenantId && t.Code == tenantCode));
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser { UserName = userName, FullName = "目标账号", TenantId = village.TenantId, OrgUnitId = village.Id, PhoneNumber = "13900000000" };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, Roles.Verifier));
            }
            return (village, user.Id);
        }

        var own = await VillageWithAccount("迎丰社区", "demo", "t.own");
        var sibling = await VillageWithAccount("三合村", "demo", "t.sibling");
        var otherTownV = await VillageWithAccount("测试村", "demo", "t.othertown");
        var otherTenantV = await VillageWithAccount("东山村", "demo2", "t.othertenant");

        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var mth = await CampaignWithRowsAsync(options, protector, own.Village.TenantId, DemoData.CampaignCode, null, [own.Village, sibling.Village], 900_000);
        var ot = await CampaignWithRowsAsync(options, protector, otherTownV.Village.TenantId, "OT-1", otherTownV.Village, [otherTownV.Village], 900_100);
        var d2 = await CampaignWithRowsAsync(options, protector, otherTenantV.Village.TenantId, "D2-1", otherTenantV.Village, [otherTenantV.Village], 900_200);

        var verifier1 = (await users.FindByNameAsync("demo.verifier1"))!.Id;
        var verifier2 = (await users.FindByNameAsync("demo.verifier2"))!.Id;
        await AssignAsync(db, mth.Rows[own.Village.Id], verifier1);
        await AssignAsync(db, mth.Rows[sibling.Village.Id], verifier2);

        Target T((OrgUnit Village, string UserId) v, string userName, (Campaign C, long ImportId, Dictionary<int, long> Rows) c) =>
            new(v.Village.Id, v.UserId, userName, c.C.Id, c.C.Code, c.C.Villages.Select(x => x.VillageId).ToList(), c.ImportId, c.Rows[v.Village.Id]);

        async Task<Target> WithIssue(Target t)
        {
            var row = await db.TaskRows.IgnoreQueryFilters().SingleAsync(r => r.Id == t.RowId);
            var issue = await db.SuspiciousIssues.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TaskRowId == row.Id && i.Source == IssueSource.Field);
            if (issue is null)
            {
                issue = SuspiciousIssue.Raise(row.Id, row.CampaignId, row.VillageId, "查无此人(人户不符)", null, "scenario", DateTime.UtcNow);
                issue.TenantId = row.TenantId;
                db.SuspiciousIssues.Add(issue);
                await db.SaveChangesAsync();
            }
            var fraud = await db.FraudCases.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.IssueId == issue.Id);
            if (fraud is null)
            {
                fraud = FraudCase.Open(issue, 1200m, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new DateOnly(2021, 6, 20), null, "scenario", CountyClock.At(DateTime.UtcNow));
                db.FraudCases.Add(fraud);
                await db.SaveChangesAsync();
            }
            var attachment = await db.FindingAttachments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.TaskRowId == row.Id);
            if (attachment is null)
            {
                attachment = new FindingAttachment
                {
                    TenantId = row.TenantId, TaskRowId = row.Id, Kind = AttachmentKind.SheetPhoto, ContentType = "image/png", Size = TinyPng.Length,
                    Cipher = protector.Protect(TinyPng, Purposes.Attachment), UploadedById = "scenario", UploadedAtUtc = DateTime.UtcNow,
                };
                db.FindingAttachments.Add(attachment);
                await db.SaveChangesAsync();
            }
            return t with { IssueId = issue.Id, FraudCaseId = fraud.Id, AttachmentId = attachment.Id };
        }

        return new Scenario(
            await WithIssuanceAsync(options, protector, await WithCardsAsync(options, protector, await WithIssue(T(own, "t.own", mth)), own.Village, 900_000), own.Village, DemoData.IssuanceCode, 900_300),
            await WithIssuanceAsync(options, protector, await WithCardsAsync(options, protector, await WithIssue(T(sibling, "t.sibling", mth)), sibling.Village, 900_010), sibling.Village, DemoData.IssuanceCode, 900_310),
            await WithIssuanceAsync(options, protector, await WithCardsAsync(options, protector, await WithIssue(T(otherTownV, "t.othertown", ot)), otherTownV.Village, 900_100), otherTownV.Village, "OT-YF", 900_320),
            await WithIssuanceAsync(options, protector, await WithCardsAsync(options, protector, await WithIssue(T(otherTenantV, "t.othertenant", d2)), otherTenantV.Village, 900_200), otherTenantV.Village, "D2-YF", 900_330), verifier1);
    }

    /// <summary>
    /// Cards of the village, each with one of the objects the card routes act on: a card in stock with a requested
    /// custody authorisation, a card sent to the town in an open hand-over, a lost card with its report, and an
    /// import of the town's register with an error report.
    /// </summary>
    private static async Task<Target> WithCardsAsync(DbContextOptions<AppDbContext> options, PersonalDataProtector protector, Target t, OrgUnit village, int people)
    {
        await using var db = new AppDbContext(options, new FixedTenant(village.TenantId));
        var bank = await db.Banks.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var now = DateTime.UtcNow;
        Card NewCard(int i) => StockCard(protector, village, bank, people + i, now);
        var (card, sent, lost) = (NewCard(1), NewCard(2), NewCard(3));
        db.Cards.AddRange(card, sent, lost);
        await db.SaveChangesAsync();

        var authorisation = CustodyAuthorisation.Request(village.TenantId, card.Id, SpecialGroup.Minor, "代管人甲", "场景", DateOnly.FromDateTime(now),
            DateOnly.FromDateTime(now).AddDays(30), "scenario", now);
        db.CustodyAuthorisations.Add(authorisation);
        var handover = CardHandover.Create(village.TenantId, Custody.AtVillage(village.Id), Custody.AtTown(village.ParentId!.Value), [sent], "scenario", "场景", null, now);
        db.CardHandovers.Add(handover);
        var report = LostCardReport.File(lost, village.Name, DateOnly.FromDateTime(now), "场景", "scenario", "场景", CountyClock.At(now));
        db.LostCardReports.Add(report);
        var import = new CardImport
        {
            TenantId = village.TenantId, TownId = village.ParentId!.Value, FileName = "场景.xlsx", Sha256 = new string('0', 64), UserId = "scenario", UserName = "场景", CreatedAtUtc = now,
            Status = ImportStatus.Succeeded, FinishedAtUtc = now,
            Rejected = 1, ErrorReportCipher = protector.Protect(EmptyReport(), Purposes.ErrorReport),
        };
        db.CardImports.Add(import);
        await db.SaveChangesAsync();
        handover.Dispatch([sent]);
        await db.SaveChangesAsync();
        return t with
        {
            CardId = card.Id,
            HandoverId = handover.Id,
            AuthorisationId = authorisation.Id,
            LostReportId = report.Id,
            CardImportId = import.Id,
        };
    }

    /// <summary>
    /// 应发尽发 objects of the village: its issuance campaign (the demo's, or one made for the village's town), a person
    /// on the list with a photo, and a making batch of the town.
    /// </summary>
    private static async Task<Target> WithIssuanceAsync(DbContextOptions<AppDbContext> options, PersonalDataProtector protector, Target t, OrgUnit village, string code, int person)
    {
        await using var db = new AppDbContext(options, new FixedTenant(village.TenantId));
        var now = DateTime.UtcNow;
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleOrDefaultAsync(c => c.Code == code);
        if (campaign is null)
        {
            campaign = Campaign.Create(village.TenantId, village.ParentId, new CampaignTerms(code, code + " 应发尽发", "测试〔2022〕1号",
                new DateOnly(2022, 5, 25), new DateOnly(2022, 8, 31), [village.Id],
                CampaignTerms.IssuancePhaseNames.Select((n, i) => new PhaseTerms(n, new DateOnly(2022, 6, 5).AddDays(20 * i))).ToList(), CampaignKind.Issuance),
                new Dictionary<int, int> { [village.Id] = village.ParentId!.Value });
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
        }
        var id = SyntheticTaskList.IdNumberFor(person);
        var c = new SocialCardAudit.Domain.Issuance.IssuanceCase
        {
            TenantId = village.TenantId, CampaignId = campaign.Id, VillageId = village.Id, Name = "场景人员",
            IdNumberCipher = protector.Protect(id, Purposes.IdNumber), IdNumberHash = protector.Hash(id, Purposes.IdNumber), IdNumberMasked = Mask.IdNumber(id),
            Comparison = SocialCardAudit.Domain.Issuance.ComparisonResult.NoRecord, ComparedAtUtc = now,
        };
        db.IssuanceCases.Add(c);
        await db.SaveChangesAsync();
        var picture = new SocialCardAudit.Domain.Issuance.IssuanceAttachment
        {
            TenantId = village.TenantId, CaseId = c.Id, Kind = SocialCardAudit.Domain.Issuance.IssuanceAttachmentKind.Photo, ContentType = "image/png",
            Size = TinyPng.Length, Cipher = protector.Protect(TinyPng, Purposes.Attachment), UploadedById = "scenario", UploadedAtUtc = now,
        };
        var batch = new SocialCardAudit.Domain.Issuance.IssuanceBatch
        {
            TenantId = village.TenantId, CampaignId = campaign.Id, TownId = village.ParentId!.Value, BankId = await db.Banks.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            Route = SocialCardAudit.Domain.Issuance.MakingRoute.Batch, CreatedById = "scenario", CreatedByName = "场景", CreatedAtUtc = now,
            Number = (await db.IssuanceBatches.Where(b => b.CampaignId == campaign.Id).MaxAsync(b => (int?)b.Number) ?? 0) + 1,
        };
        // An archived file of the village's audit campaign (a volume numbered by the village, so each target has its own).
        var archived = new SocialCardAudit.Domain.Archive.ArchivedFile
        {
            TenantId = village.TenantId, Sequence = 1, Title = "场景文件", Kind = SocialCardAudit.Domain.Archive.MaterialKind.ClassifiedStatistics,
            FileNumber = $"2021-GL-待遇领取资格验证材料-{village.Id}-1-C", Pages = 1, Page = 1, FileName = "场景.pdf", ContentType = "application/pdf",
            Cipher = protector.Protect("%PDF-1.4"u8.ToArray(), Purposes.ArchivedFile), Sha256 = SocialCardAudit.Domain.Archive.ArchiveVolume.Sha256("%PDF-1.4"u8.ToArray()),
        };
        var volume = new SocialCardAudit.Domain.Archive.ArchiveVolume
        {
            TenantId = village.TenantId, CampaignId = t.CampaignId, Year = 2021, Category = "GL", BusinessLink = "待遇领取资格验证材料", Number = village.Id,
            Retention = SocialCardAudit.Domain.Archive.Retention.Years50, Title = "场景案卷", Pages = 1, CompiledById = "scenario", CompiledByName = "场景",
            CompiledAtUtc = now, ManifestSha256 = new string('0', 64), Files = [archived],
        };
        db.AddRange(picture, batch, volume);
        await db.SaveChangesAsync();
        return t with { IssuanceCampaignId = campaign.Id, CaseId = c.Id, PictureId = picture.Id, BatchId = batch.Id, ArchivedFileId = archived.Id };
    }

    /// <summary>A new card of made-up person <paramref name="person"/>, in stock at the village.</summary>
    public static Card StockCard(PersonalDataProtector protector, OrgUnit village, int bankId, int person, DateTime nowUtc)
    {
        var id = SyntheticTaskList.IdNumberFor(person);
        var number = SyntheticTaskList.CardFor(person);
        return Card.Register(new Card
        {
            TenantId = village.TenantId, HolderName = "目标持卡人", VillageId = village.Id, BankId = bankId,
            IdNumberCipher = protector.Protect(id, Purposes.IdNumber), IdNumberHash = protector.Hash(id, Purposes.IdNumber), IdNumberMasked = Mask.IdNumber(id),
            CardNumberCipher = protector.Protect(number, Purposes.BankCard), CardNumberHash = protector.Hash(number, Purposes.BankCard),
            CardNumberMasked = Mask.BankCard(number),
        }, CardState.InStock, Custody.AtVillage(village.Id), "scenario", "场景", nowUtc);
    }

    /// <summary>
    /// A village of <paramref name="people"/> task rows (永吉村, in a campaign of its own so no other test's village
    /// changes), signed and submitted by its clerk with every row unverified: what the town reviews in a real village.
    /// </summary>
    public static async Task<(int CampaignId, int VillageId)> SubmittedVillageAsync(IServiceProvider services, int people)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clerk = await users.FindByNameAsync("demo.clerk12") ?? throw new InvalidOperationException("demo.clerk12 is missing");
        var village = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == clerk.OrgUnitId);
        var (campaign, _, _) = await CampaignWithRowsAsync(options, protector, village.TenantId, "BIG-1", village, [village], 700_000, people);
        await using var db = new AppDbContext(options, new FixedTenant(village.TenantId));
        if (!await db.VillageSubmissions.AnyAsync(v => v.CampaignId == campaign.Id))
        {
            await SubmitVillageAsync(services, campaign.Id, village.Id, "demo.clerk12");
        }
        return (campaign.Id, village.Id);
    }

    /// <summary>
    /// A verifier's day for the offline journey: campaign DAY-1 with <paramref name="people"/> rows and DAY-2 with two,
    /// both in 金鸡村 and both given to demo.verifier11, so that signing DAY-2 meanwhile touches nothing else.
    /// </summary>
    public static async Task<(long[] Day, long[] Signed, int SignedCampaignId, int VillageId)> OfflineDayAsync(IServiceProvider services, int people)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var verifier = await users.FindByNameAsync("demo.verifier11") ?? throw new InvalidOperationException("demo.verifier11 is missing");
        var village = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == verifier.OrgUnitId);
        var (day, _, _) = await CampaignWithRowsAsync(options, protector, village.TenantId, "DAY-1", village, [village], 800_000, people);
        var (signed, _, _) = await CampaignWithRowsAsync(options, protector, village.TenantId, "DAY-2", village, [village], 810_000, 2);
        await using var db = new AppDbContext(options, new FixedTenant(village.TenantId));
        var rows = await db.TaskRows.Where(r => r.CampaignId == day.Id || r.CampaignId == signed.Id).OrderBy(r => r.Id).ToListAsync();
        foreach (var row in rows.Where(r => r.VerifierId is null))
        {
            row.AssignTo(verifier.Id, DateTime.UtcNow);
        }
        await db.SaveChangesAsync();
        return (rows.Where(r => r.CampaignId == day.Id).Select(r => r.Id).ToArray(), rows.Where(r => r.CampaignId == signed.Id).Select(r => r.Id).ToArray(),
            signed.Id, village.Id);
    }

    /// <summary>The village's clerk signs and submits its statistics for the campaign, whatever is still open (demo.clerk of the village).</summary>
    public static async Task SubmitVillageAsync(IServiceProvider services, int campaignId, int villageId, string clerkName)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using var scope = services.CreateAsyncScope();
        var clerk = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(clerkName)
            ?? throw new InvalidOperationException($"{clerkName} is missing");
        await using var db = new AppDbContext(options, new FixedTenant(clerk.TenantId));
        var (digest, _, open) = await SocialCardAudit.UseCases.Statistics.StatisticsQueries.DigestAsync(db, campaignId, villageId, default);
        var submission = new SocialCardAudit.Domain.SignOff.VillageSubmission { TenantId = clerk.TenantId, CampaignId = campaignId, VillageId = villageId };
        submission.Submit(open, SocialCardAudit.Domain.SignOff.SharedReason.Fill(null, open, "外出务工"), digest, clerk.Id, DateTime.UtcNow);
        db.VillageSubmissions.Add(submission);
        await db.SaveChangesAsync();
    }

    /// <summary>The campaign (made if missing, in the village's town), and one import of <paramref name="perVillage"/> people per village plus one bad row.</summary>
    private static async Task<(Campaign C, long ImportId, Dictionary<int, long> Rows)> CampaignWithRowsAsync(
        DbContextOptions<AppDbContext> options, PersonalDataProtector protector, int tenantId, string code, OrgUnit? townOf,
        IReadOnlyList<OrgUnit> villages, int people, int perVillage = 2)
    {
        await using var db = new AppDbContext(options, new FixedTenant(tenantId));
        var campaign = await db.Campaigns.Include(c => c.Villages).SingleOrDefaultAsync(c => c.Code == code);
        if (campaign is null)
        {
            campaign = Campaign.Create(tenantId, townOf!.ParentId!.Value, new CampaignTerms(code, code + " 清查", "测试〔2021〕1号",
                new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30), villages.Select(v => v.Id).ToList(), []),
                villages.ToDictionary(v => v.Id, v => v.ParentId!.Value));
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
        }
        var existing = await db.TaskRows.Where(r => r.CampaignId == campaign.Id && r.Name != "")
            .GroupBy(r => r.VillageId).Select(g => new { g.Key, Id = g.Min(r => r.Id), Import = g.Min(r => r.ImportId) }).ToListAsync();
        if (existing.Count == villages.Count)
        {
            return (campaign, existing[0].Import, existing.ToDictionary(e => e.Key, e => e.Id));
        }

        var rows = SyntheticTaskList.Rows(people + perVillage * villages.Count, villages.Select(v => v.Name).ToList()).Skip(people).ToList();
        var bad = (string[])rows[0].Clone();
        bad[2] = "12345"; // rejected: the import has an error report
        rows.Add(bad);
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, rows);
        var job = new TaskImport
        {
            CampaignId = campaign.Id, FileName = "scenario.xlsx", FileSize = file.Length, Sha256 = new string('0', 64),
            UserId = "scenario", UserName = "scenario", CreatedAtUtc = DateTime.UtcNow,
        };
        db.TaskImports.Add(job);
        await db.SaveChangesAsync();
        file.Position = 0;
        await new TaskImporter(db, protector, TimeProvider.System, NullLogger<TaskImporter>.Instance).RunAsync(job, file, null, default);
        if (job.Status != ImportStatus.Succeeded)
        {
            throw new InvalidOperationException($"Scenario import failed: {job.Message}");
        }
        var ids = await db.TaskRows.Where(r => r.ImportId == job.Id).GroupBy(r => r.VillageId).Select(g => new { g.Key, Id = g.Min(r => r.Id) }).ToListAsync();
        return (campaign, job.Id, ids.ToDictionary(e => e.Key, e => e.Id));
    }

    private static async Task AssignAsync(AppDbContext db, long rowId, string verifierId)
    {
        var row = await db.TaskRows.IgnoreQueryFilters().SingleAsync(r => r.Id == rowId);
        row.AssignTo(verifierId, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }
}
