using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>Thrown in a run whose job another node has taken over: the run stops and writes nothing.</summary>
internal sealed class ImportTakenOverException() : Exception("Another node has taken this import over.");

/// <summary>A job a node has taken: it holds the lease and runs it.</summary>
public sealed record ClaimedImport(ImportKind Kind, long Id, int TenantId);

/// <summary>
/// Runs the import jobs recorded in the database, on whichever node takes them first. A node takes a job by
/// writing its name and a lease on the row in one conditional update (two nodes cannot both succeed), renews the
/// lease while it runs and writes the live counts with it, so every node's progress page reads them. A node that
/// dies stops renewing: once the lease lapses another node takes the job and runs it from the start, which is
/// safe because an import stores in one transaction, all or nothing. After <see cref="ImportJob.MaxAttempts"/>
/// runs cut off, the job fails instead, with a message to upload again.
/// </summary>
public sealed class RunImport(DbContextOptions<AppDbContext> options, PersonalDataProtector protector, TimeProvider clock, ILoggerFactory logs,
    ImportSettings settings)
{
    /// <summary>How long a node holds a job without renewing it; it renews every third of that.</summary>
    public TimeSpan Lease => settings.Lease;

    private readonly ILogger _log = logs.CreateLogger<RunImport>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Takes the oldest job that is queued, or whose node let its lease lapse, of a county with no other import
    /// running (a county's files run one after another); null when there is none.
    /// </summary>
    public async Task<ClaimedImport?> ClaimNextAsync(ImportNode node, CancellationToken ct)
    {
        await using var db = new AppDbContext(options, new FixedTenant(null));
        var now = Now;
        var busy = node.BusyCounties.ToHashSet();
        busy.UnionWith(await Jobs(db).Where(i => i.Status == ImportStatus.Running && i.LeaseUntilUtc >= now).Select(i => i.TenantId).ToListAsync(ct));
        // Only jobs with a file waiting: an import run in place (the command line, the demo) has none and is never taken.
        var open = await Jobs(db).Where(Takeable(now))
            .Where(i => db.ImportFileChunks.IgnoreQueryFilters().Any(c => c.JobId == i.Id))
            .OrderBy(i => i.CreatedAtUtc).Take(20)
            .Select(i => new { i.Kind, i.Id, i.TenantId, i.Attempts }).ToListAsync(ct);
        foreach (var job in open)
        {
            if (busy.Contains(job.TenantId) || node.Live(job.Id) is not null)
            {
                continue;
            }
            var taken = await Jobs(db).Where(i => i.Id == job.Id).Where(Takeable(now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, ImportStatus.Running)
                    .SetProperty(i => i.RunBy, node.Name)
                    .SetProperty(i => i.LeaseUntilUtc, now + Lease)
                    .SetProperty(i => i.Attempts, i => i.Attempts + 1), ct) == 1;
            if (!taken)
            {
                continue; // another node was quicker
            }
            if (job.Attempts + 1 > ImportJob.MaxAttempts)
            {
                _log.LogWarning("{Kind} import {ImportId} was cut off {Attempts} times; failing it", job.Kind, job.Id, job.Attempts);
                await EndAsync(db, job.Id, ImportStatus.Running, ImportStatus.Failed,
                    $"导入已中断 {job.Attempts} 次(处理它的服务节点停止),未写入任何数据。请重新上传;若再次失败,请联系系统管理员。", ct);
                continue;
            }
            // Known as this node's at once: a cancel arriving before the run begins finds it here, or else the run,
            // which loads the job after this, finds the request on it.
            node.Started(job.Id, job.TenantId);
            return new(job.Kind, job.Id, job.TenantId);
        }
        return null;
    }

    /// <summary>
    /// Runs a job this node has taken, renewing its lease meanwhile. Stopped by <paramref name="stopping"/> (the node
    /// shuts down), the job goes back to the queue for another node; cancelled by a user, it ends Cancelled.
    /// </summary>
    public async Task HandleAsync(ClaimedImport item, ImportNode node, CancellationToken stopping)
    {
        var live = node.Live(item.Id) ?? node.Started(item.Id, item.TenantId);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping, live.Cancel.Token);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(item, node, live, run, renewing.Token);
        try
        {
            // The job is loaded whatever the token says: one cancelled before it started is still recorded as cancelled.
            await using var db = new AppDbContext(options, new FixedTenant(item.TenantId));
            var job = await db.ImportJobs.SingleAsync(i => i.Id == item.Id, CancellationToken.None);
            if (job.RunBy != node.Name || job.Status != ImportStatus.Running)
            {
                _log.LogWarning("{Kind} import {ImportId} was taken over by {Other} before {Node} began it", job.Kind, job.Id, job.RunBy, node.Name);
                return;
            }
            if (job.CancelRequested)
            {
                await live.Cancel.CancelAsync(); // asked to stop between being taken and starting: recorded as cancelled at once
            }
            await using var file = ImportFiles.Open(options, job, protector);
            void Progress(ImportProgress p) => live.Progress = p;
            if (job is TaskImport tasks)
            {
                await new TaskImporter(db, protector, clock, logs.CreateLogger<TaskImporter>()).RunAsync(tasks, file, Progress, run.Token);
            }
            else if (job is ComparisonImport comparison)
            {
                await new ComparisonImporter(db, protector, clock).RunAsync(comparison, file, Progress, run.Token);
            }
            else
            {
                await new CardImporter(db, protector, clock).RunAsync((CardImport)job, file, Progress, run.Token);
            }
            _log.LogInformation("{Kind} import {ImportId} ended {Status} on {Node}: {Imported} stored, {Rejected} rejected",
                job.Kind, job.Id, job.Status, node.Name, job.Imported, job.Rejected);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            node.Finished(item.Id);
            await AfterRunAsync(item);
        }
    }

    /// <summary>
    /// The run records its own outcome with its file; this deletes the file of a run that ended some other way
    /// (its database connection lost, say) once the job is finished.
    /// </summary>
    private async Task AfterRunAsync(ClaimedImport item)
    {
        await using var db = new AppDbContext(options, new FixedTenant(null));
        if (await Jobs(db).AnyAsync(i => i.Id == item.Id && i.Status != ImportStatus.Running && i.Status != ImportStatus.Queued))
        {
            await ImportFiles.DeleteAsync(db, item.Id, CancellationToken.None);
        }
    }

    /// <summary>Renews the lease with the live counts every third of it; stops the run when a user asked to cancel.</summary>
    private async Task RenewAsync(ClaimedImport item, ImportNode node, LiveImport live, CancellationTokenSource run, CancellationToken done)
    {
        using var timer = new PeriodicTimer(Lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                try
                {
                    await using var db = new AppDbContext(options, new FixedTenant(item.TenantId));
                    var p = live.Progress;
                    var held = await Jobs(db).Where(i => i.Id == item.Id && i.RunBy == node.Name && i.Status == ImportStatus.Running)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(i => i.LeaseUntilUtc, Now + Lease)
                            .SetProperty(i => i.RowsRead, p.Read)
                            .SetProperty(i => i.RowsAccepted, p.Accepted)
                            .SetProperty(i => i.RowsStored, p.Stored), done) == 1;
                    if (!held || await Jobs(db).AnyAsync(i => i.Id == item.Id && i.CancelRequested, done))
                    {
                        await run.CancelAsync();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy database (the import's own transaction on SQLite) delays a renewal; the next one tries again.
                    _log.LogDebug(e, "Renewing the lease of {Kind} import {ImportId} failed", item.Kind, item.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Ends a job that will not run (cancelled while queued, or cut off too often) if it is still
    /// <paramref name="from"/>; the outcome and the deletion of its file commit together.
    /// </summary>
    internal async Task<bool> EndAsync(AppDbContext db, long id, ImportStatus from, ImportStatus status, string message, CancellationToken ct)
    {
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Jobs(db).Where(i => i.Id == id && i.Status == from).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, status)
                .SetProperty(i => i.Message, message)
                .SetProperty(i => i.FinishedAtUtc, now)
                .SetProperty(i => i.LeaseUntilUtc, (DateTime?)null), ct) != 1)
        {
            return false;
        }
        await ImportFiles.DeleteAsync(db, id, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Records how a run that stored nothing ended, in one transaction with the job's row held: cancelled though
    /// nobody asked (its node is stopping), the job goes back to the queue with its file and the attempt uncounted;
    /// otherwise the outcome set on <paramref name="job"/> is saved and the file deleted with it. Nothing is written
    /// if another node has taken the job over: its outcome is the one to keep.
    /// </summary>
    internal static async Task RecordStopAsync(AppDbContext db, ImportJob job)
    {
        var none = CancellationToken.None;
        await using var tx = await db.Database.BeginTransactionAsync(none);
        if (job.Id != 0 && !await HoldAsync(db, job, none))
        {
            return;
        }
        if (job.Status == ImportStatus.Cancelled && job.RunBy is not null
            && !await Jobs(db).AnyAsync(i => i.Id == job.Id && i.CancelRequested, none))
        {
            (job.Status, job.RunBy, job.LeaseUntilUtc, job.Message, job.FinishedAtUtc) = (ImportStatus.Queued, null, null, null, null);
            job.Attempts--;
        }
        db.ImportJobs.Update(job);
        await db.SaveChangesAsync(none);
        if (job.IsFinished)
        {
            await ImportFiles.DeleteAsync(db, job.Id, none);
        }
        await tx.CommitAsync(none);
    }

    /// <summary>How a run that stored nothing ended, by what stopped it; null for anything else, which is a fault and propagates.</summary>
    internal static (ImportStatus Status, string Message)? StopOf(Exception e) => e switch
    {
        Documents.TaskFileException or Domain.DomainException => (ImportStatus.Failed, e.Message),
        OperationCanceledException => (ImportStatus.Cancelled, "导入已取消,未写入任何数据。"),
        DbUpdateException or System.Data.Common.DbException => (ImportStatus.Failed, "导入失败:与同时进行的另一次导入冲突,未写入任何数据,请重试。"),
        _ => null,
    };

    /// <summary>
    /// Records a run that stored nothing, as <paramref name="status"/> with its message; whatever the failed
    /// transaction left in the tracker is dropped. A failed run keeps the report of the rows it refused.
    /// </summary>
    internal static async Task RecordStopAsync(AppDbContext db, ImportJob job, ImportStatus status, string message, RefusedRows refused, TimeProvider clock)
    {
        db.ChangeTracker.Clear();
        job.Status = status;
        job.Message = message.Length <= 1000 ? message : message[..999] + "…";
        job.Imported = job.RowsStored = job.AlreadyPresent = job.Flagged = 0;
        if (status != ImportStatus.Failed)
        {
            job.ErrorReportCipher = null;
        }
        job.Rejected = job.ErrorReportCipher is null ? 0 : refused.Count; // the rows counted are those the report lists
        job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await RecordStopAsync(db, job);
    }

    /// <summary>
    /// Whether the run that loaded <paramref name="job"/> still holds it; inside a transaction this also locks the
    /// job's row until the end, so a node taking the job over waits and then finds it finished. An import checks
    /// this before it stores or records anything: a run whose job another node took over writes nothing.
    /// </summary>
    internal static async Task<bool> HoldAsync(AppDbContext db, ImportJob job, CancellationToken ct) =>
        await Jobs(db).Where(i => i.Id == job.Id && i.RunBy == job.RunBy && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RunBy, job.RunBy), ct) == 1;

    /// <summary>Queued, or running on a node that has let its lease lapse.</summary>
    private static Expression<Func<ImportJob, bool>> Takeable(DateTime now) =>
        i => i.Status == ImportStatus.Queued || (i.Status == ImportStatus.Running && i.LeaseUntilUtc < now);

    /// <summary>Every county's jobs, task lists and card registers alike.</summary>
    private static IQueryable<ImportJob> Jobs(AppDbContext db) => db.ImportJobs.IgnoreQueryFilters();
}
