using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace SocialCardAudit.Documents;

/// <summary>A column of a <see cref="PdfForm"/> table: its heading and its share of the page width.</summary>
public sealed record PdfColumn(string Heading, double Weight, bool Right = false);

/// <summary>
/// A paper form on A4, written top to bottom: title, paragraphs, a ruled table that continues on the next page
/// with its heading repeated, a signature block, the verification QR code, and "第 n 页 共 m 页" on every page.
/// </summary>
public sealed class PdfForm
{
    private const double Margin = 48; // points, about 17 mm: what a town office's printer and binder leave free
    private const double CellPadding = 4;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly PdfDocument document;
    private readonly PageOrientation orientation;
    private XGraphics? graphics;
    private double y;

    public PdfForm(string title, bool landscape = false)
    {
        CjkFont.EnsureInstalled(); // before the document: PDFsharp asks the resolver for every font
        document = new PdfDocument();
        orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        document.Info.Title = title;
        document.Info.Creator = "SocialCardAudit";
        NewPage();
    }

    private XGraphics G => graphics!;
    private double Width => G.PageSize.Width - (2 * Margin);
    private double Bottom => G.PageSize.Height - Margin - 14; // room for the page number

    public static XFont Font(double size, bool bold = false) => new(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public void Title(string text)
    {
        var font = Font(17, bold: true);
        foreach (var line in Wrap(text, font, Width))
        {
            Need(24);
            G.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, 24), XStringFormats.TopCenter);
            y += 24;
        }
        y += 10;
    }

    /// <summary>A paragraph wrapped to the page width; <paramref name="indent"/> starts it like handwriting on a form.</summary>
    public void Paragraph(string text, double size = 12, bool indent = false, bool right = false)
    {
        var font = Font(size);
        var lineHeight = size * 1.7;
        var first = indent ? size * 2 : 0;
        var lines = Wrap(text, font, Width - first);
        for (var i = 0; i < lines.Count; i++)
        {
            Need(lineHeight);
            var x = Margin + (i == 0 ? first : 0);
            G.DrawString(lines[i], font, XBrushes.Black, new XRect(x, y, Width - (x - Margin), lineHeight),
                right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    public void Space(double points) => y += points;

    /// <summary>
    /// A ruled table; rows grow to fit wrapped text and a row never splits across pages. Rows in <paramref name="bold"/>
    /// are totals. The last row goes to a new page unless <paramref name="keepLastWith"/> points fit under it too, so
    /// what follows the table (a signature, a QR code) is never alone on a page.
    /// </summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> lines, double size = 10, ISet<int>? bold = null, double keepLastWith = 0)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var heading = columns.Select(c => c.Heading).ToList();
        DrawRow(heading, widths, columns, Font(size, bold: true), header: true);
        var rows = lines as IReadOnlyList<IReadOnlyList<string>> ?? [.. lines];
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var font = Font(size, bold: bold?.Contains(index) == true);
            if (RowHeight(row, widths, font) + (index == rows.Count - 1 ? keepLastWith : 0) > Bottom - y)
            {
                NewPage();
                DrawRow(heading, widths, columns, Font(size, bold: true), header: true);
            }
            DrawRow(row, widths, columns, font, header: false);
        }
        y += 8;
    }

    /// <summary>
    /// The verification block: a QR code that opens the verify page and the SHA-256 digest in full, so a printed
    /// form can be checked against the database it came from.
    /// </summary>
    public void Verification(string url, string digest, string caption)
    {
        const double side = 86;
        Need(side + 8);
        using var generator = new QRCodeGenerator();
        var matrix = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var module = side / matrix.Count;
        for (var r = 0; r < matrix.Count; r++)
        {
            for (var c = 0; c < matrix[r].Length; c++)
            {
                if (matrix[r][c])
                {
                    // Slightly larger than a module so adjacent squares print as one black area.
                    G.DrawRectangle(XBrushes.Black, Margin + (c * module), y + (r * module), module + 0.05, module + 0.05);
                }
            }
        }
        var textX = Margin + side + 10;
        var font = Font(9);
        var lines = new List<string> { caption };
        lines.AddRange(Wrap("摘要(SHA-256):" + digest, font, Width - side - 10));
        lines.AddRange(Wrap(url, font, Width - side - 10));
        var lineY = y + 6;
        foreach (var line in lines)
        {
            G.DrawString(line, font, XBrushes.Black, new XRect(textX, lineY, Width - side - 10, 14), XStringFormats.TopLeft);
            lineY += 14;
        }
        y += side + 8;
    }

    /// <summary>The pages of a PDF, for the archive's page numbers.</summary>
    public static int PageCount(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    public byte[] Save()
    {
        graphics?.Dispose();
        var count = document.PageCount;
        var font = Font(9);
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawString($"第 {i + 1} 页 共 {count} 页", font, XBrushes.Black,
                new XRect(0, g.PageSize.Height - Margin + 4, g.PageSize.Width, 14), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<PdfColumn> columns, XFont font, bool header)
    {
        var height = RowHeight(cells, widths, font);
        var lineHeight = font.Size * 1.35;
        var x = Margin;
        for (var c = 0; c < widths.Length; c++)
        {
            var rect = new XRect(x, y, widths[c], height);
            if (header)
            {
                G.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 238, 238)), rect);
            }
            G.DrawRectangle(new XPen(XColors.Black, 0.6), rect);
            var lines = Wrap(c < cells.Count ? cells[c] : "", font, widths[c] - (2 * CellPadding));
            var format = header ? XStringFormats.TopCenter : columns[c].Right ? XStringFormats.TopRight : XStringFormats.TopLeft;
            for (var l = 0; l < lines.Count; l++)
            {
                G.DrawString(lines[l], font, XBrushes.Black,
                    new XRect(x + CellPadding, y + CellPadding + (l * lineHeight), widths[c] - (2 * CellPadding), lineHeight), format);
            }
            x += widths[c];
        }
        y += height;
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font)
    {
        var lines = widths.Select((w, c) => Wrap(c < cells.Count ? cells[c] : "", font, w - (2 * CellPadding)).Count).DefaultIfEmpty(1).Max();
        return (Math.Max(1, lines) * font.Size * 1.35) + (2 * CellPadding);
    }

    private List<string> Wrap(string text, XFont font, double width) => Wrap(text, t => G.MeasureString(t, font).Width, width);

    /// <summary>
    /// Chinese has no spaces to break at, so a line may break at any character that would pass the width; but where
    /// the line allows, it breaks before a bracket or after a comma, 、 or · rather than inside "完成率(%)", and never inside a
    /// run of Latin letters and digits (a number, a code) when the line has room before it.
    /// </summary>
    public static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var start = 0;
            for (var end = 1; end <= paragraph.Length; end++)
            {
                if (end - start > 1 && measure(paragraph[start..end]) > width)
                {
                    var at = BreakBefore(paragraph, start, end - 1);
                    lines.Add(paragraph[start..at]);
                    start = at;
                }
            }
            lines.Add(paragraph[start..]);
        }
        return lines;
    }

    /// <summary>Where to break a line that must end before <paramref name="limit"/>: the last good place after <paramref name="start"/>, else the limit.</summary>
    private static int BreakBefore(string s, int start, int limit)
    {
        static bool Word(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '%' or '-' or '/';
        for (var i = limit; i > start + ((limit - start) / 2); i--) // not at the cost of more than half a line
        {
            if (s[i] is '(' or '\uFF08' or '[' or '\u300A' || s[i - 1] is '\u3001' or '\u00B7' or ',' or '\uFF0C' or ';' or '\uFF1B' or ':' or '\uFF1A' or ' ')
            {
                return i;
            }
        }
        if (!(Word(s[limit - 1]) && Word(s[limit])))
        {
            return limit;
        }
        for (var i = limit - 1; i > start; i--)
        {
            if (!(Word(s[i - 1]) && Word(s[i])))
            {
                return i;
            }
        }
        return limit;
    }

    private void Need(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = orientation;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}
