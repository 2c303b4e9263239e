namespace SocialCardAudit.Domain.People;

/// <summary>
/// Excel (and WPS, and LibreOffice when saving for them) keeps 15 significant digits of a number. An 18-digit ID
/// number or a 16–19-digit card number typed or pasted into a cell that is not formatted as text loses its last
/// digits: they become zeros, and nothing on screen says so once the file is saved as CSV.
/// </summary>
public static class ExcelDigits
{
    public const int Kept = 15;

    /// <summary>True when every digit after the 15th is 0: the shape Excel leaves. A real number has it by chance only rarely.</summary>
    public static bool HasCutShape(string digits) =>
        digits.Length > Kept && !digits.AsSpan().ContainsAnyExceptInRange('0', '9') && !digits.AsSpan(Kept).ContainsAnyExcept('0');

    /// <summary>True when a number cell cannot hold the value whole: more than 15 digits, or written in E-notation.</summary>
    public static bool TooLongForNumberCell(string text) =>
        text.Contains('E', StringComparison.OrdinalIgnoreCase) || text.Count(char.IsAsciiDigit) > Kept;
}
