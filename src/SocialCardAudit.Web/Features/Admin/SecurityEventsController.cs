using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Admin;

public sealed record SecurityEventPage(IReadOnlyList<SecurityEvent> Events, int Page, bool HasNext, SecurityEventKind? Kind, ChainCheck? Check = null);

/// <summary>
/// The county's record of sign-ins, failures, denials, account changes, reveals, exports and signatures: read,
/// checked link by link, exported; never changed or deleted here (nor anywhere in the product).
/// </summary>
[Route("admin/security-events")]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class SecurityEventsController(AppDbContext db, SecurityEvents events, CountyClock clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("", Name = "SecurityEvents.Index")]
    public async Task<IActionResult> Index(int page = 1, SecurityEventKind? kind = null, CancellationToken ct = default) =>
        View(await PageAsync(page, kind, null, ct));

    /// <summary>Recomputes every hash of the county's chain and says whether a record was edited, deleted or inserted, and where.</summary>
    [HttpPost("verify", Name = "SecurityEvents.Verify")]
    public async Task<IActionResult> Verify(CancellationToken ct) =>
        View("Index", await PageAsync(1, null, await AuditChain.VerifyAsync(db, AuditChain.ChainOf(AppClaims.TenantOf(User)), ct), ct));

    /// <summary>
    /// The records of a period (the last 180 days unless given) as CSV for Excel, each with its sequence and hashes,
    /// so a copy kept elsewhere can later show that nothing was cut from the end.
    /// </summary>
    [HttpGet("export.csv", Name = "SecurityEvents.Export")]
    public async Task<IActionResult> Export(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(-180);
        var (start, end) = (clock.ToUtc(first.ToDateTime(TimeOnly.MinValue)), clock.EndOfDayUtc(last));
        await events.RecordAsync(SecurityEventKind.AuditExported, User, $"{first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}");
        var rows = db.SecurityEvents.AsNoTracking().Where(e => e.AtUtc >= start && e.AtUtc < end).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var csv = new System.Text.StringBuilder("\uFEFF序号,时间(县时间),事件,登录名,来源地址,访问路径,说明,前一条哈希,本条哈希\r\n");
        static string Cell(string? v) => "\"" + (v ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await foreach (var e in rows.WithCancellation(ct))
        {
            csv.Append(string.Join(',', e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(clock.Second(e.AtUtc)),
                Cell(SecurityEvent.DisplayName(e.Kind)), Cell(e.UserName), Cell(e.RemoteIp), Cell(e.Path), Cell(e.Detail), e.PreviousHash, e.Hash)).Append("\r\n");
        }
        return File(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"安全日志-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
    }

    private async Task<SecurityEventPage> PageAsync(int page, SecurityEventKind? kind, ChainCheck? check, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var query = db.SecurityEvents.AsQueryable();
        if (kind is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }
        var found = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new SecurityEventPage(found.Take(PageSize).ToList(), page, found.Count > PageSize, kind, check);
    }
}
