using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>Those who may import into its campaign or town stop an import that is queued or running; nothing of it is stored.</summary>
public sealed class CancelImport(AppDbContext db, ImportNode node, RunImport run)
{
    public async Task<Result> HandleAsync(Actor actor, ImportKind kind, long id, CancellationToken ct)
    {
        ImportJob? job = kind == ImportKind.TaskList
            ? await db.TaskImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            : await db.CardImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (job is null)
        {
            return Result.NotFound;
        }
        if (!await Access.Access.CanManageImportAsync(db, actor.Scope, job, ct))
        {
            return Result.Denied;
        }
        if (job.IsFinished)
        {
            return Result.Refused("该导入已结束,无需取消。");
        }
        // Still queued: no node runs it yet, so it ends here. Taken meanwhile, or running: whichever node runs it
        // reads the request at its next lease renewal (this node at once) and stops without storing anything.
        if (kind == ImportKind.TaskList ? await CancelQueuedAsync(db.TaskImports, id, ct) : await CancelQueuedAsync(db.CardImports, id, ct))
        {
            await run.FinishAsync(db, kind, id, ImportStatus.Cancelled, "导入已取消,未写入任何数据。", ct);
            return Result.Done("已取消:该文件尚未开始导入,不会写入任何数据。");
        }
        _ = kind == ImportKind.TaskList ? await RequestAsync(db.TaskImports, id, ct) : await RequestAsync(db.CardImports, id, ct);
        if (node.Live(kind, id) is { } live)
        {
            await live.Cancel.CancelAsync();
        }
        return Result.Done("已请求取消:导入将停止,不会写入任何数据。");
    }

    /// <summary>Marks a job still queued as cancelled, in one conditional update: a node cannot take it meanwhile.</summary>
    private static async Task<bool> CancelQueuedAsync<T>(IQueryable<T> jobs, long id, CancellationToken ct) where T : ImportJob =>
        await jobs.Where(i => i.Id == id && i.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Cancelled).SetProperty(i => i.CancelRequested, true), ct) == 1;

    private static Task<int> RequestAsync<T>(IQueryable<T> jobs, long id, CancellationToken ct) where T : ImportJob =>
        jobs.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelRequested, true), ct);
}
