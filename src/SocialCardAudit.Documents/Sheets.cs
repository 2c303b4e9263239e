using ClosedXML.Excel;

namespace SocialCardAudit.Documents;

/// <summary>What every workbook the application writes has in common: text cells, a title, ruled tables, set widths.</summary>
public static class Sheets
{
    private const int MaxCellText = 32_767; // Excel's limit for one cell

    /// <summary>Always text: an 18-digit ID never turns into a number, and "=…" typed by a user never into a formula.</summary>
    public static IXLCell Text(IXLCell cell, string? value)
    {
        value ??= "";
        if (value.Length > MaxCellText)
        {
            value = value[..(MaxCellText - 40)] + $"…(原内容 {value.Length} 字,已截断)";
        }
        cell.Style.NumberFormat.Format = "@";
        cell.DataType = XLDataType.Text;
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        return cell;
    }

    /// <summary>A title over <paramref name="columns"/> columns, merged and centred, as on the paper form.</summary>
    public static void Title(IXLWorksheet sheet, int row, int columns, string text, double size = 16)
    {
        var range = sheet.Range(row, 1, row, columns).Merge();
        Text(range.FirstCell(), text);
        range.Style.Font.SetFontSize(size).Font.SetBold(true).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        sheet.Row(row).Height = size * 1.9;
    }

    /// <summary>A line of text across the table's width, wrapped, as the sentences of 附件4 are.</summary>
    public static void Line(IXLWorksheet sheet, int row, int columns, string text, double height = 22)
    {
        var range = sheet.Range(row, 1, row, columns).Merge();
        Text(range.FirstCell(), text);
        range.Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        sheet.Row(row).Height = height;
    }

    /// <summary>
    /// A ruled table at <paramref name="row"/>: bold shaded headings, the widths given (in characters), text cells
    /// except where a value is a number. Returns the row after the table.
    /// </summary>
    public static int Table(IXLWorksheet sheet, int row, IReadOnlyList<(string Heading, double Width)> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var first = row;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Column(c + 1).Width = columns[c].Width;
            Text(sheet.Cell(row, c + 1), columns[c].Heading);
        }
        var heading = sheet.Range(row, 1, row, columns.Count);
        heading.Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#EEEEEE"))
            .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText(true);
        foreach (var values in rows)
        {
            row++;
            for (var c = 0; c < columns.Count && c < values.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                if (values[c] is int or long or decimal or double)
                {
                    cell.SetValue(Convert.ToDecimal(values[c], System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    Text(cell, values[c]?.ToString()).Style.Alignment.SetWrapText(true);
                }
            }
        }
        var table = sheet.Range(first, 1, row, columns.Count);
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center);
        return row + 1;
    }

    /// <summary>A4 portrait or landscape, fitted to the page width, the heading row repeated on each printed page.</summary>
    public static void Print(IXLWorksheet sheet, bool landscape, int? headingRow = null)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.CenterHorizontally = true;
        if (headingRow is { } r)
        {
            sheet.PageSetup.SetRowsToRepeatAtTop(r, r);
        }
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
