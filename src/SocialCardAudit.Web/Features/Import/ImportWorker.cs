using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Features.Import;

/// <summary>
/// This node's share of the import jobs (task lists and card registers): it takes jobs from the database as slots
/// free up, a look every few seconds or at once when a file is uploaded here, and runs each through
/// <see cref="RunImport"/>. Every node runs one; between them each job runs once.
/// </summary>
public sealed class ImportWorker(ImportNode node, RunImport run, ILogger<ImportWorker> log) : BackgroundService
{
    /// <summary>Imports of different counties running at once on this node; more would only compete for the same cores.</summary>
    private const int Parallel = 2;

    /// <summary>How often an idle node looks for jobs queued on other nodes or left by a node that died.</summary>
    public static TimeSpan Look { get; set; } = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            ClaimedImport? job = null;
            if (running.Count < Parallel)
            {
                try
                {
                    job = await run.ClaimNextAsync(node, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Looking for import jobs failed; trying again shortly");
                }
            }
            if (job is not null)
            {
                running.Add(RunAsync(job, stoppingToken));
                continue;
            }
            try
            {
                await (running.Count < Parallel
                    ? node.WaitForWorkAsync(Look, stoppingToken)
                    : Task.WhenAny(running).WaitAsync(Look, stoppingToken));
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
            }
        }
        await Task.WhenAll(running);
    }

    private async Task RunAsync(ClaimedImport job, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await run.HandleAsync(job, node, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "{Kind} import {ImportId} could not run", job.Kind, job.Id);
        }
        finally
        {
            node.Nudge(); // a slot is free, and the county's next file may be waiting
        }
    }
}
