using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.Data.Security;

/// <summary>The outcome of checking a county's audit chain: how many records, the head, and the first break if any.</summary>
public sealed record ChainCheck(int Records, long? HeadSequence, string? HeadHash, long? BrokenAt, string? Problem, int BeforeChain)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Security events form one hash chain per county (and one for sign-in attempts that match no account): each
/// record carries its sequence number and the hash of the record before it, and its own hash covers both. A
/// record edited, deleted or inserted in the database breaks the chain at that point, and <see cref="VerifyAsync"/>
/// says where. Cutting records off the end is caught by comparing the head with one written down or exported earlier.
/// </summary>
public static class AuditChain
{
    /// <summary>The chain a record belongs to: its county's, or 0 for attempts on no account.</summary>
    public static int ChainOf(int? tenantId) => tenantId ?? 0;

    /// <summary>The record's hash, made the way its stored hash says (SHA-256, or SM3 with "sm3:"), or as given for a new one.</summary>
    public static string Hash(SecurityEvent e, DigestAlgorithm? algorithm = null)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture), e.TenantId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), ((int)e.Kind).ToString(CultureInfo.InvariantCulture),
            e.UserId ?? "", e.UserName, e.RemoteIp ?? "", e.Path ?? "", e.Detail ?? "", e.PreviousHash);
        return SignedContent.Digest(text, algorithm ?? SignedContent.AlgorithmOf(e.Hash));
    }

    /// <summary>Links a new record after the last one of its chain (null when it is the first).</summary>
    public static void Link(SecurityEvent e, (long Sequence, string Hash)? last, DigestAlgorithm algorithm = DigestAlgorithm.Sha256)
    {
        // To the millisecond, as every database stores it, so the hash reads back the same from each.
        e.AtUtc = new DateTime(e.AtUtc.Ticks - (e.AtUtc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        e.Chain = ChainOf(e.TenantId);
        e.Sequence = (last?.Sequence ?? 0) + 1;
        e.PreviousHash = last?.Hash ?? "";
        e.Hash = Hash(e, algorithm);
    }

    /// <summary>
    /// Saves <paramref name="e"/> (already added to <paramref name="db"/>) at the end of its chain. On a database server
    /// many requests on many nodes append at once: a transaction-scoped lock on the chain lets them take their places
    /// one after another. On SQLite the app's write gate already does; a place taken meanwhile (the unique index on
    /// chain and sequence refuses it) is read again and retried.
    /// </summary>
    public static async Task AppendAsync(AppDbContext db, SecurityEvent e, DigestAlgorithm algorithm, CancellationToken ct = default)
    {
        var chain = ChainOf(e.TenantId);
        for (var attempt = 1; ; attempt++)
        {
            // Inside a caller's transaction the lock is held until that ends; otherwise until this one does.
            await using var tx = db.Database.IsSqlite() || db.Database.CurrentTransaction is not null ? null : await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockSpace}, {chain})", ct);
            }
            else if (db.Database.IsSqlServer())
            {
                var resource = $"sca-audit-chain-{chain}";
                await db.Database.ExecuteSqlAsync($"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", ct);
            }
            Link(e, await LastAsync(db, chain, ct), algorithm);
            try
            {
                await db.SaveChangesAsync(ct);
                if (tx is not null)
                {
                    await tx.CommitAsync(ct);
                }
                return;
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // The unique (chain, sequence) index refused a place already taken: read the new end and try again.
            }
        }
    }

    /// <summary>The first key of the chain locks on PostgreSQL (the second is the chain): apart from any other advisory lock.</summary>
    private const int ChainLockSpace = 0x5CA0;

    public static async Task<(long Sequence, string Hash)?> LastAsync(AppDbContext db, int chain, CancellationToken ct = default)
    {
        var last = await db.SecurityEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Chain == chain && e.Sequence > 0)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : (last.Sequence, last.Hash);
    }

    /// <summary>Walks the whole chain in order, a few thousand records at a time.</summary>
    public static async Task<ChainCheck> VerifyAsync(AppDbContext db, int chain, CancellationToken ct = default)
    {
        var records = db.SecurityEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Chain == chain);
        var before = await records.CountAsync(e => e.Sequence <= 0, ct); // written before the chain existed
        long expected = 1;
        var previous = "";
        var count = 0;
        while (true)
        {
            var batch = await records.Where(e => e.Sequence >= expected).OrderBy(e => e.Sequence).Take(5000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new ChainCheck(count, count == 0 ? null : expected - 1, count == 0 ? null : previous, null, null, before);
            }
            foreach (var e in batch)
            {
                var problem = e.Sequence != expected ? $"缺少第 {expected} 条记录(被删除)"
                    : e.PreviousHash != previous ? "与前一条记录的链接不符(前一条被改动或删除)"
                    : Hash(e) != e.Hash ? "记录内容与其哈希不符(被改动)"
                    : null;
                if (problem is not null)
                {
                    return new ChainCheck(count, count == 0 ? null : expected - 1, count == 0 ? null : previous, expected, problem, before);
                }
                previous = e.Hash;
                expected++;
                count++;
            }
        }
    }
}
