using System.Text.RegularExpressions;

namespace SocialCardAudit.Domain.People;

/// <summary>Mainland China phone numbers: an 11-digit mobile, or a landline with area code.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    // 0 + 2–3 digit area code, an optional hyphen, 7–8 digits, an optional extension.
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex Landline();

    /// <summary>The same rule for a page's own check (JavaScript syntax), after spaces and +86 are dropped.</summary>
    public const string Pattern = @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$";

    public static string Normalize(string? raw) =>
        (raw ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("+86", "", StringComparison.Ordinal);

    public static bool IsValid(string? raw)
    {
        var p = Normalize(raw);
        return Mobile().IsMatch(p) || Landline().IsMatch(p);
    }
}
