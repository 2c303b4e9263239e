using SocialCardAudit.Data;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>The town office closes a 疑点 of its villages with how it was resolved.</summary>
public sealed class CloseIssue(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long issueId, string? resolution, CancellationToken ct) =>
        IssueMoves.OnIssueAsync(db, issueId, (issue, _, village) => Access.Access.CanCloseIssue(actor.Scope, issue, village),
            issue => issue.Close(resolution ?? "", actor.UserId, time.GetUtcNow().UtcDateTime), "疑点已处理完毕。", ct);
}
