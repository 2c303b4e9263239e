using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Data.Verification;

public enum SaveResult
{
    /// <summary>Recorded as a new version.</summary>
    Saved,

    /// <summary>This request was recorded before (a double tap, a resend): nothing done again.</summary>
    AlreadyRecorded,

    /// <summary>The finding changed since the form was opened: nothing saved; the newer one is shown.</summary>
    Stale,

    /// <summary>The village's statistics are signed (submitted or approved): findings are read-only until the town returns or reopens it.</summary>
    Locked,
}

/// <summary>
/// Saves a checked finding for a task row: once per request id, and only from the version it was made
/// from. Two phones saving at once: one wins, the other is told; nothing is merged or lost.
/// </summary>
public sealed class FindingRecorder(AppDbContext db, TimeProvider clock)
{
    public async Task<(SaveResult Result, VerificationRecord? Current)> SaveAsync(
        TaskRow row, Finding finding, FindingContext context, int fromVersion, Guid requestId, string userId, CancellationToken ct, FindingAttachment? attachment = null)
    {
        if (await AlreadyRecordedAsync(requestId, ct))
        {
            return (SaveResult.AlreadyRecorded, await CurrentAsync(row.Id, ct));
        }
        var submission = await db.VillageSubmissions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.CampaignId == row.CampaignId && v.VillageId == row.VillageId, ct);
        if (submission is { AllowsFindingChanges: false })
        {
            return (SaveResult.Locked, await CurrentAsync(row.Id, ct));
        }
        var record = await db.VerificationRecords.SingleOrDefaultAsync(r => r.TaskRowId == row.Id, ct);
        if ((record?.Version ?? 0) != fromVersion)
        {
            return (SaveResult.Stale, record);
        }
        if (record is null)
        {
            record = new VerificationRecord { TenantId = row.TenantId, TaskRowId = row.Id, CampaignId = row.CampaignId, VillageId = row.VillageId };
            db.VerificationRecords.Add(record);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (attachment is not null)
        {
            db.FindingAttachments.Add(attachment); // written with the version that refers to it, or not at all
        }
        var version = record.Record(finding, context, userId, now);
        db.VerificationVersions.Add(version);
        // The three-way check, saved with the finding or not at all.
        if (SuspiciousIssue.FromRegister(await OpenRegisterIssueAsync(row.Id, ct), row.Id, row.CampaignId, row.VillageId,
                RegisterCheck.Contradictions(finding, await RegisteredCardsAsync(row, ct)), userId, now) is { } issue)
        {
            issue.TenantId = row.TenantId;
            db.SuspiciousIssues.Add(issue);
        }
        db.ProcessedRequests.Add(new ProcessedRequest { Id = requestId, TenantId = row.TenantId, UserId = userId, TaskRowId = row.Id, Version = version.Version, AtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return (SaveResult.Saved, record);
        }
        catch (DbUpdateException)
        {
            // Another save got there first: the same request (its id is taken) or another finding (version or row taken).
            db.ChangeTracker.Clear();
            return (await AlreadyRecordedAsync(requestId, ct) ? SaveResult.AlreadyRecorded : SaveResult.Stale, await CurrentAsync(row.Id, ct));
        }
    }

    private Task<SuspiciousIssue?> OpenRegisterIssueAsync(long rowId, CancellationToken ct) =>
        db.SuspiciousIssues.SingleOrDefaultAsync(i => i.TaskRowId == rowId && i.Source == IssueSource.Register && i.ClosedAtUtc == null, ct);

    /// <summary>The register's cards of the row's person (by the ID number's blind index), with their moves on county days.</summary>
    private async Task<List<RegisteredCard>> RegisteredCardsAsync(TaskRow row, CancellationToken ct)
    {
        var cards = await db.Cards.AsNoTracking().Include(c => c.Events).Where(c => c.IdNumberHash == row.IdNumberHash).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return [];
        }
        var county = await db.CountyClockAsync(row.TenantId, clock, ct);
        var banks = await db.Banks.ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return cards.Select(c => new RegisteredCard(c.CardNumberMasked, banks.GetValueOrDefault(c.BankId, ""), c.State, c.CustodianKind,
            c.Events.OrderBy(e => e.Sequence).Select(e => (e.ToState, county.DayOf(e.AtUtc))).ToList())).ToList();
    }

    private Task<bool> AlreadyRecordedAsync(Guid requestId, CancellationToken ct) =>
        db.ProcessedRequests.AnyAsync(p => p.Id == requestId, ct);

    private Task<VerificationRecord?> CurrentAsync(long rowId, CancellationToken ct) =>
        db.VerificationRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskRowId == rowId, ct);
}
