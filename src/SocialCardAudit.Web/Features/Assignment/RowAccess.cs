using System.Linq.Expressions;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Web.Features.Assignment;

/// <summary>Who may see a task row, see its numbers in full, and assign it.</summary>
public static class RowAccess
{
    /// <summary>County, town and village see the rows of their part; a verifier only the rows given to them.</summary>
    public static bool CanView(UserScope scope, string userId, TaskRow row, OrgUnit village) => scope.Role switch
    {
        Roles.CountySupervisor or Roles.TownOffice or Roles.VillageClerk => scope.Covers(village.TenantId, village.Code),
        Roles.Verifier => IsAssigned(scope, userId, row),
        _ => false,
    };

    /// <summary>
    /// A verifier's rows: given to them, and in the village they belong to now. An account moved to another unit
    /// keeps no right from an old assignment, even before its rows are returned to the clerk.
    /// </summary>
    public static bool IsAssigned(UserScope scope, string userId, TaskRow row) =>
        scope.Role == Roles.Verifier && row.VerifierId == userId && row.VillageId == scope.UnitId;

    /// <summary><see cref="IsAssigned"/> as a query filter.</summary>
    public static Expression<Func<TaskRow, bool>> AssignedTo(UserScope scope, string userId)
    {
        var unit = scope.UnitId;
        return r => r.VerifierId == userId && r.VillageId == unit;
    }

    /// <summary>The full ID and card number, for those who work with the person: town, village clerk, the assigned verifier. The county supervises with masked numbers.</summary>
    public static bool CanReveal(UserScope scope, string userId, TaskRow row, OrgUnit village) =>
        SeesFullNumbers(scope) && CanView(scope, userId, row, village);

    /// <summary>Whether full ID and card numbers may reach this role at all, on a page or in a file; the county's are masked.</summary>
    public static bool SeesFullNumbers(UserScope scope) => scope.Role != Roles.CountySupervisor;

    /// <summary>The village's clerk, and its town office (so a village without a clerk is never stuck).</summary>
    public static bool CanAssign(UserScope scope, OrgUnit village) =>
        (scope.Role == Roles.VillageClerk && scope.UnitId == village.Id)
        || (scope.Role == Roles.TownOffice && scope.Covers(village.TenantId, village.Code));
}
