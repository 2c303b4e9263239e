using FluentValidation;

namespace SocialCardAudit.Web.Features.Account;

public sealed class LoginForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.UserName).NotEmpty().WithMessage("请输入登录名。").MaximumLength(64).WithMessage("登录名过长。");
        RuleFor(f => f.Password).NotEmpty().WithMessage("请输入密码。").MaximumLength(128).WithMessage("密码过长。");
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("请输入新密码。").MaximumLength(128).WithMessage("密码过长。")
            .NotEqual(f => f.CurrentPassword).WithMessage("新密码不能与当前密码相同。");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("两次输入的新密码不一致。");
    }
}
