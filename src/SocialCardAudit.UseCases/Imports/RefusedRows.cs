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
}
