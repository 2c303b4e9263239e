using System.Collections.Concurrent;
using System.Threading.Channels;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>A file waiting to be imported: which job it is (task list or card register), its county, its bytes.</summary>
public sealed record QueuedImport(ImportKind Kind, long Id, int TenantId, byte[] File);

/// <summary>An import while it runs: its live counts (read by the progress page) and its cancel switch.</summary>
public sealed class LiveImport
{
    public int TenantId { get; init; }
    public ImportProgress Progress { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
}

/// <summary>
/// Uploaded files waiting to be imported, task lists and card registers alike: one at a time per county, counties
/// side by side (a large file of one county does not hold up another's; SQLite still takes their writes one after
/// the other). The file stays in memory only: it holds ID numbers, and after a restart the import is simply run
/// again.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<QueuedImport> _channel = Channel.CreateUnbounded<QueuedImport>();
    private readonly ConcurrentDictionary<(ImportKind, long), LiveImport> _live = new();

    public ChannelReader<QueuedImport> Reader => _channel.Reader;

    /// <summary>Files a county may have waiting or running at once: each is held in memory until it is read.</summary>
    public const int MaxPerCounty = 3;

    /// <summary>The county's imports queued or running now.</summary>
    public int Waiting(int tenantId) => _live.Values.Count(l => l.TenantId == tenantId);

    public void Enqueue(QueuedImport item)
    {
        _live[(item.Kind, item.Id)] = new LiveImport { TenantId = item.TenantId };
        _channel.Writer.TryWrite(item);
    }

    public LiveImport? Live(ImportKind kind, long id) => _live.GetValueOrDefault((kind, id));

    public void Finished(ImportKind kind, long id)
    {
        if (_live.TryRemove((kind, id), out var live))
        {
            live.Cancel.Dispose();
        }
    }
}
