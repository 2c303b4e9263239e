using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>Model binding's own messages, in Chinese.</summary>
public static class ChineseModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”格式不正确。");
        m.SetMissingBindRequiredValueAccessor(_ => "此项必填。");
        m.SetMissingKeyOrValueAccessor(() => "此项必填。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”格式不正确。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "格式不正确。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字。");
        m.SetUnknownValueIsInvalidAccessor(_ => "格式不正确。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”格式不正确。");
        m.SetValueMustBeANumberAccessor(_ => "必须是数字。");
        m.SetValueMustNotBeNullAccessor(_ => "此项必填。");
    }
}
