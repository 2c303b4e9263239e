using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace SocialCardAudit.Data.Tasks;

/// <summary>The whole file is refused; the message says why, in Chinese, for the page and the CLI.</summary>
public sealed class TaskFileException(string message) : Exception(message);

/// <summary>One data row of the file: its line number, the recognised cells, and every cell as it was.</summary>
public sealed record SourceRow(int Line, IReadOnlyDictionary<TaskColumn, string> Cells, IReadOnlyList<string> Original)
{
    public string Get(TaskColumn column) => Cells.TryGetValue(column, out var v) ? v : "";
}

/// <summary>
/// Reads a task list: .xlsx (streamed, first worksheet) or .csv (UTF-8 with or without BOM, or GBK as
/// Excel on Windows saves it). The header row may stand below a title; columns may come in any order.
/// </summary>
public sealed class TaskFile
{
    public const long MaxBytes = 40L * 1024 * 1024;
    private const int HeaderSearchRows = 10;

    static TaskFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly IEnumerable<IReadOnlyList<string>> _lines;
    private int _headerLine;

    public IReadOnlyList<string> Headers { get; private set; } = [];
    public IReadOnlyDictionary<int, TaskColumn> ColumnAt { get; private set; } = new Dictionary<int, TaskColumn>();

    private TaskFile(IEnumerable<IReadOnlyList<string>> lines) => _lines = lines;

    /// <summary>Recognises the format from the bytes (not the name alone) and finds the header row.</summary>
    public static TaskFile Open(Stream stream, string fileName, IReadOnlyList<TaskColumn>? required = null)
    {
        if (stream.Length == 0)
        {
            throw new TaskFileException("文件是空的。");
        }
        if (stream.Length > MaxBytes)
        {
            throw new TaskFileException($"文件大小 {stream.Length / 1024 / 1024} MB,超过上限 {MaxBytes / 1024 / 1024} MB。请按村(社区)拆分后分批导入。");
        }
        Span<byte> magic = stackalloc byte[4];
        stream.ReadExactly(magic);
        stream.Position = 0;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        TaskFile file;
        if (magic.SequenceEqual("PK\u0003\u0004"u8))
        {
            file = new TaskFile(ReadXlsx(stream));
        }
        else if (magic.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            // OLE compound file: an old .xls, or an .xlsx saved with an opening password.
            throw new TaskFileException(extension == ".xls"
                ? "不支持 .xls 旧格式:请在 Excel 中另存为 .xlsx 后导入。"
                : "工作簿已加密(设置了打开密码)或为旧格式:请取消密码并另存为 .xlsx 后导入。");
        }
        else if (extension is ".csv" or ".txt" && LooksLikeText(magic))
        {
            file = new TaskFile(ReadCsv(stream));
        }
        else
        {
            throw new TaskFileException("文件不是 Excel(.xlsx)或 CSV 文件。请用下载的模板整理数据后导入。");
        }
        file.FindHeader(required ?? TaskColumns.Required);
        return file;
    }

    /// <summary>The data rows under the header; blank rows are skipped.</summary>
    public IEnumerable<SourceRow> Rows()
    {
        var line = 0;
        foreach (var cells in _lines)
        {
            line++;
            if (line <= _headerLine || cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var recognised = new Dictionary<TaskColumn, string>();
            foreach (var (index, column) in ColumnAt)
            {
                recognised[column] = index < cells.Count ? cells[index].Trim() : "";
            }
            yield return new SourceRow(line, recognised, cells);
        }
    }

    private void FindHeader(IReadOnlyList<TaskColumn> required)
    {
        var line = 0;
        try
        {
            foreach (var cells in _lines.Take(HeaderSearchRows))
            {
                line++;
                var columns = new Dictionary<int, TaskColumn>();
                for (var i = 0; i < cells.Count; i++)
                {
                    if (TaskColumns.Recognize(cells[i]) is { } c && !columns.ContainsValue(c))
                    {
                        columns[i] = c;
                    }
                }
                if (columns.Count >= 2)
                {
                    var missing = required.Where(r => !columns.ContainsValue(r)).Select(TaskColumns.DisplayName).ToList();
                    if (missing.Count > 0)
                    {
                        throw new TaskFileException($"缺少必需的列:{string.Join("、", missing)}。表头在第 {line} 行。");
                    }
                    _headerLine = line;
                    Headers = cells.ToList();
                    ColumnAt = columns;
                    return;
                }
            }
        }
        catch (Exception e) when (e is not TaskFileException)
        {
            throw new TaskFileException("文件已损坏,无法读取。请在 Excel 中打开确认后重新保存为 .xlsx。");
        }
        throw new TaskFileException(line == 0
            ? "工作表是空的。"
            : "没有找到表头:前 10 行中应有一行包含“姓名”“身份证号码”“社保卡银行卡号”“村(社区)”等列名。");
    }

    private static IEnumerable<IReadOnlyList<string>> ReadXlsx(Stream stream)
    {
        IEnumerator<dynamic> rows;
        stream.Position = 0; // enumerated twice: once to find the header, once for the rows
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception)
        {
            throw new TaskFileException("文件已损坏,无法读取。请在 Excel 中打开确认后重新保存为 .xlsx。");
        }
        using (rows)
        {
            while (true)
            {
                IDictionary<string, object?> row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                    row = (IDictionary<string, object?>)rows.Current;
                }
                catch (Exception e) when (e is not TaskFileException)
                {
                    throw new TaskFileException("文件已损坏,无法读取。请在 Excel 中打开确认后重新保存为 .xlsx。");
                }
                yield return row.Values.Select(CellText).ToList();
            }
        }
    }

    /// <summary>Cell values as text. A long number stored as a number keeps its E-notation, so its check says what went wrong.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool LooksLikeText(ReadOnlySpan<byte> head) => !head.Contains((byte)0);

    private static IEnumerable<IReadOnlyList<string>> ReadCsv(Stream stream)
    {
        var encoding = DetectEncoding(stream); // also rewinds: enumerated twice, like the workbook
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        foreach (var record in Csv.Read(reader))
        {
            yield return record;
        }
    }

    /// <summary>UTF-8 when the start of the file is valid UTF-8 (or has a BOM); otherwise GB18030, which reads GBK.</summary>
    internal static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        stream.Position = 0;
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var head = buffer.AsSpan(0, read);
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Encoding.UTF8;
        }
        // A multi-byte character may be cut at the end of the sample: allow up to three trailing bytes.
        for (var cut = 0; cut <= 3 && cut <= head.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head[..^cut]))
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            }
            if (read < buffer.Length)
            {
                break; // the whole file was sampled: nothing was cut
            }
        }
        return Encoding.GetEncoding("GB18030");
    }
}

/// <summary>RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes.</summary>
internal static class Csv
{
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
