using System.Buffers.Binary;
using PdfSharp;
using PdfSharp.Fonts;

namespace SocialCardAudit.Documents;

/// <summary>Thrown when no Chinese font is installed: a PDF without one would print boxes instead of names.</summary>
public sealed class CjkFontMissingException(string message) : Exception(message);

/// <summary>
/// The one font every PDF uses: a full TrueType CJK font (never a GB2312 subset, which silently drops rare name
/// characters such as 堃 and 喆). PDFsharp cannot read a .ttc collection, so face 0 is cut out of it into a
/// standalone TrueType file in memory; PDFsharp then embeds only the glyphs a document uses.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    public const string Family = "CJK";

    /// <summary>Where Debian's fonts-wqy-microhei, fonts-wqy-zenhei and Windows put a suitable font.</summary>
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
    ];

    private static readonly Lock Gate = new();
    private static string? configuredFile;
    private static byte[]? face;

    /// <summary>Sets a font file (.ttf or .ttc) other than the usual places; call before the first document.</summary>
    public static void Configure(string? file) => configuredFile = string.IsNullOrWhiteSpace(file) ? null : file;

    /// <summary>Installs the resolver once per process; throws a Chinese message when no font is found.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (face is not null)
            {
                return;
            }
            var file = (configuredFile is null ? Candidates : [configuredFile]).FirstOrDefault(File.Exists)
                ?? throw new CjkFontMissingException("服务器未安装中文字体,无法生成 PDF。请安装 fonts-wqy-microhei(apt-get install fonts-wqy-microhei)或在配置 Documents:CjkFont 中指定字体文件。");
            face = FirstFace(File.ReadAllBytes(file));
            GlobalFontSettings.FontResolver ??= new CjkFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, bold, italic);

    public byte[]? GetFont(string faceName) => face;

    /// <summary>
    /// A .ttf is returned as it is; from a .ttc ("ttcf" header) the first face's table directory is rewritten with
    /// offsets into a new file and its tables copied after it, each padded to four bytes as the format requires.
    /// </summary>
    internal static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) // "ttcf"
        {
            return file;
        }
        var faceOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(faceOffset + 4));
        var directoryLength = 12 + (16 * tables);
        var records = Enumerable.Range(0, tables).Select(i => faceOffset + 12 + (16 * i)).ToList();
        var size = directoryLength + records.Sum(r => Padded((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 12))));
        var result = new byte[size];
        file.AsSpan(faceOffset, directoryLength).CopyTo(result);
        var next = directoryLength;
        for (var i = 0; i < tables; i++)
        {
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(records[i] + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(records[i] + 12));
            file.AsSpan(offset, length).CopyTo(result.AsSpan(next));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(12 + (16 * i) + 8), (uint)next);
            next += Padded(length);
        }
        return result;
    }

    private static int Padded(int length) => (length + 3) & ~3;
}
