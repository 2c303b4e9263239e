using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Import;

/// <summary>The rejected rows of an import as a workbook, task list or card register alike.</summary>
public static class ImportErrorReport
{
    /// <summary>They hold full ID and card numbers: each download is recorded, the county's copy is masked, nothing is cached.</summary>
    public static async Task<IActionResult> DownloadAsync(this Controller controller, ImportJob job, string fileName,
        PersonalDataProtector protector, SecurityEvents events)
    {
        if (job.ErrorReportCipher is null)
        {
            return controller.NotFound();
        }
        var what = job.Kind switch { ImportKind.CardRegister => "社保卡台账导入", ImportKind.ComparisonList => "比对名单导入", _ => "导入批次" };
        await events.RecordAsync(SecurityEventKind.PersonalDataExported, controller.User, $"下载{what} {job.Id} 的未导入行({job.Rejected} 行)");
        controller.Response.Headers.CacheControl = "no-store";
        var report = protector.UnprotectBytes(job.ErrorReportCipher, Purposes.ErrorReport);
        return controller.File(Access.SeesFullNumbers(AppClaims.ScopeOf(controller.User)!) ? report : ErrorReport.Masked(report),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
