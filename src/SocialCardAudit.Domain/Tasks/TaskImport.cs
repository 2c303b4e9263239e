namespace SocialCardAudit.Domain.Tasks;

public enum ImportStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// One upload of a task list: the file's identity (name, size, SHA-256), who sent it, its progress while it
/// runs in the background, and its outcome. Either all of its valid rows are stored, or none.
/// </summary>
public sealed class TaskImport : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public required string Sha256 { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;

    public int RowsRead { get; set; }
    public int RowsValidated { get; set; }
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
}
