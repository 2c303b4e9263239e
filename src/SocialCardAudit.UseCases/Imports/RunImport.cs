using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// Runs one queued import in its county, whatever it goes into: the job's row says Running while it reads and
/// holds the outcome after; its live counts go to <paramref name="progress"/>.
/// </summary>
public sealed class RunImport(DbContextOptions<AppDbContext> options, PersonalDataProtector protector, TimeProvider clock, ILoggerFactory logs)
{
    public async Task HandleAsync(QueuedImport item, Action<ImportProgress> progress, CancellationToken ct)
    {
        // The job is loaded whatever the token says: one cancelled while queued is still recorded as cancelled.
        await using var db = new AppDbContext(options, new FixedTenant(item.TenantId));
        using var file = new MemoryStream(item.File, writable: false);
        switch (item.Kind)
        {
            case ImportKind.TaskList:
                var tasks = await db.TaskImports.SingleAsync(i => i.Id == item.Id, CancellationToken.None);
                await new TaskImporter(db, protector, clock, logs.CreateLogger<TaskImporter>()).RunAsync(tasks, file, progress, ct);
                Log(tasks);
                break;
            case ImportKind.CardRegister:
                var cards = await db.CardImports.SingleAsync(i => i.Id == item.Id, CancellationToken.None);
                await new CardImporter(db, protector, clock).RunAsync(cards, file, progress, ct);
                Log(cards);
                break;
        }
    }

    private void Log(ImportJob job) => logs.CreateLogger<RunImport>().LogInformation(
        "{Kind} import {ImportId} ended {Status}: {Imported} stored, {Rejected} rejected", job.Kind, job.Id, job.Status, job.Imported, job.Rejected);

    /// <summary>
    /// Imports cut off by a restart stored nothing (one transaction each): say so instead of showing them as
    /// running for ever.
    /// </summary>
    public async Task FailInterruptedAsync(CancellationToken ct)
    {
        await using var db = new AppDbContext(options, new FixedTenant(null));
        await Interrupted(db.TaskImports.IgnoreQueryFilters(), ct);
        await Interrupted(db.CardImports.IgnoreQueryFilters(), ct);
    }

    private Task<int> Interrupted<T>(IQueryable<T> jobs, CancellationToken ct) where T : ImportJob =>
        jobs.Where(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ImportStatus.Failed)
                .SetProperty(i => i.Message, "服务重启,导入中断,未写入任何数据。请重新上传。")
                .SetProperty(i => i.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
}
