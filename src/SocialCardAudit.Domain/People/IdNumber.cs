using System.Globalization;
using System.Text;

namespace SocialCardAudit.Domain.People;

/// <summary>The outcome of checking one resident ID number (公民身份号码).</summary>
public sealed record IdNumberCheck(string? Value, string? Error, DateOnly? BirthDate, bool ConvertedFrom15)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Resident ID numbers per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, and an
/// ISO 7064 MOD 11-2 check character (0–9 or X). Legacy 15-digit numbers (yyMMdd, born 19yy) are converted.
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    public const int MaxAgeYears = 120;

    // Province-level codes in use (and 71 台湾, 81 香港, 82 澳门, 83 for Taiwan residents' mainland numbers).
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>Full-width digits and letters to ASCII, spaces removed, x to X.</summary>
    public static string Normalize(string? raw) =>
        (raw ?? "").Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    public static IdNumberCheck Check(string? raw, DateOnly today)
    {
        var s = Normalize(raw);
        if (s.Length == 0)
        {
            return Fail("身份证号码不能为空。");
        }
        if (s.Contains('E', StringComparison.Ordinal) && s.Contains('.', StringComparison.Ordinal))
        {
            return Fail("身份证号码被 Excel 存成了数字(科学计数法),后几位已丢失:请把该列设为“文本”后重新填写。");
        }
        if (s.Length == 15)
        {
            return Convert15(s, today);
        }
        if (s.Length != 18)
        {
            return Fail($"身份证号码应为 18 位,这里是 {s.Length} 位。");
        }
        if (s.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return Fail("身份证号码前 17 位应为数字,最后一位为数字或 X。");
        }
        if (Region(s) is { } regionError)
        {
            return Fail(regionError);
        }
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return Fail($"身份证号码中的出生日期 {s.Substring(6, 8)} 不是有效日期。");
        }
        if (AgeError(birth, today) is { } ageError)
        {
            return Fail(ageError);
        }
        var expected = CheckCharacter(s);
        if (s[17] != expected)
        {
            // Never say which character would fit: that turns a mistyped or cut number into a valid-looking wrong one.
            return Fail("身份证号码校验位错误:号码有误,请从身份证或户口簿原件重新抄录整个号码,不要只改最后一位。");
        }
        return new IdNumberCheck(s, null, birth, ConvertedFrom15: false);
    }

    private static IdNumberCheck Convert15(string s, DateOnly today)
    {
        if (s.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return Fail("15 位旧身份证号码应全为数字,无法转换为 18 位。");
        }
        if (Region(s) is { } regionError)
        {
            return Fail(regionError + "(15 位旧号码,无法转换为 18 位)");
        }
        // Fifteen-digit numbers were issued to people born in the 1900s: yyMMdd means 19yyMMdd.
        if (!DateOnly.TryParseExact("19" + s.Substring(6, 6), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return Fail($"15 位旧身份证号码中的出生日期 19{s.Substring(6, 6)} 无效,无法转换为 18 位。");
        }
        if (AgeError(birth, today) is { } ageError)
        {
            return Fail(ageError + "(15 位旧号码,无法转换为 18 位)");
        }
        var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6));
        return new IdNumberCheck(first17 + CheckCharacter(first17), null, birth, ConvertedFrom15: true);
    }

    private static string? Region(string s) =>
        Provinces.Contains((s[0] - '0') * 10 + (s[1] - '0')) ? null : $"身份证号码前两位 {s[..2]} 不是有效的省级行政区划代码。";

    private static string? AgeError(DateOnly birth, DateOnly today)
    {
        if (birth > today)
        {
            return $"身份证号码中的出生日期 {birth:yyyy-MM-dd} 晚于今天。";
        }
        if (birth < today.AddYears(-MaxAgeYears))
        {
            return $"身份证号码中的出生日期 {birth:yyyy-MM-dd} 表示年龄超过 {MaxAgeYears} 岁,请核对。";
        }
        return null;
    }

    private static IdNumberCheck Fail(string error) => new(null, error, null, false);
}
