using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Account;

[Route("account")]
[AllowWithTemporaryPassword]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    SecurityEvents events,
    IValidator<LoginForm> loginValidator,
    IValidator<ChangePasswordForm> passwordValidator,
    IConfiguration configuration,
    SocialCardAudit.Data.AppDbContext db) : Controller
{
    [AllowAnonymous]
    [HttpGet("login", Name = "Account.Login")]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToRoute("Home.Index");
        }
        ViewData["ShowDemoAccounts"] = configuration.GetValue("Demo:Seed", false);
        return View(new LoginForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous]
    [HttpPost("login", Name = "Account.Login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        ViewData["ShowDemoAccounts"] = configuration.GetValue("Demo:Seed", false);
        if (!await loginValidator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var userName = form.UserName.Trim();
        var user = await users.FindByNameAsync(userName);
        var result = await signIn.PasswordSignInAsync(userName, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await events.RecordAsync(SecurityEventKind.SignIn, userName, user?.Id, user?.TenantId);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToRoute("TwoFactor.Code", new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/" });
        }

        // The same answer whether or not the login name exists, so names cannot be probed.
        var (kind, message) = result switch
        {
            { IsLockedOut: true } => (SecurityEventKind.LockedOut, "账号已锁定:密码连续错误次数过多。请 15 分钟后再试,或联系系统管理员解锁。"),
            { IsNotAllowed: true } => (SecurityEventKind.SignInFailed, "账号已停用,请联系系统管理员。"),
            _ => (SecurityEventKind.SignInFailed, "登录名或密码错误。连续错误 5 次,账号将被锁定 15 分钟。"),
        };
        await events.RecordAsync(kind, userName, user?.Id, user?.TenantId);
        ModelState.AddModelError("", message);
        form.Password = "";
        return View(form);
    }

    [HttpPost("logout", Name = "Account.Logout")]
    public async Task<IActionResult> Logout()
    {
        await events.RecordAsync(SecurityEventKind.SignOut, User);
        // The session ends on the server, not only in this browser: a copy of the cookie is refused from now on.
        if (Guid.TryParse(User.FindFirstValue(AppClaims.SessionId), out var session))
        {
            var now = DateTime.UtcNow;
            db.EndedSessions.Add(new EndedSession { Id = session, UserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!, EndedAtUtc = now });
            await db.SaveChangesAsync();
            // A session older than the longest one allowed is refused anyway: its record is no longer needed.
            var expired = now - SecurityStampCheck.MaxSession(configuration);
            await db.EndedSessions.Where(s => s.EndedAtUtc < expired).ExecuteDeleteAsync();
        }
        await signIn.SignOutAsync();
        return RedirectToRoute("Account.Login");
    }

    [HttpGet("password", Name = "Account.ChangePassword")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("password", Name = "Account.ChangePassword")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!await passwordValidator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "当前密码不正确。" : error.Description);
            }
            return View(new ChangePasswordForm());
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(SecurityEventKind.AccountChanged, User, "修改密码");
        TempData["Message"] = "密码已修改。";
        return RedirectToRoute("Home.Index");
    }
}
