using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Cards;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Data.Tasks;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Cards;

public sealed record CardImportPage(IReadOnlyList<OrgUnit> Towns, int? TownId);

public sealed record CardImportResult(CardImport Import, string Town);

/// <summary>Bank and card-system exports into the register, by the town office for its town or the county for any town.</summary>
[Authorize(Policy = Policies.CampaignManagers)]
public sealed class CardImportController(AppDbContext db, CardImporter importer, PersonalDataProtector protector, SecurityEvents events) : Controller
{
    private const string Views = "/Features/Cards/";

    private UserScope Scope => AppClaims.ScopeOf(User)!;

    [HttpGet("cards/import")]
    public async Task<IActionResult> New(CancellationToken ct) => View(Views + "Import.cshtml", new CardImportPage(await TownsAsync(ct), null));

    [HttpPost("cards/import")]
    [RequestSizeLimit(64 * 1024 * 1024)] // above the file limit, so a too-large file gets a Chinese answer, not a bare 413
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int? townId, IFormFile? file, CancellationToken ct)
    {
        var towns = await TownsAsync(ct);
        var town = towns.Count == 1 ? towns[0] : towns.SingleOrDefault(t => t.Id == townId);
        if (town is null)
        {
            ModelState.AddModelError("", "请选择导入到哪个乡镇(街道)的台账。");
        }
        else if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", $"请选择要导入的文件({TaskFile.Formats})。");
        }
        else if (file.Length > TaskFile.MaxBytes)
        {
            ModelState.AddModelError("", $"文件大小 {file.Length / 1024 / 1024} MB,超过上限 {TaskFile.MaxBytes / 1024 / 1024} MB。请按村(社区)拆分后分批导入。");
        }
        if (!ModelState.IsValid)
        {
            return View(Views + "Import.cshtml", new CardImportPage(towns, townId));
        }
        using var buffer = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var job = await importer.RunAsync(town!, buffer, Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } name ? name : "upload",
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, AppClaims.NameOf(User), ct);
        await events.RecordAsync(SecurityEventKind.TaskDataImported, User, $"社保卡台账 {town!.Name}:{job.FileName}({job.FileSize} 字节,SHA-256 {job.Sha256[..12]}…)");
        return Redirect($"/cards/imports/{job.Id}");
    }

    [HttpGet("cards/imports/{id:long}")]
    public async Task<IActionResult> Result(long id, CancellationToken ct)
    {
        var (import, town, denied) = await FindAsync(id, ct);
        return import is null ? denied! : View(Views + "ImportResult.cshtml", new CardImportResult(import, town!.Name));
    }

    [HttpGet("cards/imports/{id:long}/errors")]
    public async Task<IActionResult> Errors(long id, CancellationToken ct)
    {
        var (import, town, denied) = await FindAsync(id, ct);
        if (import is null)
        {
            return denied!;
        }
        if (import.ErrorReportCipher is null)
        {
            return NotFound();
        }
        await events.RecordAsync(SecurityEventKind.PersonalDataExported, User, $"下载社保卡台账导入 {id} 的未导入行({import.Rejected} 行)");
        Response.Headers.CacheControl = "no-store";
        var report = protector.UnprotectBytes(import.ErrorReportCipher, Purposes.ErrorReport);
        return File(Access.SeesFullNumbers(Scope) ? report : ErrorReport.Masked(report),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{town!.Name}-社保卡台账-未导入的行-{id}.xlsx");
    }

    private async Task<List<OrgUnit>> TownsAsync(CancellationToken ct)
    {
        var scope = Scope;
        return await db.OrgUnits.Where(u => u.Level == OrgLevel.Town && (scope.Role == Roles.CountySupervisor || u.Id == scope.UnitId))
            .OrderBy(u => u.Code).ToListAsync(ct);
    }

    private async Task<(CardImport? Import, OrgUnit? Town, IActionResult? Denied)> FindAsync(long id, CancellationToken ct)
    {
        var import = await db.CardImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return (null, null, NotFound());
        }
        var town = await db.OrgUnits.SingleAsync(u => u.Id == import.TownId, ct);
        return Access.Covers(Scope, town) ? (import, town, null) : (null, null, Forbid());
    }
}
