using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>After an administrator's reset, the account can only change its password or sign out.</summary>
public sealed class MustChangePasswordFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.User.HasClaim(c => c.Type == AppClaims.MustChangePassword)
            && context.ActionDescriptor.EndpointMetadata.OfType<AllowWithTemporaryPasswordAttribute>().Any() == false)
        {
            context.Result = new RedirectResult("/account/password");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

/// <summary>Marks actions reachable while the password must still be changed.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithTemporaryPasswordAttribute : Attribute;
