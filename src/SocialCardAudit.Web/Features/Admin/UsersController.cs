using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Admin;

public sealed record UserRow(string Id, string UserName, string FullName, string? Phone, string Role, string Unit, bool IsDisabled, bool IsLockedOut, bool TwoFactor);

/// <summary>The tenant administrator's management of real-name accounts.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class UsersController(
    AppDbContext db, UserManager<AppUser> users, SecurityEvents events, IValidator<UserForm> validator, CountyClock clock) : Controller
{
    [HttpGet("", Name = "Users.Index")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        var choices = (await UnitChoices.LoadAsync(db, OrgLevel.Village, ct)).ToDictionary(c => c.Id, c => c.Label);
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            q = q.Trim();
            // Login names are found whatever the case, on every engine: SQLite and PostgreSQL compare text
            // case-sensitively, SQL Server's usual collation does not; Identity keeps an upper-cased copy.
            var upper = q.ToUpperInvariant();
            query = query.Where(u => u.FullName.Contains(q) || u.NormalizedUserName!.Contains(upper));
        }
        var now = DateTimeOffset.UtcNow;
        var rows = await (
                from u in query
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                select new { u.Id, u.UserName, u.FullName, u.PhoneNumber, Role = r.Name, u.OrgUnitId, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);
        ViewData["Query"] = q;
        ViewData["TwoFactorForStaff"] = await db.Tenants.Where(t => t.Id == AppClaims.TenantOf(User)).Select(t => t.TwoFactorForStaff).SingleAsync(ct);
        return View(rows
            .Select(u => new UserRow(u.Id, u.UserName!, u.FullName, u.PhoneNumber, u.Role!, choices.GetValueOrDefault(u.OrgUnitId, ""),
                u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled))
            .OrderBy(u => u.Unit, StringComparer.Ordinal).ThenBy(u => u.FullName, StringComparer.Ordinal)
            .ToList());
    }

    [HttpGet("new", Name = "Users.Create")]
    public async Task<IActionResult> Create(CancellationToken ct) => await FormView(new UserForm(), isNew: true, ct);

    [HttpPost("new", Name = "Users.Create")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState) || await CheckUnitAsync(form, ct) is not { } unit)
        {
            return await FormView(form, isNew: true, ct);
        }
        var user = new AppUser
        {
            UserName = form.UserName.Trim(),
            FullName = form.FullName.Trim(),
            PhoneNumber = PhoneNumber.Normalize(form.PhoneNumber),
            OrgUnitId = unit.Id,
            MustChangePassword = true,
        };
        if (user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "不能在账号列表中重置自己的密码:请用“修改密码”。";
            return RedirectToRoute("Users.Index");
        }
        var password = TemporaryPassword.New();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, form.Role);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(form.UserName) : "", error.Description);
            }
            return await FormView(form, isNew: true, ct);
        }
        await tx.CommitAsync(ct);
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, $"新建账号 {user.UserName}({Roles.DisplayName(form.Role)})");
        return View("TemporaryPassword", new TemporaryPasswordModel(user.UserName, user.FullName, password, IsNew: true));
    }

    [HttpGet("{id}/edit", Name = "Users.Edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        var form = new UserForm
        {
            UserName = user.UserName!,
            FullName = user.FullName,
            PhoneNumber = user.PhoneNumber ?? "",
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
            OrgUnitId = user.OrgUnitId,
        };
        ViewData["UserId"] = user.Id;
        ViewData["IsDisabled"] = user.IsDisabled;
        return await FormView(form, isNew: false, ct);
    }

    [HttpPost("{id}/edit", Name = "Users.Edit")]
    public async Task<IActionResult> Edit(string id, UserForm form, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        form.UserName = user.UserName!; // the login name never changes
        ViewData["UserId"] = user.Id;
        ViewData["IsDisabled"] = user.IsDisabled;
        if (!await validator.ValidateIntoAsync(form, ModelState) || await CheckUnitAsync(form, ct) is not { } unit)
        {
            return await FormView(form, isNew: false, ct);
        }
        var current = await users.GetRolesAsync(user);
        // A verifier who leaves the village, or the role, leaves its rows to the clerk: no right stays behind.
        var leaves = current.Contains(Roles.Verifier) && (form.Role != Roles.Verifier || user.OrgUnitId != unit.Id);
        user.FullName = form.FullName.Trim();
        user.PhoneNumber = PhoneNumber.Normalize(form.PhoneNumber);
        user.OrgUnitId = unit.Id;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var returned = leaves ? await VerifierRows.ReturnAsync(db, user.Id, users.GetUserId(User)!, clock.UtcNow, ct) : 0;
        if (!current.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, form.Role);
        }
        await users.UpdateSecurityStampAsync(user); // the account's open sessions pick up the new role and unit at once
        await tx.CommitAsync(ct);
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, $"修改账号 {user.UserName}:{Roles.DisplayName(form.Role)},单位 {unit.Name}"
            + (returned > 0 ? $";{returned} 条任务退回原村重新分配" : ""));
        TempData["Message"] = $"已保存 {user.FullName} 的账号信息。" + (returned > 0 ? $"其原有的 {returned} 条核查任务已退回原村(社区),由清查责任人重新分配。" : "");
        return RedirectToRoute("Users.Index");
    }

    [HttpPost("{id}/disable", Name = "Users.Disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "不能停用自己的账号。";
            return RedirectToRoute("Users.Index");
        }
        user.IsDisabled = true;
        var returned = await VerifierRows.ReturnAsync(db, user.Id, users.GetUserId(User)!, clock.UtcNow, ct);
        await users.UpdateSecurityStampAsync(user); // also saves; signs the account out everywhere
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, $"停用账号 {user.UserName}" + (returned > 0 ? $";{returned} 条任务退回原村重新分配" : ""));
        TempData["Message"] = $"已停用 {user.FullName} 的账号,其登录已立即失效。" + (returned > 0 ? $"其 {returned} 条核查任务已退回本村(社区),由清查责任人重新分配。" : "");
        return RedirectToRoute("Users.Index");
    }

    [HttpPost("{id}/enable", Name = "Users.Enable")]
    public async Task<IActionResult> Enable(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, $"启用/解锁账号 {user.UserName}");
        TempData["Message"] = $"已启用并解锁 {user.FullName} 的账号。";
        return RedirectToRoute("Users.Index");
    }

    [HttpPost("{id}/reset-password", Name = "Users.ResetPassword")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "不能在账号列表中重置自己的密码:请用“修改密码”。";
            return RedirectToRoute("Users.Index");
        }
        var password = TemporaryPassword.New();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password); // renews the security stamp: old sessions end
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Generated password refused: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        await tx.CommitAsync(ct);
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, $"重置密码 {user.UserName}");
        return View("TemporaryPassword", new TemporaryPasswordModel(user.UserName!, user.FullName, password, IsNew: false));
    }

    /// <summary>For a lost or replaced phone: the account signs in with its password again and sets up a new authenticator.</summary>
    [HttpPost("{id}/reset-two-factor", Name = "Users.ResetTwoFactor")]
    public async Task<IActionResult> ResetTwoFactor(string id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } user)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "不能在账号列表中重置自己的双因素认证:请在“双因素认证”页面操作。";
            return RedirectToRoute("Users.Index");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // renews the security stamp: open sessions end
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await events.RecordAsync(SecurityEventKind.TwoFactorChanged, User, $"重置双因素认证 {user.UserName}");
        TempData["Message"] = $"已重置 {user.FullName} 的双因素认证:下次登录后须重新设置验证器。";
        return RedirectToRoute("Users.Index");
    }

    /// <summary>The county's rule: administrators, county and town accounts must use a second factor, or may choose.</summary>
    [HttpPost("two-factor-policy", Name = "Users.TwoFactorPolicy")]
    public async Task<IActionResult> TwoFactorPolicy(bool required, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == AppClaims.TenantOf(User), ct);
        tenant.TwoFactorForStaff = required;
        await db.SaveChangesAsync(ct);
        await events.RecordAsync(SecurityEventKind.TwoFactorChanged, User, required ? "要求管理员、县、镇账号使用双因素认证" : "取消双因素认证要求");
        TempData["Message"] = required
            ? "已要求系统管理员、县督查和镇账号使用双因素认证:未设置的账号下次登录时须先设置。"
            : "已取消要求:各账号可自行选择是否使用双因素认证。";
        return RedirectToRoute("Users.Index");
    }

    /// <summary>Within the tenant only (the query filter); another tenant's account id is not found.</summary>
    private Task<AppUser?> FindAsync(string id, CancellationToken ct) => db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);

    private async Task<OrgUnit?> CheckUnitAsync(UserForm form, CancellationToken ct)
    {
        var unit = await db.OrgUnits.FindAsync([form.OrgUnitId], ct);
        if (unit is null)
        {
            ModelState.AddModelError(nameof(form.OrgUnitId), "所选单位不存在。");
            return null;
        }
        try
        {
            Roles.EnsureCanHold(form.Role, unit.Level);
            return unit;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(nameof(form.OrgUnitId), e.Message);
            return null;
        }
    }

    private async Task<IActionResult> FormView(UserForm form, bool isNew, CancellationToken ct)
    {
        ViewData["IsNew"] = isNew;
        ViewData["Units"] = await UnitChoices.LoadAsync(db, OrgLevel.Village, ct);
        return View("Form", form);
    }
}

public sealed record TemporaryPasswordModel(string UserName, string FullName, string Password, bool IsNew);
