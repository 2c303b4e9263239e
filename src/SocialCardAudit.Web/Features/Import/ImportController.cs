using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Import;

/// <summary>
/// The progress page of an import, a task list or a card register: <paramref name="Path"/> is the job's own address
/// (its status, cancel and error report hang below it), <paramref name="Into"/> what it goes into.
/// </summary>
public sealed record ImportPage(ImportJob Import, string Into, ImportStatusModel Status, string Path, string Back, string BackText, string Again);

/// <summary>What the progress page shows and polls: the live counts while running, the record once finished.</summary>
public sealed record ImportStatusModel(
    string Status, string StatusText, bool Finished, int Read, int Accepted, int Stored,
    int Imported, int AlreadyPresent, int Rejected, int Flagged, string? Message, bool HasErrorReport)
{
    /// <summary>The node running the import reads its counts from memory; any other node reads the ones renewed on the job.</summary>
    public static ImportStatusModel Of(ImportJob i, ImportNode node)
    {
        var p = node.Live(i.Id)?.Progress;
        return new(i.Status.ToString(), TaskImport.DisplayName(i.Status), i.IsFinished,
            p?.Read ?? i.RowsRead, p?.Accepted ?? i.RowsAccepted, p?.Stored ?? i.RowsStored,
            i.Imported, i.AlreadyPresent, i.Rejected, i.Flagged, i.Message, i.ErrorReportCipher is not null);
    }
}

/// <summary>Importing a task list into a campaign, in the background, with progress and a report of what was refused.</summary>
[Authorize(Policy = Policies.CampaignManagers)]
public sealed class ImportController(AppDbContext db, ImportNode node, PersonalDataProtector protector, SecurityEvents events)
    : Controller
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("imports/template", Name = "Import.Template")]
    public IActionResult Template() => File(TaskTemplate.Build(), Xlsx, "清查任务数据模板.xlsx");

    [HttpGet("imports/comparison-template", Name = "Import.ComparisonTemplate")]
    public IActionResult ComparisonTemplate() => File(TaskTemplate.BuildComparison(), Xlsx, "数据比对名单模板.xlsx");

    [HttpGet("campaigns/{id:int}/imports/new", Name = "Import.Upload")]
    public async Task<IActionResult> Upload(int id, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        return campaign is null ? denied! : View(campaign);
    }

    [HttpPost("campaigns/{id:int}/imports", Name = "Import.Upload.Post")]
    public async Task<IActionResult> Upload(int id, IFormFile? file, [FromServices] StartImport start, CancellationToken ct)
    {
        await using var upload = file?.OpenReadStream();
        var actor = AppClaims.ActorOf(User);
        var issuance = await db.Campaigns.AnyAsync(c => c.Id == id && c.Kind == CampaignKind.Issuance, ct);
        UseCases.Result result;
        ImportJob? job;
        if (issuance)
        {
            (result, job) = await start.ComparisonListAsync(actor, id, file?.FileName, upload, ct);
        }
        else
        {
            (result, job) = await start.TaskListAsync(actor, id, file?.FileName, upload, ct);
        }
        if (job is not null)
        {
            await events.RecordAsync(SecurityEventKind.TaskDataImported, User, $"{result.Message}({job.FileSize} 字节,SHA-256 {job.Sha256[..12]}…)");
            return RedirectToRoute("Import.Progress", new { id = job.Id });
        }
        return await this.AnswerAsync(result, "", async refusal =>
        {
            ModelState.AddModelError("", refusal);
            return View((await CampaignLookup.FindAsync(db, id, ct))!.Value.Campaign);
        });
    }

    [HttpGet("imports/{id:long}", Name = "Import.Progress")]
    public async Task<IActionResult> Progress(long id, CancellationToken ct)
    {
        var (import, campaign, denied) = await ManagedImportAsync(id, ct);
        return import is null ? denied! : View(new ImportPage(import, campaign!.Name, ImportStatusModel.Of(import, node),
            Url.RouteUrl("Import.Progress", new { id })!, Url.RouteUrl("Campaigns.Details", new { id = campaign.Id })!, $"返回{campaign.KindName}", Url.RouteUrl("Import.Upload", new { id = campaign.Id })!));
    }

    [HttpGet("imports/{id:long}/status", Name = "Import.Status")]
    public async Task<IActionResult> Status(long id, CancellationToken ct)
    {
        var (import, _, denied) = await ManagedImportAsync(id, ct);
        return import is null ? denied! : Json(ImportStatusModel.Of(import, node));
    }

    [HttpPost("imports/{id:long}/cancel", Name = "Import.Cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelImport cancel, CancellationToken ct) =>
        await this.AnswerAsync(await cancel.HandleAsync(AppClaims.ActorOf(User), id, ct), Url.RouteUrl("Import.Progress", new { id })!);

    [HttpGet("imports/{id:long}/errors", Name = "Import.Errors")]
    public async Task<IActionResult> Errors(long id, CancellationToken ct)
    {
        var (import, campaign, denied) = await ManagedImportAsync(id, ct);
        return import is null ? denied! : await this.DownloadAsync(import, $"{campaign!.Code}-未导入的行-{id}.xlsx", protector, events);
    }

    /// <summary>A task list or a comparison list: the imports into a campaign.</summary>
    private async Task<(ImportJob? Import, Campaign? Campaign, IActionResult? Denied)> ManagedImportAsync(long id, CancellationToken ct)
    {
        var import = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && (i.Kind == ImportKind.TaskList || i.Kind == ImportKind.ComparisonList), ct);
        if (import is null)
        {
            return (null, null, NotFound());
        }
        var campaignId = import is TaskImport t ? t.CampaignId : ((Domain.Issuance.ComparisonImport)import).CampaignId;
        var (campaign, denied) = await this.AuthorizeAsync(db, campaignId, CampaignRight.Manage, ct);
        return campaign is null ? (null, null, denied) : (import, campaign, null);
    }
}
