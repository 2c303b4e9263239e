using SocialCardAudit.Documents;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// Keeps numbers that Excel cut to 15 digits out of the database, by this rule (docs/imports.md):
/// <list type="number">
/// <item>A number cell (the workbook says so) in the ID or card column with more than 15 digits is damaged.</item>
/// <item>A value longer than 15 digits whose digits from the 16th on are all 0 has the cut shape. If it also fails
///   its own check (the ID number's check character, the card's Luhn digit), it is damaged.</item>
/// <item>When damaged and cut-shaped values are at least 3 and at least half of a column's long numbers, the column
///   was saved as numbers: the whole file is refused.</item>
/// <item>A cut-shaped value that passes its check is kept only if nothing else in its column is damaged; beside
///   damaged neighbours it is refused too, since one cut number in ten (or eleven) passes its check by chance.</item>
/// </list>
/// Damaged rows are refused with what to do; the check-digit message is never shown for them, so nobody is led
/// to "correct" the last digit of a number whose last digits are gone.
/// </summary>
public sealed class DigitLoss
{
    public enum Verdict { Whole, Damaged, CutShaped }

    private sealed class Tally
    {
        public int Long;
        public int Damaged;
        public int CutShaped;
    }

    private readonly Dictionary<TaskColumn, Tally> _columns = [];

    public Verdict Inspect(SourceRow row, TaskColumn column, string digits, bool passesCheck)
    {
        var tally = _columns.TryGetValue(column, out var t) ? t : _columns[column] = new Tally();
        var text = row.Get(column);
        if (digits.Length > ExcelDigits.Kept || text.Contains('E', StringComparison.OrdinalIgnoreCase))
        {
            tally.Long++;
        }
        if ((row.IsNumber(column) && ExcelDigits.TooLongForNumberCell(text)) || IsENotation(text))
        {
            tally.Damaged++;
            return Verdict.Damaged;
        }
        if (!ExcelDigits.HasCutShape(digits))
        {
            return Verdict.Whole;
        }
        if (!passesCheck)
        {
            tally.Damaged++;
            return Verdict.Damaged;
        }
        tally.CutShaped++;
        return Verdict.CutShaped;
    }

    private static bool IsENotation(string text) =>
        text.Contains('E', StringComparison.OrdinalIgnoreCase) && text.Contains('+', StringComparison.Ordinal) && double.TryParse(text, out _);

    /// <summary>Refuses the whole file when a column as a whole was saved as numbers.</summary>
    public void ThrowIfColumnSavedAsNumbers()
    {
        foreach (var (column, t) in _columns)
        {
            var bad = t.Damaged + t.CutShaped;
            if (bad >= 3 && bad * 2 >= t.Long)
            {
                throw new TaskFileException(
                    $"“{TaskColumns.DisplayName(column)}”列被存成了数字:{t.Long} 个号码中有 {bad} 个的后几位已被 Excel 改成 0 或写成了科学计数法"
                    + $"(Excel 只保留 15 位有效数字)。整个文件未导入。{HowToFix}");
            }
        }
    }

    /// <summary>
    /// Once the file is read: the errors for a row kept so far whose cut-shaped numbers stand beside damaged ones
    /// in their column; none when its column is otherwise whole.
    /// </summary>
    public List<CellError> Recheck(IReadOnlyList<TaskColumn> cutShaped) =>
        cutShaped.Where(c => _columns.TryGetValue(c, out var t) && t.Damaged > 0).Select(c => new CellError(c, CutShapedMessage(c))).ToList();

    public const string HowToFix =
        "请在 Excel/WPS 中先把号码列设置为“文本”格式,再从原始数据重新粘贴(不要从已损坏的文件复制),或直接从系统导出 .xlsx 文件后导入。";

    public static string DamagedMessage(TaskColumn column) =>
        $"{TaskColumns.DisplayName(column)}被存成了数字,后几位已丢失(Excel 只保留 15 位有效数字):本行未导入。{HowToFix}";

    public static string CutShapedMessage(TaskColumn column) =>
        $"{TaskColumns.DisplayName(column)}末尾几位都是 0,而本列另有号码被 Excel 截断,无法确认这个号码是否完整:本行未导入。请与原始数据核对;{HowToFix}";
}
