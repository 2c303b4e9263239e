using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Features.Admin;

/// <summary>A unit shown with its full path, e.g. 演示县 / 梅田湖镇 / 迎丰社区.</summary>
public sealed record UnitChoice(int Id, string Label, OrgLevel Level, string Code, int Depth);

public static class UnitChoices
{
    /// <summary>The tenant's units in tree order, down to <paramref name="deepest"/>.</summary>
    public static async Task<IReadOnlyList<UnitChoice>> LoadAsync(AppDbContext db, OrgLevel deepest, CancellationToken ct)
    {
        var units = await db.OrgUnits.Where(u => u.Level <= deepest).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name, u.Level, u.Code }).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Code, u => u.Name);
        return units.Select(u =>
        {
            var path = new List<string>();
            for (var length = OrgCode.CountyLength; length <= u.Code.Length; length += OrgCode.SegmentLength)
            {
                path.Add(names.GetValueOrDefault(u.Code[..length], "?"));
            }
            return new UnitChoice(u.Id, string.Join(" / ", path), u.Level, u.Code, (int)u.Level - 1);
        }).ToList();
    }
}
