namespace SocialCardAudit.Domain.People;

/// <summary>Names as written on the household register: Chinese names, minority names joined with ·.</summary>
public static class PersonName
{
    public const int MaxLength = 50;

    // Middle-dot look-alikes typed on phones and in Excel, all stored as the one ·.
    private static readonly char[] Dots = ['•', '‧', '・', '．', '∙', '⋅', '.'];

    /// <summary>
    /// The name as a person would type it: spaces of any kind that line names up in a table (王　芳, 王 芳) are
    /// removed, except one space between two Latin words. A ? or U+FFFD stands where a file lost a character.
    /// </summary>
    public static (string? Value, string? Error) Check(string? raw)
    {
        var s = Squeeze(raw ?? "");
        foreach (var dot in Dots)
        {
            s = s.Replace(dot, '·');
        }
        if (s.Length == 0)
        {
            return (null, "姓名不能为空。");
        }
        if (s.AsSpan().IndexOfAny("?？\uFFFD") >= 0)
        {
            return (null, "姓名中有“?”或乱码:文件保存时丢失了生僻字(Excel 的“CSV(逗号分隔)”用 GBK 编码,存不下部分生僻字)。"
                + "请另存为 .xlsx 或“CSV UTF-8”后重新导入,或在系统中手工补录本人。");
        }
        if (s.Length > MaxLength)
        {
            return (null, $"姓名不能超过 {MaxLength} 个字。");
        }
        if (s.Any(c => char.IsDigit(c) || char.IsControl(c)) || s.StartsWith('·') || s.EndsWith('·'))
        {
            return (null, "姓名含有数字、控制字符或位置不当的间隔号“·”。");
        }
        return (s, null);
    }

    private static string Squeeze(string raw)
    {
        var chars = new List<char>(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = chars.Count > 0;
                continue;
            }
            if (pendingSpace && char.IsAsciiLetter(c) && char.IsAsciiLetter(chars[^1]))
            {
                chars.Add(' ');
            }
            pendingSpace = false;
            chars.Add(c);
        }
        return new string([.. chars]);
    }
}
