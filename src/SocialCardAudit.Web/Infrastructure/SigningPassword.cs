using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.Data.Identity;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>Signing is an act: the signer re-enters the password now. Wrong passwords count toward the lockout.</summary>
public static class SigningPassword
{
    /// <returns>Null when confirmed; otherwise why not, in Chinese.</returns>
    public static async Task<string?> RefusalAsync(this ControllerBase controller, string? password)
    {
        var services = controller.HttpContext.RequestServices;
        var user = await services.GetRequiredService<UserManager<AppUser>>().GetUserAsync(controller.User);
        if (user is null)
        {
            return "密码不正确,未签字。";
        }
        var check = await services.GetRequiredService<SignInManager<AppUser>>().CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        return check.Succeeded ? null : check.IsLockedOut ? "密码错误次数过多,账号已锁定,未签字。" : "密码不正确,未签字。";
    }

    /// <summary>The digest new signatures get: <c>Security:DigestAlgorithm</c>, Sha256 (default) or Sm3.</summary>
    public static Domain.SignOff.DigestAlgorithm DigestAlgorithm(this ControllerBase controller) =>
        controller.HttpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:DigestAlgorithm", Domain.SignOff.DigestAlgorithm.Sha256);
}
