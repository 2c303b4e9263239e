using Microsoft.AspNetCore.Identity;

namespace SocialCardAudit.Data.Identity;

public static class AppIdentity
{
    /// <summary>Password and lockout policy shared by the web app and the command line.</summary>
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
        options.SignIn.RequireConfirmedAccount = false;
    }
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Err(nameof(DefaultError), "操作失败,请重试。");
    public override IdentityError ConcurrencyFailure() => Err(nameof(ConcurrencyFailure), "数据已被他人修改,请刷新后重试。");
    public override IdentityError PasswordMismatch() => Err(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError InvalidToken() => Err(nameof(InvalidToken), "令牌无效。");
    public override IdentityError InvalidUserName(string? userName) => Err(nameof(InvalidUserName), $"登录名“{userName}”无效:只能包含字母、数字、-、. 和 _。");
    public override IdentityError DuplicateUserName(string userName) => Err(nameof(DuplicateUserName), $"登录名“{userName}”已被使用。");
    public override IdentityError InvalidEmail(string? email) => Err(nameof(InvalidEmail), "电子邮箱格式不正确。");
    public override IdentityError DuplicateEmail(string email) => Err(nameof(DuplicateEmail), "电子邮箱已被使用。");
    public override IdentityError InvalidRoleName(string? role) => Err(nameof(InvalidRoleName), $"角色“{role}”无效。");
    public override IdentityError DuplicateRoleName(string role) => Err(nameof(DuplicateRoleName), $"角色“{role}”已存在。");
    public override IdentityError UserAlreadyHasPassword() => Err(nameof(UserAlreadyHasPassword), "该账号已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => Err(nameof(UserLockoutNotEnabled), "该账号未启用锁定。");
    public override IdentityError UserAlreadyInRole(string role) => Err(nameof(UserAlreadyInRole), "该账号已有此角色。");
    public override IdentityError UserNotInRole(string role) => Err(nameof(UserNotInRole), "该账号没有此角色。");
    public override IdentityError PasswordTooShort(int length) => Err(nameof(PasswordTooShort), $"密码至少 {length} 位。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Err(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Err(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号。");
    public override IdentityError PasswordRequiresDigit() => Err(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");
    public override IdentityError PasswordRequiresLower() => Err(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => Err(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    private static IdentityError Err(string code, string description) => new() { Code = code, Description = description };
}
