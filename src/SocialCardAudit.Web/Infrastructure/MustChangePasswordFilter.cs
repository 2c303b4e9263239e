using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>
/// After an administrator's reset, or once the password is too old, the account can only change its password or
/// sign out; where the county requires a second factor, it then sets one up before anything else.
/// </summary>
public sealed class MustChangePasswordFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<AllowWithTemporaryPasswordAttribute>().Any())
        {
            return;
        }
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == AppClaims.MustChangePassword))
        {
            context.Result = new RedirectToRouteResult("Account.ChangePassword", null);
        }
        else if (user.HasClaim(c => c.Type == AppClaims.MustEnrolTwoFactor))
        {
            context.Result = new RedirectToRouteResult("TwoFactor.Index", null);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

/// <summary>Marks actions reachable while the password must still be changed.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithTemporaryPasswordAttribute : Attribute;
