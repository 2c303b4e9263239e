namespace SocialCardAudit.UseCases.Imports;

/// <summary>The import settings (configuration section <c>Imports</c>), the same on every node.</summary>
public sealed record ImportSettings
{
    /// <summary>
    /// The largest file accepted (<c>Imports:MaxFileMegabytes</c>): the web upload limit follows it. A county's
    /// million rows are about 90 MB as .xlsx and import within about 250 MB of memory (docs/benchmarks.md).
    /// </summary>
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// How long a node holds a job without renewing it (<c>Imports:LeaseSeconds</c>): a node that dies leaves its
    /// job to another this long after its last renewal.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public long MaxFileMegabytes => MaxFileBytes / 1024 / 1024;
}
