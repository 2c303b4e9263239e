namespace SocialCardAudit.Data.Security;

/// <summary>
/// A signed-out session: a copy of its cookie taken before sign-out is refused from then on. Read before the tenant
/// is known (the cookie is what tells it), so it has no tenant; rows older than the longest session are removed.
/// </summary>
public sealed class EndedSession
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DateTime EndedAtUtc { get; set; }
}
