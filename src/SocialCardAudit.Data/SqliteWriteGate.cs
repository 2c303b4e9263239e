using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialCardAudit.Data;

/// <summary>
/// SQLite admits one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping
/// 150 ms and retrying. With many verifiers saving at once that sleep becomes the response time, so
/// saves to one file wait their turn here instead, in order, without sleeping. Saves inside an explicit
/// transaction (an import) are not gated: the transaction already holds the file.
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> ByFile = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentDictionary<DbContext, byte> _holders = new();

    public static SqliteWriteGate For(string dataSource) => ByFile.GetOrAdd(Path.GetFullPath(dataSource), _ => new SqliteWriteGate());

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await _turn.WaitAsync(cancellationToken);
            _holders[context] = 0;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _turn.Wait();
            _holders[context] = 0;
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _))
        {
            _turn.Release();
        }
    }
}
