namespace SocialCardAudit.Domain.People;

/// <summary>Names as written on the household register: Chinese names, minority names joined with ·.</summary>
public static class PersonName
{
    public const int MaxLength = 50;

    // Middle-dot look-alikes typed on phones and in Excel, all stored as the one ·.
    private static readonly char[] Dots = ['•', '‧', '・', '．', '∙', '⋅', '.'];

    public static (string? Value, string? Error) Check(string? raw)
    {
        var s = (raw ?? "").Trim();
        foreach (var dot in Dots)
        {
            s = s.Replace(dot, '·');
        }
        if (s.Length == 0)
        {
            return (null, "姓名不能为空。");
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
}
