namespace SocialCardAudit.Domain.Organization;

/// <summary>A county, town, village/community or resident group.</summary>
public sealed class OrgUnit : ITenantOwned
{
    public const int MaxNameLength = 50;

    public int Id { get; set; }
    public int TenantId { get; set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public OrgLevel Level { get; private set; }

    /// <summary>Hierarchical code (see <see cref="OrgCode"/>); never changes once given.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    public static OrgUnit NewCounty(int tenantId, string code, string name)
    {
        if (!OrgCode.IsValidCountyCode(code))
        {
            throw new DomainException("县(区)代码应为 6 位数字。");
        }
        return new OrgUnit { TenantId = tenantId, Level = OrgLevel.County, Code = code, Name = CheckName(name) };
    }

    /// <summary>A new unit one level below this one, with a name unique among its siblings.</summary>
    public OrgUnit AddChild(string name, IReadOnlyCollection<OrgUnit> siblings)
    {
        var level = Level.ChildLevel()
            ?? throw new DomainException("居民小组下不能再设下级单位。");
        name = CheckName(name);
        EnsureUnique(name, siblings, self: null);
        return new OrgUnit
        {
            TenantId = TenantId,
            ParentId = Id,
            Parent = this,
            Level = level,
            Code = OrgCode.NextChild(Code, siblings.Select(s => s.Code)),
            Name = name,
        };
    }

    public void Rename(string name, IReadOnlyCollection<OrgUnit> siblings)
    {
        name = CheckName(name);
        EnsureUnique(name, siblings, self: this);
        Name = name;
    }

    private static void EnsureUnique(string name, IEnumerable<OrgUnit> siblings, OrgUnit? self)
    {
        // The unit itself may be among the siblings given: as the same object, or (saved) by its id.
        static bool IsSelf(OrgUnit s, OrgUnit? self) => self is not null && (ReferenceEquals(s, self) || (self.Id != 0 && s.Id == self.Id));
        if (siblings.Any(s => !IsSelf(s, self) && string.Equals(s.Name, name, StringComparison.Ordinal)))
        {
            throw new DomainException($"同一上级单位下已有名为“{name}”的单位。");
        }
    }

    private static string CheckName(string? name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0)
        {
            throw new DomainException("单位名称不能为空。");
        }
        if (name.Length > MaxNameLength)
        {
            throw new DomainException($"单位名称不能超过 {MaxNameLength} 个字。");
        }
        return name;
    }
}
