using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Tasks;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.Web.Features.Import;

/// <summary>An import while it runs: its live counts (read by the progress page) and its cancel switch.</summary>
public sealed class LiveImport
{
    public int TenantId { get; init; }
    public ImportProgress Progress { get; set; }
    public CancellationTokenSource Cancel { get; } = new();
}

/// <summary>
/// Uploaded task lists waiting to be imported: one at a time per county, counties side by side (a large file of
/// one county does not hold up another's; SQLite still takes their writes one after the other). The file stays in
/// memory only: it holds ID numbers, and after a restart the import is simply run again.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<(long ImportId, int TenantId, byte[] File)> _channel = Channel.CreateUnbounded<(long, int, byte[])>();
    private readonly ConcurrentDictionary<long, LiveImport> _live = new();

    public ChannelReader<(long ImportId, int TenantId, byte[] File)> Reader => _channel.Reader;

    /// <summary>Files a county may have waiting or running at once: each is held in memory until it is read.</summary>
    public const int MaxPerCounty = 3;

    /// <summary>The county's imports queued or running now.</summary>
    public int Waiting(int tenantId) => _live.Values.Count(l => l.TenantId == tenantId);

    public void Enqueue(long importId, int tenantId, byte[] file)
    {
        _live[importId] = new LiveImport { TenantId = tenantId };
        _channel.Writer.TryWrite((importId, tenantId, file));
    }

    public LiveImport? Live(long importId) => _live.GetValueOrDefault(importId);

    public void Finished(long importId)
    {
        if (_live.TryRemove(importId, out var live))
        {
            live.Cancel.Dispose();
        }
    }
}

public sealed class ImportWorker(ImportQueue queue, DbContextOptions<AppDbContext> options, PersonalDataProtector protector,
    TimeProvider clock, ILoggerFactory logs) : BackgroundService
{
    private readonly ILogger _log = logs.CreateLogger<ImportWorker>();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Imports cut off by a restart stored nothing (one transaction); say so instead of showing them as running.
        await using var db = new AppDbContext(options, new FixedTenant(null));
        await db.TaskImports.IgnoreQueryFilters()
            .Where(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ImportStatus.Failed)
                .SetProperty(i => i.Message, "服务重启,导入中断,未写入任何数据。请重新上传。")
                .SetProperty(i => i.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Imports of different counties running at once; more would only compete for the same cores.</summary>
    private const int Parallel = 2;

    private readonly SemaphoreSlim _slots = new(Parallel);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _counties = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(RunInTurnAsync(item.ImportId, item.TenantId, item.File, stoppingToken));
        }
        await Task.WhenAll(running);
    }

    /// <summary>Waits for its county's previous import first, then for a free slot: a waiting county holds no slot.</summary>
    private async Task RunInTurnAsync(long importId, int tenantId, byte[] file, CancellationToken stoppingToken)
    {
        var county = _counties.GetOrAdd(tenantId, _ => new SemaphoreSlim(1));
        await county.WaitAsync(stoppingToken);
        try
        {
            await _slots.WaitAsync(stoppingToken);
            try
            {
                await RunAsync(importId, tenantId, file, stoppingToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            county.Release();
        }
    }

    private async Task RunAsync(long importId, int tenantId, byte[] file, CancellationToken stoppingToken)
    {
        var live = queue.Live(importId);
        try
        {
            await using var db = new AppDbContext(options, new FixedTenant(tenantId));
            var job = await db.TaskImports.SingleAsync(i => i.Id == importId, stoppingToken);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, live?.Cancel.Token ?? CancellationToken.None);
            var importer = new TaskImporter(db, protector, clock, logs.CreateLogger<TaskImporter>());
            await importer.RunAsync(job, new MemoryStream(file), p =>
            {
                if (live is not null)
                {
                    live.Progress = p;
                }
            }, cancel.Token);
            _log.LogInformation("Import {ImportId} ended {Status}: {Imported} stored, {Rejected} rejected", importId, job.Status, job.Imported, job.Rejected);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _log.LogError(e, "Import {ImportId} could not run", importId);
        }
        finally
        {
            queue.Finished(importId);
        }
    }
}
