using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Testing;

/// <summary>One unit and one account for each relation an actor can have to an object.</summary>
public sealed record Target(int UnitId, string UserId, string UserName);

/// <summary>
/// The demo data seen from the demo accounts of 迎丰社区: an object in their own village, in a sibling
/// village of the same town, in another town of the county, and in another county (tenant).
/// </summary>
public sealed record Scenario(Target Own, Target SiblingVillage, Target OtherTown, Target OtherTenant)
{
    public const string Password = "Target@2021";

    public static async Task<Scenario> PrepareAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>(); // no tenant outside a request: reads see past the filter explicitly
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var units = db.OrgUnits.IgnoreQueryFilters();

        var demo = await db.Tenants.SingleAsync(t => t.Code == "demo");
        var county = await units.SingleAsync(u => u.TenantId == demo.Id && u.Level == OrgLevel.County);
        var towns = await units.Where(u => u.ParentId == county.Id).ToListAsync();
        var otherTown = towns.SingleOrDefault(t => t.Name == "测试镇");
        if (otherTown is null)
        {
            otherTown = county.AddChild("测试镇", towns);
            db.OrgUnits.Add(otherTown);
            await db.SaveChangesAsync();
            db.OrgUnits.Add(otherTown.AddChild("测试村", []));
            await db.SaveChangesAsync();
        }

        async Task<Target> TargetIn(string villageName, string tenantCode, string userName)
        {
            var village = await units.SingleAsync(u => u.Name == villageName && u.Level == OrgLevel.Village
                && db.Tenants.Any(t => t.Id == u.TenantId && t.Code == tenantCode));
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser { UserName = userName, FullName = "目标账号", TenantId = village.TenantId, OrgUnitId = village.Id, PhoneNumber = "13900000000" };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, Roles.Verifier));
            }
            return new Target(village.Id, user.Id, userName);
        }

        return new Scenario(
            await TargetIn("迎丰社区", "demo", "t.own"),
            await TargetIn("三合村", "demo", "t.sibling"),
            await TargetIn("测试村", "demo", "t.othertown"),
            await TargetIn("东山村", "demo2", "t.othertenant"));
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }
}
