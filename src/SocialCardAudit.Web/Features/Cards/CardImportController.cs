using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.Web.Features.Import;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Cards;

public sealed record CardImportPage(IReadOnlyList<OrgUnit> Towns, int? TownId);

/// <summary>Bank and card-system exports into the register, by the town office for its town or the county for any town, in the background like a task list.</summary>
[Authorize(Policy = Policies.CampaignManagers)]
public sealed class CardImportController(AppDbContext db, ImportNode node, PersonalDataProtector protector, SecurityEvents events) : Controller
{
    private const string Views = "/Features/Cards/";

    [HttpGet("cards/import", Name = "CardImport.New")]
    public async Task<IActionResult> New(CancellationToken ct) => View(Views + "Import.cshtml", new CardImportPage(await TownsAsync(ct), null));

    [HttpPost("cards/import", Name = "CardImport.Upload")]
    public async Task<IActionResult> Upload(int? townId, IFormFile? file, [FromServices] StartImport start, CancellationToken ct)
    {
        var towns = await TownsAsync(ct);
        var town = towns.Count == 1 ? towns[0] : towns.SingleOrDefault(t => t.Id == townId);
        async Task<IActionResult> Again(string error)
        {
            ModelState.AddModelError("", error);
            return View(Views + "Import.cshtml", new CardImportPage(towns, townId));
        }
        if (town is null)
        {
            return await Again("请选择导入到哪个乡镇(街道)的台账。");
        }
        await using var upload = file?.OpenReadStream();
        var (result, job) = await start.CardRegisterAsync(AppClaims.ActorOf(User), town.Id, file?.FileName, upload, ct);
        if (job is not null)
        {
            await events.RecordAsync(SecurityEventKind.TaskDataImported, User, $"{result.Message}({job.FileSize} 字节,SHA-256 {job.Sha256[..12]}…)");
            return RedirectToRoute("CardImport.Progress", new { id = job.Id });
        }
        return await this.AnswerAsync(result, "", Again);
    }

    [HttpGet("cards/imports/{id:long}", Name = "CardImport.Progress")]
    public async Task<IActionResult> Progress(long id, CancellationToken ct)
    {
        var (import, town, denied) = await FindAsync(id, ct);
        return import is null ? denied! : View("/Features/Import/Progress.cshtml", new ImportPage(import, $"{town!.Name} 社保卡台账",
            ImportStatusModel.Of(import, node), Url.RouteUrl("CardImport.Progress", new { id })!, Url.RouteUrl("Cards.Index")!, "返回台账", Url.RouteUrl("CardImport.New")!));
    }

    [HttpGet("cards/imports/{id:long}/status", Name = "CardImport.Status")]
    public async Task<IActionResult> Status(long id, CancellationToken ct)
    {
        var (import, _, denied) = await FindAsync(id, ct);
        return import is null ? denied! : Json(ImportStatusModel.Of(import, node));
    }

    [HttpPost("cards/imports/{id:long}/cancel", Name = "CardImport.Cancel")]
    public async Task<IActionResult> Cancel(long id, [FromServices] CancelImport cancel, CancellationToken ct) =>
        await this.AnswerAsync(await cancel.HandleAsync(AppClaims.ActorOf(User), id, ct), Url.RouteUrl("CardImport.Progress", new { id })!);

    [HttpGet("cards/imports/{id:long}/errors", Name = "CardImport.Errors")]
    public async Task<IActionResult> Errors(long id, CancellationToken ct)
    {
        var (import, town, denied) = await FindAsync(id, ct);
        return import is null ? denied! : await this.DownloadAsync(import, $"{town!.Name}-社保卡台账-未导入的行-{id}.xlsx", protector, events);
    }

    private Task<List<OrgUnit>> TownsAsync(CancellationToken ct) =>
        Access.CardImportTowns(db, AppClaims.ScopeOf(User)!).OrderBy(u => u.Code).ToListAsync(ct);

    private async Task<(CardImport? Import, OrgUnit? Town, IActionResult? Denied)> FindAsync(long id, CancellationToken ct)
    {
        var import = await db.CardImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return (null, null, NotFound());
        }
        var town = await db.OrgUnits.SingleAsync(u => u.Id == import.TownId, ct);
        // The rule Access.CanManageImportAsync applies to a card import, on the town already loaded.
        return Access.CanImportCards(AppClaims.ScopeOf(User)!, town) ? (import, town, null) : (null, null, Forbid());
    }
}
