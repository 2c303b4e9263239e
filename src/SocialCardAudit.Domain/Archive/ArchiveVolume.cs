using System.Security.Cryptography;
using System.Text;

namespace SocialCardAudit.Domain.Archive;

/// <summary>
/// A volume (案卷) of a closed campaign's archive, as compiled: its place in the scheme, its number, and its files in
/// order. Its manifest digest covers every file's number, title and SHA-256, so a changed, added or missing file
/// shows when the volume is verified, whatever the live data has become.
/// </summary>
public sealed class ArchiveVolume : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int Year { get; set; }
    public required string Category { get; set; }
    public required string BusinessLink { get; set; }
    public int Number { get; set; }
    public Retention Retention { get; set; }
    public required string Title { get; set; }
    public int Pages { get; set; }
    public required string CompiledById { get; set; }
    public required string CompiledByName { get; set; }
    public DateTime CompiledAtUtc { get; set; }

    /// <summary>SHA-256 of the manifest (<see cref="Manifest"/>), taken when compiled.</summary>
    public required string ManifestSha256 { get; set; }
    public List<ArchivedFile> Files { get; set; } = [];

    /// <summary>The last day the volume must be kept; null for 永久.</summary>
    public DateOnly? KeptUntil => Retentions.KeptUntil(Retention, Year);

    /// <summary>One line per file, in order: file number, SHA-256, title.</summary>
    public static string Manifest(IEnumerable<ArchivedFile> files) =>
        string.Concat(files.OrderBy(f => f.Sequence).Select(f => $"{f.FileNumber}\t{f.Sha256}\t{f.Title}\n"));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>One fixed document in a volume: its file number, pages, kind, and its bytes (encrypted) with their SHA-256.</summary>
public sealed class ArchivedFile : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long VolumeId { get; set; }

    /// <summary>卷内序号: its place in the volume, from 1.</summary>
    public int Sequence { get; set; }
    public required string Title { get; set; }
    public MaterialKind Kind { get; set; }
    public required string FileNumber { get; set; }
    public int Page { get; set; }
    public int Pages { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Cipher { get; set; }
    public required string Sha256 { get; set; }
}
