using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Features.Org;

public sealed record ChildUnitRow(int Id, string Name, OrgLevel Level, int SubUnits, int Accounts);

public sealed record AccountRow(string FullName, string Role, bool IsDisabled);

/// <summary>A unit with its path from the top of the user's scope, its children and the accounts attached to it.</summary>
public sealed record UnitOverview(
    OrgUnit Unit, IReadOnlyList<OrgUnit> Breadcrumb, IReadOnlyList<ChildUnitRow> Children, IReadOnlyList<AccountRow> Accounts)
{
    public static async Task<UnitOverview> LoadAsync(AppDbContext db, OrgUnit unit, UserScope scope, CancellationToken ct)
    {
        var ancestorCodes = new List<string>();
        for (var length = scope.UnitCode.Length; length < unit.Code.Length; length += OrgCode.SegmentLength)
        {
            ancestorCodes.Add(unit.Code[..length]);
        }
        var breadcrumb = await db.OrgUnits.Where(a => ancestorCodes.Contains(a.Code)).OrderBy(a => a.Code).ToListAsync(ct);

        var children = await db.OrgUnits
            .Where(c => c.ParentId == unit.Id)
            .OrderBy(c => c.Code)
            .Select(c => new ChildUnitRow(c.Id, c.Name, c.Level,
                db.OrgUnits.Count(g => g.ParentId == c.Id),
                db.Users.Count(u => u.OrgUnitId == c.Id)))
            .ToListAsync(ct);

        var accounts = await (
                from u in db.Users
                where u.OrgUnitId == unit.Id
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                orderby u.FullName
                select new AccountRow(u.FullName, r.Name!, u.IsDisabled))
            .ToListAsync(ct);

        return new UnitOverview(unit, breadcrumb, children, accounts);
    }
}
