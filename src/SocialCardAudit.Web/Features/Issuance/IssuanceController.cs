using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;
using SocialCardAudit.UseCases.Issuance;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Issuance;

public sealed record CaseList(Campaign Campaign, IReadOnlyList<IssuanceCase> Cases, IReadOnlyDictionary<int, string> Villages,
    IReadOnlyDictionary<IssuanceStage, int> Counts, IssuanceStage? Stage, int? VillageId, int Total, int Page, bool CanImport, bool CanBatch, bool CanReport);

public sealed record CasePage(IssuanceCase Case, Campaign Campaign, OrgUnit Village, string? FullIdNumber, Card? Card, string? BankName,
    IssuanceBatch? Batch, IReadOnlyList<IssuanceAttachment> Pictures, DateOnly Today, bool CanVerify, bool CanRecordResult, bool CanIssue,
    VerifyForm Form, string? Error = null, string? ErrorForm = null);

public sealed record BatchesPage(Campaign Campaign, IReadOnlyList<IssuanceBatch> Batches, IReadOnlyDictionary<long, int> Sizes,
    IReadOnlyList<IssuanceCase> Ready, IReadOnlyDictionary<int, string> Banks, IReadOnlyDictionary<int, string> Villages, string? Error = null);

public sealed record BatchPage(IssuanceBatch Batch, Campaign Campaign, IReadOnlyList<IssuanceCase> Cases, string Bank, IReadOnlyDictionary<int, string> Villages, bool CanRecord);

/// <summary>
/// 应发尽发 on the web: the people of a campaign (the village's work list), one person's page with the step due
/// (核查, 制卡结果, 发放, 激活), the town's making batches and their results, and the progress report. Who may do
/// what is <see cref="Access"/>'s; the steps are the use cases'.
/// </summary>
[Authorize(Roles = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk},{Roles.Verifier}")]
public sealed class IssuanceController(AppDbContext db, PersonalDataProtector protector, SecurityEvents events, CountyClock clock) : Controller
{
    private const int PageSize = 100;

    private UserScope Scope => AppClaims.ScopeOf(User)!;
    private Actor Me => AppClaims.ActorOf(User);

    [HttpGet("campaigns/{id:int}/issuance", Name = "Issuance.Index")]
    public async Task<IActionResult> Index(int id, IssuanceStage? stage, int? village, int page = 1, CancellationToken ct = default)
    {
        var (campaign, owner, denied) = await IssuanceCampaignAsync(id, ct);
        if (campaign is null)
        {
            return denied!;
        }
        var all = Access.IssuanceCases(db, Scope).Where(c => c.CampaignId == id);
        var counts = await all.GroupBy(c => c.Stage).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var shown = all.Where(c => stage == null || c.Stage == stage).Where(c => village == null || c.VillageId == village);
        var total = await shown.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var cases = await shown.OrderBy(c => c.VillageId).ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return View(new CaseList(campaign, cases, await VillageNamesAsync(campaign, ct), counts, stage, village, total, page,
            Access.Allows(Scope, campaign, owner!, CampaignRight.Manage), Scope.Role == Roles.TownOffice,
            Scope.Role is Roles.CountySupervisor or Roles.TownOffice));
    }

    [HttpGet("issuance/{id:long}", Name = "Issuance.Case")]
    public async Task<IActionResult> Case(long id, CancellationToken ct)
    {
        var page = await CasePageAsync(id, null, null, null, ct);
        return page.Page is null ? page.Denied! : View(page.Page);
    }

    [HttpPost("issuance/{id:long}/verify", Name = "Issuance.Verify")]
    public async Task<IActionResult> Verify(long id, VerifyForm form, [FromServices] VerifyPerson verify, CancellationToken ct) =>
        await AnswerAsync(id, await verify.HandleAsync(Me, id, form.ToElements(), !form.Deceased, await form.PhotoAsync(ct), ct), "verify", form, ct);

    [HttpPost("issuance/{id:long}/result", Name = "Issuance.Result")]
    public async Task<IActionResult> Result(long id, bool made, string? bankCard, string? socialCardNumber, string? reason, string? note,
        [FromServices] RecordMakingResult record, CancellationToken ct) =>
        await AnswerAsync(id, await record.OneAsync(Me, id, new MakingResult(made, bankCard, socialCardNumber, reason, note), ct), "result", null, ct);

    [HttpPost("issuance/{id:long}/issue", Name = "Issuance.Issue")]
    public async Task<IActionResult> Issue(long id, MoveDetails details, IFormFile? receiptPhoto, string? drawnSignature, [FromServices] IssueCard issue, CancellationToken ct)
    {
        var receipt = await Pictures.FileAsync(receiptPhoto, IssuanceAttachmentKind.ReceiptPhoto, ct) ?? Pictures.Drawn(drawnSignature);
        details.Method = CardMethod.InPerson;
        return await AnswerAsync(id, await issue.IssueAsync(Me, id, details, receipt, ct), "issue", null, ct);
    }

    [HttpPost("issuance/{id:long}/activate", Name = "Issuance.Activate")]
    public async Task<IActionResult> Activate(long id, bool faceToFace, string? responsible, string? place, [FromServices] IssueCard issue, CancellationToken ct) =>
        await AnswerAsync(id, await issue.ActivateAsync(Me, id, faceToFace, responsible, place, ct), "activate", null, ct);

    /// <summary>A case's photo or signed receipt: personal data, for those who may see the full ID number.</summary>
    [HttpGet("issuance/{id:long}/pictures/{pictureId:guid}", Name = "Issuance.Picture")]
    public async Task<IActionResult> Picture(long id, Guid pictureId, CancellationToken ct)
    {
        var c = await db.IssuanceCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        var picture = await db.IssuanceAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == pictureId && a.CaseId == id, ct);
        if (c is null || picture is null)
        {
            return NotFound();
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == c.VillageId, ct);
        if (!Access.CanViewCase(Scope, village) || !Access.SeesFullNumbers(Scope))
        {
            return Forbid();
        }
        await events.RecordAsync(SecurityEventKind.PersonalDataViewed, User, $"应发尽发 {id}({c.Name})的{IssuanceAttachment.DisplayName(picture.Kind)}");
        Response.Headers.CacheControl = "no-store";
        return File(protector.UnprotectBytes(picture.Cipher, Purposes.Attachment), picture.ContentType);
    }

    [HttpGet("campaigns/{id:int}/issuance/batches", Name = "Issuance.Batches")]
    public async Task<IActionResult> Batches(int id, CancellationToken ct)
    {
        var (campaign, owner, denied) = await IssuanceCampaignAsync(id, ct);
        return campaign is null ? denied! : Scope.Role != Roles.TownOffice ? Forbid() : View(await BatchesPageAsync(campaign, null, ct));
    }

    [HttpPost("campaigns/{id:int}/issuance/batches", Name = "Issuance.Batches.Create")]
    public async Task<IActionResult> CreateBatch(int id, int bankId, MakingRoute route, List<long> caseIds, [FromServices] MakeBatch make, CancellationToken ct)
    {
        var (result, batch) = await make.HandleAsync(Me, id, bankId, route, caseIds, ct);
        return await this.AnswerAsync(result, batch is null ? Url.RouteUrl("Issuance.Batches", new { id })! : Url.RouteUrl("Issuance.Batch", new { id = batch.Id })!,
            async refusal =>
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return View("Batches", await BatchesPageAsync(await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Id == id, ct), refusal, ct));
            });
    }

    /// <summary>A batch's people; as .xlsx, the making list for the bank (full ID numbers: the bank makes the cards from it).</summary>
    [HttpGet("issuance/batches/{id:long}", Name = "Issuance.Batch")]
    public async Task<IActionResult> Batch(long id, string? format, CancellationToken ct)
    {
        var batch = await db.IssuanceBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }
        var town = await db.OrgUnits.SingleAsync(u => u.Id == batch.TownId, ct);
        if (!(Access.CanMakeCards(Scope, batch.TownId) || (Scope.Role == Roles.CountySupervisor && Access.Covers(Scope, town))))
        {
            return Forbid();
        }
        var campaign = await db.Campaigns.Include(c => c.Villages).AsNoTracking().SingleAsync(c => c.Id == batch.CampaignId, ct);
        var cases = await db.IssuanceCases.AsNoTracking().Where(c => c.BatchId == id).OrderBy(c => c.VillageId).ThenBy(c => c.Id).ToListAsync(ct);
        var bank = await db.Banks.Where(b => b.Id == batch.BankId).Select(b => b.Name).SingleAsync(ct);
        var villages = await VillageNamesAsync(campaign, ct);
        if (format == "xlsx")
        {
            if (!Access.CanMakeCards(Scope, batch.TownId))
            {
                return Forbid(); // the full numbers go to the town that sends the list to its bank
            }
            await events.RecordAsync(SecurityEventKind.PersonalDataExported, User, $"下载第 {batch.Number} 批制卡名单({cases.Count} 人,完整身份证号码)");
            Response.Headers.CacheControl = "no-store";
            var lines = cases.Where(c => c.Stage == IssuanceStage.InBatch)
                .Select(c => new MakingListLine(c.Name, protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber), villages[c.VillageId], c.ApplyingUnit, c.Elements));
            return File(IssuanceDocuments.MakingList($"{campaign.Name} 第 {batch.Number} 批{IssuanceBatch.DisplayName(batch.Route)}名单({bank})", lines),
                DocumentResults.Xlsx, $"{campaign.Code}-制卡名单-第{batch.Number}批.xlsx");
        }
        return View(new BatchPage(batch, campaign, cases, bank, villages, Access.CanMakeCards(Scope, batch.TownId)));
    }

    [HttpPost("issuance/batches/{id:long}/results", Name = "Issuance.Batch.Results")]
    public async Task<IActionResult> Results(long id, IFormFile? file, [FromServices] RecordMakingResult record, CancellationToken ct)
    {
        await using var upload = file?.OpenReadStream();
        return await this.AnswerAsync(await record.FileAsync(Me, id, file?.FileName, upload, ct), Url.RouteUrl("Issuance.Batch", new { id })!);
    }

    [HttpGet("campaigns/{id:int}/issuance/progress", Name = "Issuance.Progress")]
    public async Task<IActionResult> Progress(int id, string? format, [FromServices] IssuanceProgress progress, CancellationToken ct)
    {
        var (campaign, owner, denied) = await IssuanceCampaignAsync(id, ct);
        if (campaign is null)
        {
            return denied!;
        }
        if (Scope.Role is not (Roles.CountySupervisor or Roles.TownOffice))
        {
            return Forbid();
        }
        var report = await progress.BuildAsync(Me, campaign, ct);
        return format is "xlsx" or "pdf"
            ? this.Document(format, () => IssuanceDocuments.ProgressXlsx(report, clock), () => IssuanceDocuments.ProgressPdf(report, clock), $"{campaign.Code}-应发尽发进度-{report.Today:yyyyMMdd}")
            : View(report);
    }

    private async Task<IActionResult> AnswerAsync(long id, Result result, string form, VerifyForm? posted, CancellationToken ct) =>
        await this.AnswerAsync(result, Url.RouteUrl("Issuance.Case", new { id })!, async refusal =>
        {
            var page = await CasePageAsync(id, posted, refusal, form, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page.Page is null ? page.Denied! : View("Case", page.Page);
        });

    private async Task<(CasePage? Page, IActionResult? Denied)> CasePageAsync(long id, VerifyForm? posted, string? error, string? form, CancellationToken ct)
    {
        var c = await db.IssuanceCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return (null, NotFound());
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == c.VillageId, ct);
        if (!Access.CanViewCase(Scope, village))
        {
            return (null, Forbid());
        }
        var campaign = await db.Campaigns.Include(x => x.Villages).Include(x => x.Phases).AsNoTracking().SingleAsync(x => x.Id == c.CampaignId, ct);
        string? fullId = null;
        if (Access.SeesFullNumbers(Scope))
        {
            fullId = protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber);
            await events.RecordAsync(SecurityEventKind.PersonalDataViewed, User, $"应发尽发 {id}({c.Name})的完整身份证号码");
            Response.Headers.CacheControl = "no-store";
        }
        var card = c.CardId is { } cardId ? await db.Cards.AsNoTracking().SingleAsync(k => k.Id == cardId, ct) : null;
        var batch = c.BatchId is { } batchId ? await db.IssuanceBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct) : null;
        var bankId = card?.BankId ?? batch?.BankId;
        var bank = bankId is null ? null : await db.Banks.Where(b => b.Id == bankId).Select(b => b.Name).SingleAsync(ct);
        var pictures = await db.IssuanceAttachments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
        var open = !campaign.IsClosed;
        return (new CasePage(c, campaign, village, fullId, card, bank, batch, pictures, clock.Today,
            open && Access.CanVerifyCase(Scope, village) && c.Stage is IssuanceStage.Compared or IssuanceStage.Verified or IssuanceStage.MakingFailed,
            open && batch is not null && c.Stage == IssuanceStage.InBatch && Access.CanMakeCards(Scope, batch.TownId),
            open && Access.CanManageCards(Scope, village) && c.Stage is IssuanceStage.Made or IssuanceStage.Issued,
            posted ?? VerifyForm.From(c.Elements, fullId, clock.Today), error, form), null);
    }

    private async Task<BatchesPage> BatchesPageAsync(Campaign campaign, string? error, CancellationToken ct)
    {
        var batches = await db.IssuanceBatches.AsNoTracking().Where(b => b.CampaignId == campaign.Id && b.TownId == Scope.UnitId).OrderByDescending(b => b.Number).ToListAsync(ct);
        var ids = batches.Select(b => b.Id).ToList();
        var sizes = await db.IssuanceCases.Where(c => c.BatchId != null && ids.Contains(c.BatchId.Value)).GroupBy(c => c.BatchId!.Value)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var ready = await Access.IssuanceCases(db, Scope).AsNoTracking()
            .Where(c => c.CampaignId == campaign.Id && c.Stage == IssuanceStage.Verified && c.Comparison != ComparisonResult.CardMade)
            .OrderBy(c => c.VillageId).ThenBy(c => c.Id).Take(2000).ToListAsync(ct);
        ready = ready.Where(c => c.Elements?.Missing(clock.Today).Count == 0).ToList();
        return new BatchesPage(campaign, batches, sizes, ready, await db.Banks.OrderBy(b => b.Id).ToDictionaryAsync(b => b.Id, b => b.Name, ct),
            await VillageNamesAsync(campaign, ct), error);
    }

    /// <summary>An issuance campaign the user may see, with its owner: 404 outside the county or for an audit campaign, 403 outside the scope.</summary>
    private async Task<(Campaign? Campaign, OrgUnit? Owner, IActionResult? Denied)> IssuanceCampaignAsync(int id, CancellationToken ct)
    {
        if (await UseCases.Campaigns.CampaignLookup.FindAsync(db, id, ct) is not var (campaign, owner))
        {
            return (null, null, NotFound());
        }
        return !Access.Allows(Scope, campaign, owner, CampaignRight.View) ? (null, null, Forbid())
            : campaign.IsIssuance ? (campaign, owner, null) : (null, null, NotFound());
    }

    private Task<Dictionary<int, string>> VillageNamesAsync(Campaign campaign, CancellationToken ct)
    {
        var ids = campaign.Villages.Select(v => v.VillageId).ToList();
        return db.OrgUnits.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
