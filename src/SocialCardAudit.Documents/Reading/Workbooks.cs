using System.Globalization;
using System.Text;
using ExcelDataReader;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace SocialCardAudit.Documents;

/// <summary>One cell as the file holds it: its text, and whether the workbook stored it as a number.</summary>
public readonly record struct Cell(string Text, bool IsNumber)
{
    public static readonly Cell Empty = new("", false);
}

/// <summary>
/// One worksheet, or the one table of a text file. <see cref="Rows"/> may be enumerated more than once (the header
/// is looked for first, then the rows are read); row i of the enumeration is row i + 1 as Excel numbers it.
/// </summary>
public sealed record Sheet(string Name, Func<IEnumerable<IReadOnlyList<Cell>>> Rows);

/// <summary>The formats offices save, each read by what its bytes are, whatever the file is called.</summary>
internal static class Workbooks
{
    static Workbooks() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string Damaged = "文件已损坏,无法读取。请在 Excel 或 WPS 中打开确认后重新保存为 .xlsx。";

    /// <summary>.xlsx (and WPS .et saved as Office Open XML): every worksheet, merged cells filled, streamed.</summary>
    public static IReadOnlyList<Sheet> Xlsx(Stream stream)
    {
        List<string> names;
        try
        {
            stream.Position = 0;
            names = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception)
        {
            throw new TaskFileException(Damaged);
        }
        var config = new OpenXmlConfiguration { FillMergedCells = true };
        return names.Select(name => new Sheet(name, () => XlsxRows(stream, name, config))).ToList();
    }

    private static IEnumerable<IReadOnlyList<Cell>> XlsxRows(Stream stream, string sheet, OpenXmlConfiguration config)
    {
        IEnumerator<dynamic> rows;
        stream.Position = 0;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: config).GetEnumerator();
        }
        catch (Exception)
        {
            throw new TaskFileException(Damaged);
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
                    throw new TaskFileException(Damaged);
                }
                yield return row.Values.Select(ToCell).ToList();
            }
        }
    }

    /// <summary>
    /// .xls (Excel 97-2003) and WPS .et: BIFF in an OLE compound file, read by ExcelDataReader. A workbook with an
    /// opening password is the same kind of file and is refused with what to do.
    /// </summary>
    public static IReadOnlyList<Sheet> Biff(Stream stream)
    {
        List<string> names;
        try
        {
            using var reader = OpenBiff(stream);
            names = [];
            do
            {
                names.Add(reader.Name);
            }
            while (reader.NextResult());
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException)
        {
            throw new TaskFileException("工作簿设置了打开密码:请取消密码并另存为 .xlsx 后导入。");
        }
        catch (Exception e) when (e is not TaskFileException)
        {
            throw new TaskFileException("无法读取这个 Excel 97-2003(.xls)或 WPS(.et)文件:它可能已加密或损坏。请在 Excel 或 WPS 中打开,另存为 .xlsx 后导入。");
        }
        return names.Select((name, index) => new Sheet(name, () => BiffRows(stream, index))).ToList();
    }

    private static IExcelDataReader OpenBiff(Stream stream)
    {
        stream.Position = 0;
        return ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
    }

    private static IEnumerable<IReadOnlyList<Cell>> BiffRows(Stream stream, int sheet)
    {
        using var reader = OpenBiff(stream);
        for (var i = 0; i < sheet; i++)
        {
            reader.NextResult();
        }
        // A merged cell's value belongs to every row and column it spans.
        var merged = new Dictionary<(int Row, int Column), (int Row, int Column)>();
        foreach (var range in reader.MergeCells ?? [])
        {
            for (var r = range.FromRow; r <= range.ToRow; r++)
            {
                for (var c = range.FromColumn; c <= range.ToColumn; c++)
                {
                    if (r != range.FromRow || c != range.FromColumn)
                    {
                        merged[(r, c)] = (range.FromRow, range.FromColumn);
                    }
                }
            }
        }
        var anchors = new Dictionary<(int, int), Cell>();
        var row = 0;
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is not TaskFileException)
            {
                throw new TaskFileException(Damaged);
            }
            var cells = new Cell[reader.FieldCount];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = merged.TryGetValue((row, c), out var anchor) ? anchors.GetValueOrDefault(anchor, Cell.Empty) : ToCell(reader.GetValue(c));
                if (merged.Count > 0)
                {
                    anchors[(row, c)] = cells[c];
                }
            }
            row++;
            yield return cells;
        }
    }

    /// <summary>
    /// A cell's value as text. A number with more than 15 digits is written as Excel shows it in the "0" format
    /// (15 significant digits, then zeros) and marked as a number, so the importer can say its last digits are lost.
    /// </summary>
    private static Cell ToCell(object? value) => value switch
    {
        null => Cell.Empty,
        string s => new(s, false),
        double d when d == Math.Floor(d) => new(d.ToString("0", CultureInfo.InvariantCulture), true),
        double d => new(d.ToString("R", CultureInfo.InvariantCulture), true),
        DateTime t => new(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false),
        bool b => new(b ? "TRUE" : "FALSE", false),
        IFormattable f => new(f.ToString(null, CultureInfo.InvariantCulture), true),
        _ => new(value.ToString() ?? "", false),
    };

    /// <summary>
    /// CSV and text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode 文本"), or GB18030/GBK as Excel
    /// on Chinese Windows saves; comma- or tab-separated, whichever finds the header.
    /// </summary>
    public static IReadOnlyList<Sheet> Text(Stream stream, string fileName, Func<IEnumerable<IReadOnlyList<Cell>>, bool> hasHeader)
    {
        var encoding = DetectEncoding(stream);
        IEnumerable<IReadOnlyList<Cell>> Read(char separator)
        {
            stream.Position = 0;
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            foreach (var record in Csv.Read(reader, separator))
            {
                yield return record.Select(f => new Cell(f, false)).ToList();
            }
        }
        var separator = hasHeader(Read('\t')) && !hasHeader(Read(',')) ? '\t' : ',';
        return [new Sheet(Path.GetFileNameWithoutExtension(fileName), () => Read(separator))];
    }

    /// <summary>By the byte-order mark; else UTF-8 when the start of the file is valid UTF-8; else GB18030, which reads GBK.</summary>
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
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode;
        }
        if (head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode;
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

/// <summary>RFC 4180 CSV (and tab-separated text): quoted fields, doubled quotes, line breaks inside quotes.</summary>
internal static class Csv
{
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader, char separator = ',')
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
            if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
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
