using System.Collections.Concurrent;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Features.Import;

/// <summary>Takes queued files (task lists and card registers) in turn and runs each through <see cref="RunImport"/>.</summary>
public sealed class ImportWorker(ImportQueue queue, RunImport run, ILogger<ImportWorker> log) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await run.FailInterruptedAsync(cancellationToken);
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
            running.Add(RunInTurnAsync(item, stoppingToken));
        }
        await Task.WhenAll(running);
    }

    /// <summary>Waits for its county's previous import first, then for a free slot: a waiting county holds no slot.</summary>
    private async Task RunInTurnAsync(QueuedImport item, CancellationToken stoppingToken)
    {
        var county = _counties.GetOrAdd(item.TenantId, _ => new SemaphoreSlim(1));
        await county.WaitAsync(stoppingToken);
        try
        {
            await _slots.WaitAsync(stoppingToken);
            try
            {
                await RunAsync(item, stoppingToken);
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

    private async Task RunAsync(QueuedImport item, CancellationToken stoppingToken)
    {
        var live = queue.Live(item.Kind, item.Id);
        try
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, live?.Cancel.Token ?? CancellationToken.None);
            await run.HandleAsync(item, p =>
            {
                if (live is not null)
                {
                    live.Progress = p;
                }
            }, cancel.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "{Kind} import {ImportId} could not run", item.Kind, item.Id);
        }
        finally
        {
            queue.Finished(item.Kind, item.Id);
        }
    }
}
