using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.Web.Features.Assignment;

namespace SocialCardAudit.Web.Features.Issues;

/// <summary>Whose 疑点 an account sees: the county all, a town its villages', a clerk their village's, a verifier those on their rows.</summary>
public static class IssueAccess
{
    public static IQueryable<SuspiciousIssue> Visible(AppDbContext db, UserScope scope, string userId) => scope.Role switch
    {
        Roles.CountySupervisor => db.SuspiciousIssues,
        Roles.TownOffice => db.SuspiciousIssues.Where(i => db.OrgUnits.Any(u => u.Id == i.VillageId && u.Code.StartsWith(scope.UnitCode))),
        Roles.VillageClerk => db.SuspiciousIssues.Where(i => i.VillageId == scope.UnitId),
        Roles.Verifier => db.SuspiciousIssues.Where(i => db.TaskRows.Where(RowAccess.AssignedTo(scope, userId)).Any(r => r.Id == i.TaskRowId)),
        _ => db.SuspiciousIssues.Where(_ => false),
    };
}
