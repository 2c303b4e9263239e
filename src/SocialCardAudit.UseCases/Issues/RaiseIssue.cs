using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>The row's verifier or the village's clerk marks a person as a 疑点 for the town centre to answer.</summary>
public sealed class RaiseIssue(AppDbContext db, TimeProvider time)
{
    public async Task<(Result Result, SuspiciousIssue? Issue)> HandleAsync(Actor actor, long rowId, string? reason, string? details, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rowId, ct);
        if (row is null)
        {
            return (Result.NotFound, null);
        }
        if (!Access.Access.CanRaiseIssue(actor.Scope, actor.UserId, row))
        {
            return (Result.Denied, null);
        }
        try
        {
            var issue = SuspiciousIssue.Raise(row.Id, row.CampaignId, row.VillageId, reason ?? "", details, actor.UserId, time.GetUtcNow().UtcDateTime);
            db.SuspiciousIssues.Add(issue);
            await db.SaveChangesAsync(ct);
            return (Result.Done($"已将 {row.Name} 标记为疑点,报镇社会事业综合服务中心。"), issue);
        }
        catch (DomainException e)
        {
            return (Result.Refused(e.Message), null);
        }
    }
}
