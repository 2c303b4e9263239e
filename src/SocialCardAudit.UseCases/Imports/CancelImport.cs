using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>Those who may import into its campaign or town stop an import that is queued or running; nothing of it is stored.</summary>
public sealed class CancelImport(AppDbContext db, ImportNode node, RunImport run)
{
    public async Task<Result> HandleAsync(Actor actor, long id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
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
        // The one conditional update decides between the two: a node cannot take the job in between.
        if (await run.EndAsync(db, id, ImportStatus.Queued, ImportStatus.Cancelled, "导入已取消,未写入任何数据。", ct))
        {
            return Result.Done("已取消:该文件尚未开始导入,不会写入任何数据。");
        }
        var jobs = db.ImportJobs.Where(i => i.Id == id);
        await jobs.ExecuteUpdateAsync(s => s.SetProperty(i => i.CancelRequested, true), ct);
        if (node.Live(id) is { } live)
        {
            await live.Cancel.CancelAsync();
        }
        return Result.Done("已请求取消:导入将停止,不会写入任何数据。");
    }
}
