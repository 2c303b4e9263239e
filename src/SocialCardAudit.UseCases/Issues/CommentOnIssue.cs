using SocialCardAudit.Data;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>The verifier, the clerk or the town adds an opinion to an open 疑点 (问题 → 意见 → 处理).</summary>
public sealed class CommentOnIssue(AppDbContext db, TimeProvider time)
{
    public Task<Result> HandleAsync(Actor actor, long issueId, string? text, CancellationToken ct) =>
        IssueMoves.OnIssueAsync(db, issueId, (issue, row, village) => Access.Access.CanCommentOnIssue(actor.Scope, actor.UserId, issue, row, village),
            issue => issue.Comment(text ?? "", actor.UserId, time.GetUtcNow().UtcDateTime), "已添加意见。", ct);
}
