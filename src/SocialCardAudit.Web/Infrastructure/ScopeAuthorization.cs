using Microsoft.AspNetCore.Authorization;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.Web.Infrastructure;

public static class Policies
{
    public const string TenantAdmin = nameof(TenantAdmin);

    /// <summary>Everyone who works on campaigns: county, town, village clerk, verifier (not the administrator).</summary>
    public const string CampaignStaff = nameof(CampaignStaff);

    /// <summary>Who creates campaigns and imports task data: the town office and the county supervisor.</summary>
    public const string CampaignManagers = nameof(CampaignManagers);
}

/// <summary>"The signed-in account's scope covers this unit." Checked against an <see cref="OrgUnit"/>.</summary>
public sealed class InScopeRequirement : IAuthorizationRequirement
{
    public static readonly InScopeRequirement Instance = new();
}

/// <summary>The one place that decides whether a unit is within the user's part of the hierarchy.</summary>
public sealed class InScopeHandler : AuthorizationHandler<InScopeRequirement, OrgUnit>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InScopeRequirement requirement, OrgUnit unit)
    {
        if (AppClaims.ScopeOf(context.User) is { } scope && Access.Covers(scope, unit))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class AuthorizationServiceExtensions
{
    public static async Task<bool> InScopeAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, OrgUnit unit) =>
        (await authorization.AuthorizeAsync(user, unit, InScopeRequirement.Instance)).Succeeded;
}
