using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Features.Verification;

public sealed record MyRow(long Id, string Name, string IdNumberMasked, string? Address, string? Phone, string? Flags);

public sealed record MyGroup(string GroupName, IReadOnlyList<MyRow> Rows);

public sealed record MyList(string? CampaignName, IReadOnlyList<MyGroup> Groups, int Total);

/// <summary>The verifier's own list: the rows assigned to them in open campaigns, by resident group.</summary>
[Authorize(Roles = Roles.Verifier)]
public sealed class VerificationController(AppDbContext db) : Controller
{
    [HttpGet("my/tasks")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var rows = await db.TaskRows
            .Where(r => r.VerifierId == me && db.Campaigns.Any(c => c.Id == r.CampaignId && c.ClosedAtUtc == null))
            .OrderBy(r => r.ResidentGroupId).ThenBy(r => r.SourceNumber).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.IdNumberMasked, r.Address, r.Phone, r.ImportFlags, r.ResidentGroupId, r.CampaignId })
            .ToListAsync(ct);
        var groupIds = rows.Where(r => r.ResidentGroupId != null).Select(r => r.ResidentGroupId!.Value).Distinct().ToList();
        var groupNames = await db.OrgUnits.Where(u => groupIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var campaignIds = rows.Select(r => r.CampaignId).Distinct().ToList();
        var campaignName = campaignIds.Count == 1 ? await db.Campaigns.Where(c => c.Id == campaignIds[0]).Select(c => c.Name).SingleAsync(ct) : null;
        var groups = rows
            .GroupBy(r => r.ResidentGroupId is { } g ? groupNames.GetValueOrDefault(g, "") : "未分组")
            .Select(g => new MyGroup(g.Key, g.Select(r => new MyRow(r.Id, r.Name, r.IdNumberMasked, r.Address, r.Phone, r.ImportFlags)).ToList()))
            .ToList();
        return View(new MyList(campaignName, groups, rows.Count));
    }
}
