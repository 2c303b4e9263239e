using System.Collections.Concurrent;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>An import while this node runs it: its live counts (read by the progress page) and its cancel switch.</summary>
public sealed class LiveImport
{
    public int TenantId { get; init; }
    public ImportProgress Progress { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
}

/// <summary>
/// This app node's part of the import work. The queue itself is the import jobs in the database, which every node
/// reads; this holds the node's name (written on the jobs it takes), the imports it runs now, and a nudge so that a
/// file uploaded here starts at once instead of at the next look.
/// </summary>
public sealed class ImportNode
{
    private readonly ConcurrentDictionary<long, LiveImport> _live = new();
    private readonly SemaphoreSlim _nudge = new(0);

    /// <summary>Host, process and a random part: two processes on one host, or one restarted, are different nodes.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Files a county may have waiting or running at once.</summary>
    public const int MaxPerCounty = 3;

    /// <summary>The job's id is unique across kinds: task lists and card registers are numbered in one table.</summary>
    public LiveImport Started(long id, int tenantId) => _live[id] = new LiveImport { TenantId = tenantId };

    public LiveImport? Live(long id) => _live.GetValueOrDefault(id);

    /// <summary>The counties whose imports run on this node now.</summary>
    public IReadOnlySet<int> BusyCounties => _live.Values.Select(l => l.TenantId).ToHashSet();

    public void Finished(long id)
    {
        if (_live.TryRemove(id, out var live))
        {
            live.Cancel.Dispose();
        }
    }

    /// <summary>A job was queued here: look for work now.</summary>
    public void Nudge() => _nudge.Release();

    /// <summary>Waits for a nudge or until <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (await _nudge.WaitAsync(timeout, ct))
        {
            while (_nudge.CurrentCount > 0 && _nudge.Wait(0))
            {
            }
        }
    }
}
