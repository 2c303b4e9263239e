using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Archive;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Campaigns;

namespace SocialCardAudit.UseCases.Archive;

/// <summary>
/// 归档: once a campaign is closed, those who manage it fix its signed documents as files: each village's 附件4 with
/// its signatures and the weekly reports as frozen (an issuance campaign: its progress report), numbered into
/// volumes by the classification scheme, each file stored encrypted with its SHA-256 and each volume with the digest
/// of its manifest. A campaign is archived once; the archive does not change afterwards.
/// </summary>
public sealed class CompileArchive(AppDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    /// <param name="verifyUrl">The address a 附件4's QR code opens, by village id.</param>
    public async Task<Result> HandleAsync(Actor actor, int campaignId, Func<int, string> verifyUrl, CancellationToken ct)
    {
        if (await CampaignLookup.FindAsync(db, campaignId, ct) is not var (campaign, owner))
        {
            return Result.NotFound;
        }
        if (!Access.Access.Allows(actor.Scope, campaign, owner, CampaignRight.Manage))
        {
            return Result.Denied;
        }
        if (!campaign.IsClosed)
        {
            return Result.Refused($"{campaign.KindName}“{campaign.Name}”尚未结束:结束后才能归档。");
        }
        if (await db.ArchiveVolumes.AnyAsync(v => v.CampaignId == campaignId, ct))
        {
            return Result.Refused($"“{campaign.Name}”已经归档,档案不能重新编制。");
        }
        var clock = await db.CountyClockAsync(campaign.TenantId, time, ct);
        var year = clock.Local(campaign.ClosedAtUtc!.Value).Year;
        var documents = await DocumentsAsync(actor, campaign, verifyUrl, clock, ct);
        var volumes = Volumes.Plan(year, documents.Select(d => d.Document), ClassificationScheme.Default);
        var bytes = documents.ToDictionary(d => d.Document, d => d.Bytes);
        foreach (var planned in volumes)
        {
            var files = planned.Documents.Select((d, i) => new ArchivedFile
            {
                TenantId = campaign.TenantId, Sequence = i + 1, Title = d.Document.Title, Kind = d.Document.Kind, FileNumber = d.Number.ToString(),
                Page = d.Number.Page, Pages = d.Document.Pages, FileName = $"{d.Number}.pdf", ContentType = "application/pdf",
                Cipher = protector.Protect(bytes[d.Document], Purposes.ArchivedFile), Sha256 = ArchiveVolume.Sha256(bytes[d.Document]),
            }).ToList();
            db.ArchiveVolumes.Add(new ArchiveVolume
            {
                TenantId = campaign.TenantId, CampaignId = campaign.Id, Year = year, Category = planned.Filing.Category,
                BusinessLink = planned.Filing.BusinessLink, Number = planned.Number, Retention = planned.Filing.Retention, Title = planned.Title,
                Pages = planned.Pages, CompiledById = actor.UserId, CompiledByName = actor.Name, CompiledAtUtc = clock.UtcNow,
                ManifestSha256 = ArchiveVolume.Sha256(ArchiveVolume.Manifest(files)), Files = files,
            });
        }
        await db.SaveChangesAsync(ct);
        return Result.Done($"已归档:{volumes.Count} 卷,{documents.Count} 份文件,共 {volumes.Sum(v => v.Pages)} 页。");
    }

    private async Task<List<(ArchiveDocument Document, byte[] Bytes)>> DocumentsAsync(Actor actor, Campaign campaign, Func<int, string> verifyUrl,
        CountyClock clock, CancellationToken ct)
    {
        var list = new List<(ArchiveDocument, byte[])>();
        void Add(string title, MaterialKind kind, byte[] pdf) => list.Add((new ArchiveDocument(title, kind, PdfForm.PageCount(pdf)), pdf));
        if (campaign.IsIssuance)
        {
            var progress = await new Issuance.IssuanceProgress(db, time).BuildAsync(actor, campaign, ct);
            Add($"{campaign.Name}进度通报", MaterialKind.CardIssuance, IssuanceDocuments.ProgressPdf(progress, clock));
            return list;
        }
        var villageIds = campaign.VillagesOf(actor.Scope.Role == Roles.TownOffice ? actor.Scope.UnitId : null);
        foreach (var village in await db.OrgUnits.Where(u => villageIds.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(ct))
        {
            var form = await Statistics.VillageForms.BuildAsync(db, campaign.Id, village, verifyUrl(village.Id), clock.UtcNow, ct);
            Add($"{village.Name}核查情况分类统计表(附件4)", MaterialKind.ClassifiedStatistics, StatisticsDocuments.VillagePdf(form, clock));
        }
        var weeks = await db.WeeklySnapshots.Where(s => s.CampaignId == campaign.Id).OrderBy(s => s.Year).ThenBy(s => s.Week)
            .Select(s => new { s.Year, s.Week }).ToListAsync(ct);
        foreach (var w in weeks)
        {
            var report = await Reports.WeeklyReports.BuildAsync(db, campaign, new ReportWeek(w.Year, w.Week), null, clock, ct);
            Add(WeeklyReportDocuments.Title(report), MaterialKind.WeeklyReport, WeeklyReportDocuments.Pdf(report, clock));
        }
        return list;
    }
}
