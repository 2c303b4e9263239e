using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>What the 疑点 and fraud-case use cases share: finding the object with its row and village, asking, acting, saving.</summary>
internal static class IssueMoves
{
    public static async Task<Result> OnIssueAsync(AppDbContext db, long issueId, Func<SuspiciousIssue, TaskRow, OrgUnit, bool> allowed,
        Action<SuspiciousIssue> act, string done, CancellationToken ct)
    {
        var issue = await db.SuspiciousIssues.Include(i => i.Comments).SingleOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return Result.NotFound;
        }
        var row = await db.TaskRows.SingleAsync(r => r.Id == issue.TaskRowId, ct);
        var village = await db.OrgUnits.SingleAsync(u => u.Id == issue.VillageId, ct);
        return allowed(issue, row, village) ? await SaveAsync(db, () => act(issue), done, ct) : Result.Denied;
    }

    public static async Task<Result> OnFraudCaseAsync(AppDbContext db, long caseId, Func<OrgUnit, bool> allowed, Action<FraudCase> act, string done, CancellationToken ct)
    {
        var fraud = await db.FraudCases.Include(c => c.Recoveries).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (fraud is null)
        {
            return Result.NotFound;
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == fraud.VillageId, ct);
        return allowed(village) ? await SaveAsync(db, () => act(fraud), done, ct) : Result.Denied;
    }

    private static async Task<Result> SaveAsync(AppDbContext db, Action act, string done, CancellationToken ct)
    {
        try
        {
            act();
            await db.SaveChangesAsync(ct);
            return Result.Done(done);
        }
        catch (DomainException e)
        {
            return Result.Refused(e.Message);
        }
    }
}
