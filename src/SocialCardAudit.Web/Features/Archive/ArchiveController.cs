using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain.Archive;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Archive;
using SocialCardAudit.Web.Features.Campaigns;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Archive;

public sealed record ArchivePage(Campaign Campaign, IReadOnlyList<ArchiveVolume> Volumes, IReadOnlyList<string>? Problems);

/// <summary>A closed campaign's archive: compile it once, the catalogue of volumes (案卷目录), each volume's files (卷内目录), verify.</summary>
[Authorize(Policy = Policies.CampaignManagers)]
public sealed class ArchiveController(AppDbContext db, PersonalDataProtector protector, SecurityEvents events, IConfiguration config) : Controller
{
    [HttpGet("campaigns/{id:int}/archive", Name = "Archive.Index")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        return campaign is null ? denied! : View(new ArchivePage(campaign, await VolumesAsync(id, ct), null));
    }

    [HttpPost("campaigns/{id:int}/archive", Name = "Archive.Compile")]
    public async Task<IActionResult> Compile(int id, [FromServices] CompileArchive compile, CancellationToken ct)
    {
        var site = config["App:PublicUrl"] is { Length: > 0 } s ? s.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var result = await compile.HandleAsync(AppClaims.ActorOf(User), id, village => site + Url.RouteUrl("SignOff.Verify", new { id, villageId = village }), ct);
        return await this.AnswerAsync(result, Url.RouteUrl("Archive.Index", new { id })!);
    }

    [HttpPost("campaigns/{id:int}/archive/verify", Name = "Archive.Verify")]
    public async Task<IActionResult> Verify(int id, CancellationToken ct)
    {
        var (campaign, denied) = await this.AuthorizeAsync(db, id, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        var problems = await VerifyArchive.ProblemsAsync(db, protector, id, ct);
        await events.RecordAsync(SecurityEventKind.PersonalDataViewed, User, $"核验“{campaign.Name}”的档案:{(problems.Count == 0 ? "全部相符" : $"{problems.Count} 处不符")}");
        return View("Index", new ArchivePage(campaign, await VolumesAsync(id, ct), problems));
    }

    /// <summary>One archived file as it was fixed: personal data, for those who manage the campaign, each download logged.</summary>
    [HttpGet("archive/files/{id:long}", Name = "Archive.File")]
    public async Task<IActionResult> Download(long id, CancellationToken ct)
    {
        var file = await db.ArchivedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        var campaignId = await db.ArchiveVolumes.Where(v => v.Id == file.VolumeId).Select(v => v.CampaignId).SingleAsync(ct);
        var (campaign, denied) = await this.AuthorizeAsync(db, campaignId, CampaignRight.Manage, ct);
        if (campaign is null)
        {
            return denied!;
        }
        await events.RecordAsync(SecurityEventKind.PersonalDataExported, User, $"下载档案 {file.FileNumber}“{file.Title}”");
        Response.Headers.CacheControl = "no-store";
        return File(protector.UnprotectBytes(file.Cipher, Purposes.ArchivedFile), file.ContentType, file.FileName);
    }

    private Task<List<ArchiveVolume>> VolumesAsync(int campaignId, CancellationToken ct) =>
        db.ArchiveVolumes.AsNoTracking().Include(v => v.Files.OrderBy(f => f.Sequence)).Where(v => v.CampaignId == campaignId)
            .OrderBy(v => v.Category).ThenBy(v => v.BusinessLink).ThenBy(v => v.Number).ToListAsync(ct);
}
