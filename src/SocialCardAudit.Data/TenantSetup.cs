using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Data;

/// <summary>A new county with its first administrator: how a real installation starts (no demo data).</summary>
public sealed class TenantSetup(AppDbContext db, UserManager<AppUser> users)
{
    /// <returns>The administrator's temporary password, to be changed at first sign-in.</returns>
    public async Task<string> CreateAsync(string code, string name, string divisionCode, string adminUserName, string adminFullName, string adminPhone,
        string timeZone = CountyClock.DefaultZoneId, CancellationToken ct = default)
    {
        if (!CountyClock.IsKnownZone(timeZone))
        {
            throw new DomainException($"时区“{timeZone}”无效:请用 IANA 时区名,如 Asia/Shanghai(北京时间)或 Asia/Urumqi。");
        }
        if (await db.Tenants.AnyAsync(t => t.Code == code, ct))
        {
            throw new DomainException($"县(区)代码“{code}”已存在。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tenant = new Tenant { Code = code, Name = name, TimeZone = timeZone };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        var county = OrgUnit.NewCounty(tenant.Id, divisionCode, name);
        db.OrgUnits.Add(county);
        await db.SaveChangesAsync(ct);

        var password = TemporaryPassword.New();
        var admin = new AppUser
        {
            UserName = adminUserName, FullName = adminFullName, PhoneNumber = adminPhone,
            TenantId = tenant.Id, OrgUnitId = county.Id, MustChangePassword = true,
        };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(admin, Roles.TenantAdmin);
        }
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(";", result.Errors.Select(e => e.Description)));
        }
        await tx.CommitAsync(ct);
        return password;
    }
}
