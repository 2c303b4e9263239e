using System.Globalization;

namespace SocialCardAudit.Domain.Archive;

/// <summary>
/// 档号: 年度-类别-业务环节-案卷号-页码-保管期限, as the archive rules write it, e.g. <c>2009-ZJ-参保单位登记材料-1-50-Y</c>:
/// the year the file was closed, the category's code, the business link, the volume's number, the file's first page
/// in the volume, and the retention code.
/// </summary>
public sealed record FileNumber(int Year, string Category, string BusinessLink, int Volume, int Page, Retention Retention)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Year}-{Category}-{BusinessLink}-{Volume}-{Page}-{Retentions.Code(Retention)}");

    /// <summary>The number as written on a file, or the reason it is not one.</summary>
    public static FileNumber Parse(string text)
    {
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != 6 || parts.Any(p => p.Length == 0))
        {
            throw new DomainException($"档号“{text}”应为“年度-类别-业务环节-案卷号-页码-保管期限”六段,如 2021-GL-社会保险卡管理材料-1-1-C。");
        }
        int Number(string s, string what, int min) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n : throw new DomainException($"档号“{text}”的{what}“{s}”无效。");
        return new FileNumber(Number(parts[0], "年度", 1949), parts[1], parts[2], Number(parts[3], "案卷号", 1), Number(parts[4], "页码", 1),
            Retentions.FromCode(parts[5]));
    }
}

/// <summary>One document to archive: its title, its kind, how many pages, and its bytes' SHA-256 once fixed.</summary>
public sealed record ArchiveDocument(string Title, MaterialKind Kind, int Pages);

/// <summary>A document placed in a volume: its file number (first page) and its pages in the volume.</summary>
public sealed record FiledDocument(ArchiveDocument Document, FileNumber Number)
{
    public int LastPage => Number.Page + Document.Pages - 1;
}

/// <summary>A volume (案卷): documents of one year, category, business link and retention, numbered within them.</summary>
public sealed record PlannedVolume(int Year, Filing Filing, int Number, IReadOnlyList<FiledDocument> Documents)
{
    public int Pages => Documents.Sum(d => d.Document.Pages);

    public string Title => $"{Year}年{Filing.BusinessLink}(第{Number}卷)";
}

/// <summary>
/// Files a campaign's documents into volumes: by the scheme, each kind goes to its category, business link and
/// retention; within those, volumes are numbered 1, 2, … and filled in the order given up to
/// <paramref name="maxPages"/> pages (a larger document fills a volume alone); each document's page number is its
/// first page in its volume.
/// </summary>
public static class Volumes
{
    public const int DefaultMaxPages = 200;

    public static IReadOnlyList<PlannedVolume> Plan(int year, IEnumerable<ArchiveDocument> documents, ClassificationScheme scheme, int maxPages = DefaultMaxPages)
    {
        scheme.Checked();
        var volumes = new List<PlannedVolume>();
        foreach (var group in documents.GroupBy(d => scheme.For(d.Kind)))
        {
            var filing = group.Key;
            var number = 0;
            var current = new List<FiledDocument>();
            var page = 1;
            foreach (var d in group)
            {
                if (d.Pages < 1)
                {
                    throw new DomainException($"“{d.Title}”没有页:归档的文件至少一页。");
                }
                if (current.Count > 0 && page - 1 + d.Pages > maxPages)
                {
                    volumes.Add(new PlannedVolume(year, filing, number, current));
                    (current, page) = ([], 1);
                }
                if (current.Count == 0)
                {
                    number++;
                }
                current.Add(new FiledDocument(d, new FileNumber(year, filing.Category, filing.BusinessLink, number, page, filing.Retention)));
                page += d.Pages;
            }
            if (current.Count > 0)
            {
                volumes.Add(new PlannedVolume(year, filing, number, current));
            }
        }
        return volumes;
    }
}
