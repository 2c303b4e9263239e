namespace SocialCardAudit.Domain.Archive;

/// <summary>保管期限, by the codes of the archive rules: Y 永久, H 100年, C 50年, D 30年, E 15年, F 10年, G 5年.</summary>
public enum Retention
{
    Permanent = 'Y',
    Years100 = 'H',
    Years50 = 'C',
    Years30 = 'D',
    Years15 = 'E',
    Years10 = 'F',
    Years5 = 'G',
}

public static class Retentions
{
    /// <summary>The periods in the rules' order, longest first (the enum's values are the code letters, not an order).</summary>
    public static IReadOnlyList<Retention> All { get; } =
        [Retention.Permanent, Retention.Years100, Retention.Years50, Retention.Years30, Retention.Years15, Retention.Years10, Retention.Years5];

    /// <summary>The years kept; null for 永久.</summary>
    public static int? Years(Retention r) => r switch
    {
        Retention.Permanent => null,
        Retention.Years100 => 100,
        Retention.Years50 => 50,
        Retention.Years30 => 30,
        Retention.Years15 => 15,
        Retention.Years10 => 10,
        Retention.Years5 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    public static char Code(Retention r) => (char)r;

    public static Retention FromCode(string code) =>
        code is [var c] && Enum.IsDefined(typeof(Retention), (int)char.ToUpperInvariant(c)) ? (Retention)char.ToUpperInvariant(c)
        : throw new DomainException($"保管期限代码“{code}”无效:只能是 Y(永久)、H(100年)、C(50年)、D(30年)、E(15年)、F(10年)、G(5年)。");

    public static string DisplayName(Retention r) => Years(r) is { } y ? $"{y}年" : "永久";

    /// <summary>
    /// The last day a file closed in <paramref name="closedYear"/> must be kept: the period runs from 1 January of the
    /// year after, so 30 years for a file closed in 2021 run 2022-01-01 … 2051-12-31. Null for 永久.
    /// </summary>
    public static DateOnly? KeptUntil(Retention r, int closedYear) => Years(r) is { } y ? new DateOnly(closedYear + y, 12, 31) : null;

    /// <summary>Whether the period has run out on <paramref name="today"/>: only then may the file be appraised for destruction.</summary>
    public static bool HasRunOut(Retention r, int closedYear, DateOnly today) => KeptUntil(r, closedYear) is { } until && until < today;
}
