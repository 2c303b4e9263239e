namespace SocialCardAudit.Domain.Organization;

/// <summary>The levels of the hierarchy: county (the tenant) → town → village/community → resident group.</summary>
public enum OrgLevel
{
    County = 1,
    Town = 2,
    Village = 3,
    ResidentGroup = 4,
}

public static class OrgLevels
{
    public static string DisplayName(this OrgLevel level) => level switch
    {
        OrgLevel.County => "县(区)",
        OrgLevel.Town => "乡镇(街道)",
        OrgLevel.Village => "村(社区)",
        OrgLevel.ResidentGroup => "居民小组",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The level a child of this level has; a resident group has no children.</summary>
    public static OrgLevel? ChildLevel(this OrgLevel level) =>
        level == OrgLevel.ResidentGroup ? null : level + 1;
}
