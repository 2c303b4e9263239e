namespace SocialCardAudit.Domain.Organization;

/// <summary>
/// Hierarchical unit codes in the style of the statistical division codes (统计用区划代码):
/// a county has a 6-digit code and every level below adds 3 digits, so a unit's code starts with
/// the code of each of its ancestors. Scope checks are then a prefix test, in memory and in SQL.
/// </summary>
public static class OrgCode
{
    public const int CountyLength = 6;
    public const int SegmentLength = 3;

    public static bool IsValidCountyCode(string? code) =>
        code is { Length: CountyLength } && code.All(char.IsAsciiDigit);

    /// <summary>The code of the next child of <paramref name="parentCode"/>, given the codes its children already have.</summary>
    public static string NextChild(string parentCode, IEnumerable<string> siblingCodes)
    {
        var used = siblingCodes
            .Where(c => c.Length == parentCode.Length + SegmentLength && c.StartsWith(parentCode, StringComparison.Ordinal))
            .Select(c => int.Parse(c.AsSpan(parentCode.Length), System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        if (used >= 999)
        {
            throw new DomainException("该单位下的下级单位已达上限(999 个)。");
        }
        return parentCode + (used + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorCode"/> or lies below it.</summary>
    public static bool IsWithin(string code, string ancestorCode) =>
        code.StartsWith(ancestorCode, StringComparison.Ordinal);
}
