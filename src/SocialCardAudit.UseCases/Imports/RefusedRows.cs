using SocialCardAudit.Documents;
namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// The rows an import refuses: all counted, the first <see cref="DetailedRows"/> kept with their details (the error
/// report, the page), so a file of any size takes bounded memory however wrong it is; and a file that is mostly wrong
/// is stopped early, since its format, not its people, is the problem.
/// </summary>
public sealed class RefusedRows
{
    public const int DetailedRows = 2000;

    /// <summary>After this many rows, a file of which nine in ten are refused is stopped.</summary>
    public const int SampleRows = 1000;

    public List<RejectedRow> Detailed { get; } = [];

    public int Count { get; private set; }

    private bool _sampled;

    public void Add(RejectedRow row)
    {
        Count++;
        if (Detailed.Count < DetailedRows)
        {
            Detailed.Add(row);
        }
    }

    /// <summary>Called after each row read: refuses the whole file, naming its most common problem, when it is mostly wrong.</summary>
    public void StopIfMostlyWrong(int read)
    {
        if (_sampled || read < SampleRows)
        {
            return;
        }
        _sampled = true; // judged once, on the first rows: a file that starts well is read to its end
        if (Count * 10 < read * 9)
        {
            return;
        }
        var (column, message) = Detailed.SelectMany(r => r.Errors).GroupBy(e => (e.Column, e.Message))
            .OrderByDescending(g => g.Count()).First().Key;
        throw new TaskFileException($"前 {read} 行中有 {Count} 行不符合要求,已停止导入,未写入任何数据:文件的格式可能有误。"
            + $"最常见的问题是“{TaskColumns.DisplayName(column)}:{message}”请对照下载的模板检查列名和格式后重新导入。");
    }

    /// <summary>
    /// After the last row: an empty file is refused; the numbers Excel may have cut are decided now that the whole
    /// file is known (a column saved as numbers refuses the file, a cut-shaped number beside cut ones its row).
    /// </summary>
    /// <param name="what">What the rows are, for the message of a file without any: 卡, 人员.</param>
    public void EndOfFile<T>(TaskFile source, int read, string what, DigitLoss digits,
        Dictionary<T, (SourceRow Row, IReadOnlyList<TaskColumn> CutShaped)> undecided, List<T> accepted) where T : notnull
    {
        if (read == 0)
        {
            throw new TaskFileException(source.IgnoredCount > 0
                ? $"表头下面没有可导入的{what}:{source.IgnoredCount} 行都是合计、落款或说明行。"
                : "表头下面没有数据行。");
        }
        digits.ThrowIfColumnSavedAsNumbers();
        foreach (var (item, (row, cutShaped)) in undecided)
        {
            if (digits.Recheck(cutShaped) is { Count: > 0 } errors)
            {
                accepted.Remove(item);
                Add(new RejectedRow(row, errors));
            }
        }
    }

    /// <summary>The refused rows as the .xlsx report, encrypted (it holds ID numbers); null when none was refused.</summary>
    public byte[]? Report(TaskFile source, Data.Protection.PersonalDataProtector protector) =>
        Count == 0 ? null : protector.Protect(ErrorReport.Build(source, Detailed, Count), Data.Protection.Purposes.ErrorReport);
}
