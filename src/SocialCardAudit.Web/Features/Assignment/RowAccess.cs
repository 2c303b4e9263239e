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
        Roles.Verifier => row.VerifierId == userId,
        _ => false,
    };

    /// <summary>The full ID and card number, for those who work with the person: town, village clerk, the assigned verifier. The county supervises with masked numbers.</summary>
    public static bool CanReveal(UserScope scope, string userId, TaskRow row, OrgUnit village) =>
        scope.Role != Roles.CountySupervisor && CanView(scope, userId, row, village);

    public static bool CanAssign(UserScope scope, OrgUnit village) =>
        scope.Role == Roles.VillageClerk && scope.UnitId == village.Id;
}
