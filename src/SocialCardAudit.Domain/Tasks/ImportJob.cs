using System.Security.Cryptography;

namespace SocialCardAudit.Domain.Tasks;

public enum ImportStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>What a file is imported into: a campaign's task list, or a town's card register.</summary>
public enum ImportKind
{
    TaskList = 1,
    CardRegister = 2,
    ComparisonList = 3,
}

/// <summary>
/// One uploaded file being imported, whatever it goes into: the file's identity (name, size, SHA-256), who sent
/// it, its progress while it runs in the background, and its outcome. Either all of its valid rows are stored,
/// or none.
/// </summary>
public abstract class ImportJob : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public required string Sha256 { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;

    /// <summary>The app node running it now: any node may take a queued job, or one whose node stopped renewing its lease.</summary>
    public string? RunBy { get; set; }

    /// <summary>Until when <see cref="RunBy"/> holds it; the node renews this while it runs, so a dead node's job is taken again.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>Runs begun: a job cut off more than <see cref="MaxAttempts"/> times fails instead of running again.</summary>
    public int Attempts { get; set; }

    /// <summary>Someone asked to stop it; whichever node runs it stops at its next renewal.</summary>
    public bool CancelRequested { get; set; }

    public const int MaxAttempts = 2;

    public int RowsRead { get; set; }
    public int RowsAccepted { get; set; }
    public int RowsStored { get; set; }

    public int Imported { get; set; }
    public int AlreadyPresent { get; set; }
    public int Rejected { get; set; }
    public int Flagged { get; set; }

    /// <summary>Why the whole file was refused or the run failed, in Chinese.</summary>
    public string? Message { get; set; }

    /// <summary>
    /// What else the file said, one line each, for the result page: the sheets read and those without a header,
    /// rows left aside (footers, notes, the template's example) and, for cards, those to check. No full numbers.
    /// </summary>
    public string? Notes { get; set; }

    /// <summary>The rejected rows as .xlsx, encrypted: they hold ID numbers too.</summary>
    public byte[]? ErrorReportCipher { get; set; }

    /// <summary>What the file goes into; task lists and card registers share one table, told apart by this.</summary>
    public ImportKind Kind { get; protected init; }

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed or ImportStatus.Cancelled;

    public static string DisplayName(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "排队中",
        ImportStatus.Running => "导入中",
        ImportStatus.Succeeded => "已完成",
        ImportStatus.Failed => "失败",
        ImportStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    /// <summary>
    /// The name to keep for an uploaded file: no folders (old browsers on Windows send the whole path, with
    /// backslashes that a Linux server does not take for folders), and not longer than the column.
    /// </summary>
    public static string SafeName(string? fileName) =>
        fileName?[(fileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim() is { Length: > 0 and <= 255 } name ? name : "upload";

    /// <summary>The file's size and SHA-256, read from the start; the stream is left at its start again.</summary>
    protected static (long Size, string Sha256) Identify(Stream file)
    {
        file.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        file.Position = 0;
        return (file.Length, sha);
    }
}

/// <summary>One upload of a task list into a campaign.</summary>
public sealed class TaskImport : ImportJob
{
    public int CampaignId { get; set; }

    public TaskImport() => Kind = ImportKind.TaskList;

    public static TaskImport For(int tenantId, int campaignId, string? fileName, Stream file, string userId, string userName, DateTime nowUtc)
    {
        var (size, sha) = Identify(file);
        return new()
        {
            TenantId = tenantId, CampaignId = campaignId, FileName = SafeName(fileName), FileSize = size, Sha256 = sha,
            UserId = userId, UserName = userName, CreatedAtUtc = nowUtc,
        };
    }
}
