using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Security;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>Records sign-ins, failures, denials, account changes, reveals, exports and signatures with who, when and from where, in the county's hash chain.</summary>
public sealed class SecurityEvents(AppDbContext db, IHttpContextAccessor http, ILogger<SecurityEvents> log, IConfiguration config)
{
    public Task RecordAsync(SecurityEventKind kind, string userName, string? userId = null, int? tenantId = null, string? detail = null)
    {
        var ctx = http.HttpContext;
        var e = new SecurityEvent
        {
            Kind = kind,
            UserName = Truncate(userName, 256)!,
            UserId = userId,
            TenantId = tenantId,
            RemoteIp = ctx?.Connection.RemoteIpAddress?.ToString(),
            Path = Truncate(ctx?.Request.Path.Value, 512),
            Detail = Truncate(detail, 512),
        };
        db.SecurityEvents.Add(e);
        log.LogInformation("Security event {Kind} for {UserName} from {RemoteIp} at {Path}", kind, e.UserName, e.RemoteIp, e.Path);
        return AuditChain.AppendAsync(db, e, config.GetValue("Security:DigestAlgorithm", Domain.SignOff.DigestAlgorithm.Sha256));
    }

    /// <summary>For a signed-in user: the tenant and id come from the principal.</summary>
    public Task RecordAsync(SecurityEventKind kind, ClaimsPrincipal user, string? detail = null) =>
        RecordAsync(kind, user.Identity?.Name ?? "(匿名)", user.FindFirstValue(ClaimTypes.NameIdentifier), AppClaims.TenantOf(user), detail);

    private static string? Truncate(string? s, int max) => s is { Length: > 0 } && s.Length > max ? s[..max] : s;
}
