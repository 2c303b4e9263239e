using System.Text;
using System.Text.RegularExpressions;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Documents;

/// <summary>The whole file is refused; the message says why, in Chinese, for the page and the CLI.</summary>
/// <summary>What is wrong with one cell of a row, in Chinese, for the error report.</summary>
public sealed record CellError(TaskColumn Column, string Message);

/// <summary>A row left out of an import, with every reason.</summary>
public sealed record RejectedRow(SourceRow Row, IReadOnlyList<CellError> Errors);

public sealed class TaskFileException(string message) : Exception(message);

/// <summary>A worksheet (or the table of a text file) with a recognised header row.</summary>
public sealed class DataSheet
{
    public required string Name { get; init; }
    public required int HeaderLine { get; init; }
    public required IReadOnlyList<string> Headers { get; init; }
    public required IReadOnlyDictionary<int, TaskColumn> ColumnAt { get; init; }

    /// <summary>Whether row locations name the sheet: only when the file has more than one.</summary>
    internal bool Named { get; set; }

    /// <summary>Rows handed to the importer, and rows left aside, in the last reading.</summary>
    public int RowsRead { get; internal set; }
    public int RowsIgnored { get; internal set; }

    /// <summary>A row as Excel shows it: "第 12 行", or "工作表“三合村”第 12 行" in a workbook of several sheets.</summary>
    public string Where(int line) => Named ? $"工作表“{Name}”第 {line} 行" : $"第 {line} 行";
}

/// <summary>One data row: where it is, the recognised cells, which of them the workbook stored as numbers, every cell as it was.</summary>
public sealed record SourceRow(DataSheet Sheet, int Line, IReadOnlyDictionary<TaskColumn, string> Cells, IReadOnlySet<TaskColumn> Numbers, IReadOnlyList<string> Original)
{
    public string Get(TaskColumn column) => Cells.TryGetValue(column, out var v) ? v : "";

    /// <summary>True when the workbook stored this cell as a number (not text): what Excel does to digits typed into a General cell.</summary>
    public bool IsNumber(TaskColumn column) => Numbers.Contains(column);

    public string Where => Sheet.Where(Line);
}

/// <summary>
/// Reads a task list or card export as offices save it: .xlsx, .xls and WPS .et (every worksheet with a header,
/// merged cells filled), CSV and text (UTF-8, UTF-16, GBK; comma or tab). The header row may stand below a
/// title; columns may come in any order. Rows that are no person (footers, notes, the template's example, a
/// repeated header) are set aside in <see cref="Ignored"/>, not handed to the importer.
/// </summary>
public sealed partial class TaskFile
{
    /// <summary>For the upload pages: every kind of file that is read (the format is told from the content).</summary>
    public const string Accept = ".xlsx,.xls,.et,.csv,.txt";
    public const string Formats = "Excel(.xlsx、.xls)、WPS 表格(.et)、CSV 或文本文件(.txt)";
    private const int HeaderSearchRows = 20;
    private const int MaxNotes = 100;

    private readonly List<(Sheet Source, DataSheet Data)> _sheets = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _ignored = [];
    private int _ignoredCount;

    /// <summary>True for workbooks, which know a number cell from a text cell; false for CSV and text.</summary>
    public bool KnowsCellTypes { get; private init; }

    public IReadOnlyList<DataSheet> Sheets => _sheets.Select(s => s.Data).ToList();

    public int IgnoredCount => _ignoredCount;

    /// <summary>
    /// What was read and what was left aside, sheet by sheet, then the first refused rows with their reasons, for
    /// the result page (one line each). Holds no full ID or card number.
    /// </summary>
    /// <param name="total">All refused rows, when <paramref name="refused"/> holds the details of the first ones only.</param>
    public IEnumerable<string> Notes(IReadOnlyCollection<RejectedRow> refused, int? total = null)
    {
        foreach (var (_, sheet) in _sheets)
        {
            if (_sheets.Count > 1 || _notes.Count > 0)
            {
                var rejected = refused.Count(r => r.Row.Sheet == sheet);
                yield return $"工作表“{sheet.Name}”:表头在第 {sheet.HeaderLine} 行,读取 {sheet.RowsRead} 行"
                    + (_sheets.Count > 1 ? $",其中未导入 {rejected} 行" : "") + $",忽略 {sheet.RowsIgnored} 行。";
            }
        }
        foreach (var note in _notes.Concat(_ignored))
        {
            yield return note;
        }
        if (_ignoredCount > _ignored.Count)
        {
            yield return $"…另有 {_ignoredCount - _ignored.Count} 行已忽略。";
        }
        foreach (var r in refused.Take(MaxNotes))
        {
            yield return $"{r.Row.Where}未导入:{string.Join(";", r.Errors.Select(e => $"{TaskColumns.DisplayName(e.Column)}:{e.Message}"))}";
        }
        if ((total ?? refused.Count) > MaxNotes)
        {
            yield return $"…另有 {(total ?? refused.Count) - MaxNotes} 行未导入,见“下载未导入的行”。";
        }
    }

    private TaskFile(bool knowsCellTypes) => KnowsCellTypes = knowsCellTypes;

    /// <summary>Recognises the format from the bytes (not the name) and finds the header of every sheet.</summary>
    public static TaskFile Open(Stream stream, string fileName, IReadOnlyList<TaskColumn>? required = null)
    {
        if (stream.Length == 0)
        {
            throw new TaskFileException("文件是空的。");
        }
        var head = new byte[Math.Min(stream.Length, 128)];
        stream.Position = 0;
        stream.ReadExactly(head);
        stream.Position = 0;
        required ??= TaskColumns.Required;
        IReadOnlyList<Sheet> sheets;
        TaskFile file;
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            if (head.AsSpan().IndexOf("opendocument"u8) >= 0)
            {
                throw new TaskFileException("不支持 OpenDocument(.ods)格式:请在 WPS 或 Excel 中打开,另存为 .xlsx 后导入。");
            }
            file = new TaskFile(knowsCellTypes: true);
            sheets = Workbooks.Xlsx(stream);
        }
        else if (head.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            file = new TaskFile(knowsCellTypes: true);
            sheets = Workbooks.Biff(stream);
        }
        else if (head.AsSpan().StartsWith("%PDF"u8))
        {
            throw new TaskFileException("这是 PDF 文件,不是 Excel 表格:请导入原始的 Excel(.xlsx、.xls)或 CSV 文件。");
        }
        else if (LooksLikeHtml(head))
        {
            throw new TaskFileException("这是网页(HTML)或 XML 格式的表格(有的系统导出的 .xls 其实是网页):请在 Excel 或 WPS 中打开,另存为 .xlsx 后导入。");
        }
        else if (LooksLikeText(head))
        {
            file = new TaskFile(knowsCellTypes: false);
            sheets = Workbooks.Text(stream, fileName, rows => FindHeader(rows).Columns is not null);
            if (Path.GetExtension(fileName).ToLowerInvariant() is not (".csv" or ".txt" or "") && FindHeader(sheets[0].Rows()).Columns is null)
            {
                throw new TaskFileException(NotATable);
            }
        }
        else
        {
            throw new TaskFileException(NotATable);
        }
        file.FindHeaders(sheets, required);
        return file;
    }

    /// <summary>The data rows under each sheet's header; blank rows, footers, notes and the template's example are left out.</summary>
    public IEnumerable<SourceRow> Rows()
    {
        _ignored.Clear();
        _ignoredCount = 0;
        foreach (var (source, sheet) in _sheets)
        {
            sheet.RowsRead = sheet.RowsIgnored = 0;
            var line = 0;
            foreach (var cells in source.Rows())
            {
                line++;
                if (line <= sheet.HeaderLine || cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
                {
                    continue;
                }
                var original = cells.Select(c => Clean(c.Text)).ToList();
                var recognised = new Dictionary<TaskColumn, string>();
                HashSet<TaskColumn>? numbers = null;
                foreach (var (index, column) in sheet.ColumnAt)
                {
                    recognised[column] = index < original.Count ? original[index] : "";
                    if (index < cells.Count && cells[index].IsNumber)
                    {
                        (numbers ??= []).Add(column);
                    }
                }
                var row = new SourceRow(sheet, line, recognised, numbers ?? (IReadOnlySet<TaskColumn>)EmptySet, original);
                if (NotAPerson(row) is { } reason)
                {
                    sheet.RowsIgnored++;
                    if (++_ignoredCount <= MaxNotes)
                    {
                        _ignored.Add($"{row.Where}:{reason},已忽略。");
                    }
                    continue;
                }
                sheet.RowsRead++;
                yield return row;
            }
        }
    }

    private static readonly HashSet<TaskColumn> EmptySet = [];

    /// <summary>Why a row holds no person to import, or null when it may.</summary>
    private static string? NotAPerson(SourceRow row)
    {
        var id = IdNumber.Normalize(row.Get(TaskColumn.IdNumber));
        if (id.Count(char.IsAsciiDigit) >= 15)
        {
            return id == TaskTemplate.ExampleIdNumber ? "模板中的示例行" : null; // a row with an ID number is a person
        }
        var first = row.Original.FirstOrDefault(c => c.Length > 0) ?? "";
        if (FooterWords().IsMatch(first))
        {
            return $"合计、落款或说明行(“{Shorten(first)}”)";
        }
        if (row.Original.Count(c => TaskColumns.Recognize(c) is not null) >= 3)
        {
            return "重复的表头行";
        }
        if (row.Get(TaskColumn.Name).Length == 0 && id.Length == 0 && row.Get(TaskColumn.BankCard).Length == 0)
        {
            return $"没有姓名、身份证号码和卡号(“{Shorten(first)}”)";
        }
        return null;
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    [GeneratedRegex(@"^[\s(（]*(合\s*计|总\s*计|小\s*计|共\s*计|制\s*表|填\s*表|填报|审\s*核|审批|核对人|负责人|经办|联系人|说\s*明|注[:：\s]|备\s*注|签\s*字|签\s*名|盖\s*章|日\s*期|报送|以下空白)")]
    private static partial Regex FooterWords();

    // Guards that exporting systems put around long numbers so Excel keeps them as text: ="…", a leading
    // apostrophe, tabs; and the invisible characters some systems leave in cells.
    [GeneratedRegex(@"^=""(.*)""$")]
    private static partial Regex FormulaGuard();

    internal static string Clean(string text)
    {
        var s = text.Replace("\u200B", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal).Trim();
        if (s.StartsWith("=\"", StringComparison.Ordinal) && FormulaGuard().Match(s) is { Success: true } m)
        {
            s = m.Groups[1].Value.Trim();
        }
        if (s.Length > 1 && s[0] is '\'' or '‘' or '’' or '`')
        {
            s = s[1..].Trim();
        }
        return s;
    }

    private void FindHeaders(IReadOnlyList<Sheet> sheets, IReadOnlyList<TaskColumn> required)
    {
        var withoutHeader = new List<string>();
        foreach (var sheet in sheets)
        {
            var (line, headers, columns) = FindHeader(sheet.Rows());
            if (columns is null)
            {
                withoutHeader.Add(sheet.Name);
                continue;
            }
            var missing = required.Where(r => !columns.ContainsValue(r)).Select(TaskColumns.DisplayName).ToList();
            if (missing.Count > 0)
            {
                throw new TaskFileException(sheets.Count > 1
                    ? $"工作表“{sheet.Name}”缺少必需的列:{string.Join("、", missing)}(表头在第 {line} 行)。整个文件未导入。"
                    : $"缺少必需的列:{string.Join("、", missing)}。表头在第 {line} 行。");
            }
            _sheets.Add((sheet, new DataSheet { Name = sheet.Name, HeaderLine = line, Headers = headers!, ColumnAt = columns }));
        }
        if (_sheets.Count == 0 && sheets.All(s => !s.Rows().Any(r => r.Any(c => c.Text.Length > 0))))
        {
            throw new TaskFileException("工作表是空的。");
        }
        if (_sheets.Count == 0)
        {
            throw new TaskFileException(sheets.Count > 1
                ? $"没有找到表头:{sheets.Count} 个工作表({string.Join("、", sheets.Select(s => $"“{s.Name}”"))})的前 {HeaderSearchRows} 行中都没有包含“姓名”“身份证号码”“社保卡银行卡号”“村(社区)”等列名的一行。"
                : $"没有找到表头:前 {HeaderSearchRows} 行中应有一行包含“姓名”“身份证号码”“社保卡银行卡号”“村(社区)”等列名。");
        }
        foreach (var (_, data) in _sheets)
        {
            data.Named = _sheets.Count > 1;
        }
        _notes.AddRange(withoutHeader.Select(name => $"工作表“{name}”没有表头(前 {HeaderSearchRows} 行中没有“姓名”“身份证号码”等列名),未读取。"));
    }

    private static (int Line, IReadOnlyList<string>? Headers, Dictionary<int, TaskColumn>? Columns) FindHeader(IEnumerable<IReadOnlyList<Cell>> rows)
    {
        var line = 0;
        foreach (var cells in rows.Take(HeaderSearchRows))
        {
            line++;
            var columns = new Dictionary<int, TaskColumn>();
            for (var i = 0; i < cells.Count; i++)
            {
                if (TaskColumns.Recognize(cells[i].Text) is { } c && !columns.ContainsValue(c))
                {
                    columns[i] = c;
                }
            }
            if (columns.Count >= 2)
            {
                TaskColumns.SettleCardColumns(columns);
                return (line, cells.Select(c => c.Text.Trim()).ToList(), columns);
            }
        }
        return (line, null, null);
    }

    private const string NotATable = "文件不是 Excel(.xlsx、.xls)、WPS 表格(.et)或 CSV/文本文件。请用下载的模板整理数据后导入。";

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head).TrimStart('?', ' ', '\r', '\n', '\t'); // ASCII reads a UTF-8 BOM as ???
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<table", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }) || !head.Contains((byte)0);
}
