using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>Those who may import into its campaign or town stop an import that is queued or running; nothing of it is stored.</summary>
public sealed class CancelImport(AppDbContext db, ImportQueue queue)
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
        if (job.IsFinished || queue.Live(kind, id) is not { } live)
        {
            return Result.Refused("该导入已结束,无需取消。");
        }
        await live.Cancel.CancelAsync();
        return Result.Done("已请求取消:导入将停止,不会写入任何数据。");
    }
}
