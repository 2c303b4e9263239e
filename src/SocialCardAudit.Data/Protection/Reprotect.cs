using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Data.Protection;

/// <summary>How far re-protecting has gone: per table, values moved to the active key and values already there.</summary>
public sealed record ReprotectProgress(string Table, int Moved, int AlreadyCurrent);

/// <summary>
/// Moves every stored personal value to the active key and algorithm (for example from AES to SM4, or off a key to
/// be retired), and recomputes the blind index of each value it moves. Batch by batch, each in one transaction:
/// stopped at any point, nothing is lost (every value is either wholly old or wholly new, and old keys still read
/// it), and running it again goes on where it stopped, since values already under the active key are skipped.
/// Keep the old keys configured until it has finished; then they may be retired.
/// </summary>
public sealed class Reprotect(DbContextOptions<AppDbContext> options, PersonalDataProtector protector, int batchSize = 500)
{
    public async Task RunAsync(Action<ReprotectProgress> report, CancellationToken ct = default)
    {
        await TableAsync<TaskRow>("TaskRows", report, r => r.Id, r =>
        {
            var changed = false;
            if (!protector.IsCurrent(r.IdNumberCipher))
            {
                var id = protector.Unprotect(r.IdNumberCipher, Purposes.IdNumber);
                (r.IdNumberCipher, r.IdNumberHash, changed) = (protector.Protect(id, Purposes.IdNumber), protector.Hash(id, Purposes.IdNumber), true);
            }
            if (r.BankCardCipher is { } card && !protector.IsCurrent(card))
            {
                (r.BankCardCipher, changed) = (protector.Protect(protector.UnprotectBytes(card, Purposes.BankCard), Purposes.BankCard), true);
            }
            return changed;
        }, ct);
        await TableAsync<Card>("Cards", report, c => c.Id, c =>
        {
            var changed = false;
            if (!protector.IsCurrent(c.IdNumberCipher))
            {
                var id = protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber);
                (c.IdNumberCipher, c.IdNumberHash, changed) = (protector.Protect(id, Purposes.IdNumber), protector.Hash(id, Purposes.IdNumber), true);
            }
            if (!protector.IsCurrent(c.CardNumberCipher))
            {
                var number = protector.Unprotect(c.CardNumberCipher, Purposes.BankCard);
                (c.CardNumberCipher, c.CardNumberHash, changed) = (protector.Protect(number, Purposes.BankCard), protector.Hash(number, Purposes.BankCard), true);
            }
            return changed;
        }, ct);
        await TableAsync<ImportJob>("ImportJobs", report, i => i.Id, i => Move(i.ErrorReportCipher, Purposes.ErrorReport, v => i.ErrorReportCipher = v), ct);
        await TableAsync<FindingAttachment>("FindingAttachments", report, a => a.Id, a => Move(a.Cipher, Purposes.Attachment, v => a.Cipher = v), ct);
    }

    private bool Move(byte[]? value, string purpose, Action<byte[]> set)
    {
        if (value is null || protector.IsCurrent(value))
        {
            return false;
        }
        set(protector.Protect(protector.UnprotectBytes(value, purpose), purpose));
        return true;
    }

    /// <summary>Walks one table in key order, a batch per transaction, saving only the rows that changed.</summary>
    private async Task TableAsync<T>(string table, Action<ReprotectProgress> report, System.Linq.Expressions.Expression<Func<T, object>> key,
        Func<T, bool> move, CancellationToken ct) where T : class
    {
        int moved = 0, current = 0, skip = 0;
        while (true)
        {
            await using var db = new AppDbContext(options, new FixedTenant(null)); // every county's values
            var batch = await db.Set<T>().IgnoreQueryFilters().OrderBy(key).Skip(skip).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                report(new ReprotectProgress(table, moved, current));
                return;
            }
            var changed = batch.Count(move);
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            (moved, current, skip) = (moved + changed, current + batch.Count - changed, skip + batch.Count);
            report(new ReprotectProgress(table, moved, current));
        }
    }
}
