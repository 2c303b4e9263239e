namespace SocialCardAudit.Domain.People;

/// <summary>
/// 社会保障卡卡号: the card's own nine-character number printed on its face (a letter or digit, then eight
/// characters), not its bank account number.
/// </summary>
public static class SocialCardNumber
{
    public const int Length = 9;

    public static (string? Value, string? Error) Check(string? raw)
    {
        var s = (raw ?? "").Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (s.Length == 0)
        {
            return (null, null);
        }
        return LooksLike(s)
            ? (s, null)
            : (null, $"社保卡号应为 {Length} 位字母和数字(这里是“{s}”)。请与社保卡卡面核对。");
    }

    public static bool LooksLike(string s) => s.Length == Length && s.All(char.IsAsciiLetterOrDigit) && s.Count(char.IsAsciiLetter) <= 2;
}
