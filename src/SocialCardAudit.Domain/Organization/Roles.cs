namespace SocialCardAudit.Domain.Organization;

/// <summary>The roles of the system and the level of unit each belongs to.</summary>
public static class Roles
{
    public const string CountySupervisor = nameof(CountySupervisor);
    public const string TownOffice = nameof(TownOffice);
    public const string VillageClerk = nameof(VillageClerk);
    public const string Verifier = nameof(Verifier);
    public const string TenantAdmin = nameof(TenantAdmin);

    public static readonly IReadOnlyList<string> All =
        [CountySupervisor, TownOffice, VillageClerk, Verifier, TenantAdmin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    public static string DisplayName(string role) => role switch
    {
        CountySupervisor => "县督查",
        TownOffice => "镇社会事业综合服务中心",
        VillageClerk => "村级清查责任人",
        Verifier => "核查员",
        TenantAdmin => "系统管理员",
        _ => role,
    };

    /// <summary>The one level of unit an account with this role is attached to.</summary>
    public static OrgLevel UnitLevel(string role) => role switch
    {
        CountySupervisor or TenantAdmin => OrgLevel.County,
        TownOffice => OrgLevel.Town,
        VillageClerk or Verifier => OrgLevel.Village,
        _ => throw new DomainException($"未知角色:{role}"),
    };

    /// <summary>Refuses a role on a unit of the wrong level, e.g. a verifier attached to a town.</summary>
    public static void EnsureCanHold(string role, OrgLevel unitLevel)
    {
        var required = UnitLevel(role);
        if (required != unitLevel)
        {
            throw new DomainException(
                $"{DisplayName(role)}只能归属{required.DisplayName()}级单位,所选单位是{unitLevel.DisplayName()}。");
        }
    }
}
