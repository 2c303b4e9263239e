using FluentValidation;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Web.Features.Admin;

public sealed class UserForm
{
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Role { get; set; } = "";
    public int OrgUnitId { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(f => f.UserName).NotEmpty().WithMessage("请输入登录名。")
            .Matches("^[A-Za-z0-9._-]{3,64}$").WithMessage("登录名为 3–64 位字母、数字、-、. 或 _。");
        RuleFor(f => f.FullName).NotEmpty().WithMessage("请输入真实姓名(实名制)。")
            .MaximumLength(50).WithMessage("姓名不能超过 50 个字。");
        RuleFor(f => f.PhoneNumber).NotEmpty().WithMessage("请输入联系电话。")
            .Must(PhoneNumber.IsValid).WithMessage("联系电话格式不正确:应为 11 位手机号或带区号的固定电话。");
        RuleFor(f => f.Role).Must(Roles.IsKnown).WithMessage("请选择角色。");
        RuleFor(f => f.OrgUnitId).GreaterThan(0).WithMessage("请选择所属单位。");
    }
}
