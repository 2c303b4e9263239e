using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Web.Infrastructure;

namespace SocialCardAudit.Web.Features.Account;

/// <summary>Who must sign in with a second factor when the county requires it: those who see or manage many villages.</summary>
public static class TwoFactor
{
    public static bool RequiredFor(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.TenantAdmin or Roles.CountySupervisor or Roles.TownOffice);

    /// <summary>The key as an authenticator app is given it: the otpauth address of the QR code.</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    public static string QrSvgDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        var svg = new SvgQRCode(generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M)).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The key in groups of four, as people type it.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
}

public sealed record TwoFactorPage(bool Enabled, bool Required, string? Key, string? QrDataUri, int RecoveryCodesLeft, IReadOnlyList<string>? NewRecoveryCodes);

public sealed record CodePage(string? ReturnUrl, bool Recovery, string? Error);

/// <summary>
/// The second sign-in factor: a six-digit code from an authenticator app (TOTP, RFC 6238), or a one-time recovery
/// code. Wrong codes count toward the lockout like wrong passwords.
/// </summary>
[Route("account")]
[AllowWithTemporaryPassword]
public sealed class TwoFactorController(SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityEvents events, AppDbContext db) : Controller
{
    private const int RecoveryCodeCount = 10;
    private const string Views = "/Features/Account/";

    [AllowAnonymous]
    [HttpGet("login/code", Name = "TwoFactor.Code")]
    public async Task<IActionResult> Code(string? returnUrl, bool recovery = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToRoute("Account.Login") : View(Views + "Code.cshtml", new CodePage(returnUrl, recovery, null));

    [AllowAnonymous]
    [HttpPost("login/code", Name = "TwoFactor.Code")]
    public async Task<IActionResult> Code(string? code, string? returnUrl, bool recovery = false)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Error"] = "登录已超时,请重新输入登录名和密码。";
            return RedirectToRoute("Account.Login");
        }
        // Spaces never count; a recovery code keeps its hyphen (XXXXX-XXXXX), as it was shown.
        var typed = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && (recovery || c != '-')).ToArray()).ToUpperInvariant();
        if (typed.Length == 0)
        {
            return View(Views + "Code.cshtml", new CodePage(returnUrl, recovery, recovery ? "请输入恢复码。" : "请输入验证器上的 6 位验证码。"));
        }
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(typed)
            : await signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await events.RecordAsync(SecurityEventKind.SignIn, user.UserName!, user.Id, user.TenantId, recovery ? "密码 + 恢复码" : "密码 + 验证码");
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await events.RecordAsync(SecurityEventKind.LockedOut, user.UserName!, user.Id, user.TenantId, "验证码连续错误");
            TempData["Error"] = "账号已锁定:验证码连续错误次数过多。请 15 分钟后再试,或联系系统管理员。";
            return RedirectToRoute("Account.Login");
        }
        await events.RecordAsync(SecurityEventKind.SignInFailed, user.UserName!, user.Id, user.TenantId, recovery ? "恢复码错误" : "验证码错误");
        return View(Views + "Code.cshtml", new CodePage(returnUrl, recovery, recovery
            ? "恢复码不正确或已用过。"
            : "验证码不正确。请核对手机时间是否准确,并输入验证器上当前显示的 6 位数字。连续错误 5 次,账号将被锁定 15 分钟。"));
    }

    [Authorize]
    [HttpGet("two-factor", Name = "TwoFactor.Index")]
    public async Task<IActionResult> Index() => View(Views + "TwoFactor.cshtml", await PageAsync(null));

    /// <summary>Turns the second factor on once the user proves the app gives the right code, and shows the recovery codes once.</summary>
    [Authorize]
    [HttpPost("two-factor/enable", Name = "TwoFactor.Enable")]
    public async Task<IActionResult> Enable(string? code)
    {
        var user = await MeAsync();
        var typed = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            TempData["Error"] = "验证码不正确,双因素认证未启用。请核对手机时间是否准确,再输入验证器上当前显示的 6 位数字。";
            return RedirectToRoute("TwoFactor.Index");
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(SecurityEventKind.TwoFactorChanged, User, "启用双因素认证");
        TempData["Message"] = "已启用双因素认证。以后登录时,输入密码后还需输入验证器上的验证码。";
        return View(Views + "TwoFactor.cshtml", await PageAsync(codes));
    }

    [Authorize]
    [HttpPost("two-factor/recovery-codes", Name = "TwoFactor.RecoveryCodes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await MeAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToRoute("TwoFactor.Index");
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await events.RecordAsync(SecurityEventKind.TwoFactorChanged, User, "重新生成恢复码");
        TempData["Message"] = "已生成新的恢复码,原来的恢复码全部作废。";
        return View(Views + "TwoFactor.cshtml", await PageAsync(codes));
    }

    [Authorize]
    [HttpPost("two-factor/disable", Name = "TwoFactor.Disable")]
    public async Task<IActionResult> Disable()
    {
        var user = await MeAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToRoute("TwoFactor.Index");
        }
        if (await RequiredAsync(user))
        {
            TempData["Error"] = "本县要求您的账号使用双因素认证,不能停用。手机丢失请联系系统管理员重置。";
            return RedirectToRoute("TwoFactor.Index");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(SecurityEventKind.TwoFactorChanged, User, "停用双因素认证");
        TempData["Message"] = "已停用双因素认证。";
        return RedirectToRoute("TwoFactor.Index");
    }

    private async Task<AppUser> MeAsync() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");

    private async Task<bool> RequiredAsync(AppUser user) =>
        await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.TwoFactorForStaff).SingleAsync() && TwoFactor.RequiredFor(await users.GetRolesAsync(user));

    private async Task<TwoFactorPage> PageAsync(IReadOnlyList<string>? newCodes)
    {
        var user = await MeAsync();
        var required = await RequiredAsync(user);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage(true, required, null, null, await users.CountRecoveryCodesAsync(user), newCodes);
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user); // renews the security stamp: the session is renewed with it
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = TwoFactor.Uri("社保卡清查", user.UserName!, key!);
        return new TwoFactorPage(false, required, TwoFactor.Grouped(key!), TwoFactor.QrSvgDataUri(uri), 0, null);
    }
}
