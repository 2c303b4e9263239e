using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Verification;

/// <summary>A photo of the signed 附件2 sheet or a signature drawn on the screen, as it came from the phone.</summary>
public sealed record NewAttachment(AttachmentKind Kind, byte[] Bytes)
{
    /// <summary>Its size as sent: one too large to keep is not read, and arrives with no bytes but this.</summary>
    public long Size { get; init; } = Bytes.Length;
}

/// <summary>
/// One finding to record: the row, what was found, the version the phone started from, the request's id, and where
/// the phone was (when the verifier let it say).
/// </summary>
public sealed record RecordFindingCommand(long RowId, Finding Finding, int FromVersion, Guid RequestId, NewAttachment? Attachment = null, VisitPlace? Place = null);

public enum RecordOutcome
{
    /// <summary>Recorded as a new version.</summary>
    Saved,

    /// <summary>This request was recorded before (a double tap, a resend): nothing done again.</summary>
    AlreadyRecorded,

    /// <summary>The finding changed since the form was opened: nothing saved; the newer one is returned.</summary>
    Stale,

    /// <summary>The village's statistics are signed: findings are read-only until the town returns or reopens it.</summary>
    Locked,

    /// <summary>The campaign has ended.</summary>
    Closed,

    /// <summary>The finding breaks the rules of 附件2, or the attachment is not an image: every reason is given.</summary>
    Refused,

    /// <summary>The row is not this verifier's (not given to them, or they are no longer in its village).</summary>
    Denied,

    /// <summary>No such row in this county.</summary>
    NotFound,
}

/// <param name="Message">Why, in Chinese, when the outcome is neither saved nor refused field by field.</param>
public sealed record RecordFindingResult(RecordOutcome Outcome, VerificationRecord? Current = null, IReadOnlyList<FindingError>? Errors = null, string? Message = null)
{
    public IReadOnlyList<FindingError> Errors { get; } = Errors ?? [];
}

/// <summary>
/// Recording a finding (核查明细) for a task row, by its assigned verifier: once per request id, only from the
/// version it was made from, never in a signed village or an ended campaign, always within the rules of 附件2.
/// Two phones saving at once: one wins, the other is told; nothing is merged or lost. A finding that contradicts
/// the card register raises its 疑点 in the same transaction. The web form and the offline sync both call this.
/// </summary>
public sealed class RecordFinding(AppDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<RecordFindingResult> HandleAsync(Actor actor, RecordFindingCommand command, CancellationToken ct)
    {
        var row = await db.TaskRows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RowId, ct);
        if (row is null)
        {
            return new(RecordOutcome.NotFound);
        }
        if (!Access.Access.IsAssigned(actor.Scope, actor.UserId, row))
        {
            return new(RecordOutcome.Denied);
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == row.CampaignId, ct);
        if (campaign.IsClosed)
        {
            return new(RecordOutcome.Closed, await CurrentAsync(row.Id, ct), Message: $"专项清查“{campaign.Name}”已结束,核查结果不能再修改。");
        }
        if (await AlreadyRecordedAsync(command.RequestId, ct))
        {
            return new(RecordOutcome.AlreadyRecorded, await CurrentAsync(row.Id, ct));
        }
        var state = await db.VillageSubmissions.Where(v => v.CampaignId == row.CampaignId && v.VillageId == row.VillageId)
            .Select(v => (SubmissionState?)v.State).SingleOrDefaultAsync(ct);
        if (VillageSubmission.LockReason(state) is { } locked)
        {
            return new(RecordOutcome.Locked, await CurrentAsync(row.Id, ct), Message: locked);
        }

        var record = await db.VerificationRecords.SingleOrDefaultAsync(r => r.TaskRowId == row.Id, ct);
        var (attachment, attachmentError) = Attachment(command.Attachment, row, actor);
        // A new picture replaces the one the finding had; an id sent from the phone is never trusted.
        var finding = command.Finding with { AttachmentId = attachment?.Id ?? record?.AttachmentId };
        var clock = await db.CountyClockAsync(row.TenantId, time, ct);
        var context = await ContextAsync(row, campaign, clock, ct);
        var errors = FindingRules.Validate(FindingRules.Normalize(finding), context).ToList();
        if (attachmentError is not null)
        {
            errors.Add(attachmentError);
        }
        if (errors.Count > 0)
        {
            return new(RecordOutcome.Refused, record, errors);
        }
        if ((record?.Version ?? 0) != command.FromVersion)
        {
            return new(RecordOutcome.Stale, record);
        }
        if (record is null)
        {
            record = new VerificationRecord { TenantId = row.TenantId, TaskRowId = row.Id, CampaignId = row.CampaignId, VillageId = row.VillageId };
            db.VerificationRecords.Add(record);
        }
        var now = clock.UtcNow;
        if (attachment is not null)
        {
            db.FindingAttachments.Add(attachment); // written with the version that refers to it, or not at all
        }
        var version = record.Record(finding, context, actor.UserId, now, command.Place);
        db.VerificationVersions.Add(version);
        // The three-way check and the place of the visit, saved with the finding or not at all.
        await CheckAsync(row, IssueSource.Register, RegisterCheck.Reason,
            RegisterCheck.Contradictions(finding, await RegisteredCardsAsync(row, clock, ct)), actor, now, ct);
        if (command.Place is { } place)
        {
            await CheckAsync(row, IssueSource.Place, VisitEvidence.Reason, await PlaceDoubtsAsync(row, actor.UserId, place, ct), actor, now, ct);
        }
        db.ProcessedRequests.Add(new ProcessedRequest { Id = command.RequestId, TenantId = row.TenantId, UserId = actor.UserId, TaskRowId = row.Id, Version = version.Version, AtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return new(RecordOutcome.Saved, record);
        }
        catch (DbUpdateException)
        {
            // Another save got there first: the same request (its id is taken) or another finding (version or row taken).
            db.ChangeTracker.Clear();
            return new(await AlreadyRecordedAsync(command.RequestId, ct) ? RecordOutcome.AlreadyRecorded : RecordOutcome.Stale, await CurrentAsync(row.Id, ct));
        }
    }

    /// <summary>What a finding for the row is checked against: the county's now, the campaign's start, the person's birth date, the banks.</summary>
    public async Task<FindingContext> ContextAsync(TaskRow row, Campaign campaign, CountyClock clock, CancellationToken ct)
    {
        var banks = await db.Banks.OrderBy(b => b.Id).Select(b => b.Name).ToListAsync(ct);
        var birth = IdNumber.Check(protector.Unprotect(row.IdNumberCipher, Purposes.IdNumber), clock.Today).BirthDate;
        return new FindingContext(clock.Now, campaign.StartDate, birth, banks);
    }

    /// <summary>The photo or drawn signature, checked by its bytes and size and encrypted; or why not.</summary>
    private (FindingAttachment? Attachment, FindingError? Error) Attachment(NewAttachment? upload, TaskRow row, Actor actor)
    {
        if (upload is null)
        {
            return (null, null);
        }
        var field = upload.Kind == AttachmentKind.SheetPhoto ? "Photo" : "DrawnSignature";
        if (upload.Size > FindingAttachment.MaxBytes)
        {
            return (null, new(field, string.Format(CultureInfo.InvariantCulture, FindingAttachment.TooLarge, upload.Size / 1024)));
        }
        if (FindingAttachment.SniffImage(upload.Bytes) is not { } type)
        {
            return (null, new(field, upload.Kind == AttachmentKind.SheetPhoto ? "只能上传照片(JPEG 或 PNG 格式)。" : "手写签名无效,请清除后重新签名。"));
        }
        return (new FindingAttachment
        {
            TenantId = row.TenantId, TaskRowId = row.Id, Kind = upload.Kind, ContentType = type, Size = upload.Bytes.Length,
            Cipher = protector.Protect(upload.Bytes, Purposes.Attachment), UploadedById = actor.UserId, UploadedAtUtc = time.GetUtcNow().UtcDateTime,
        }, null);
    }

    /// <summary>Raises the row's issue from one of the system's own checks, or restates the open one's facts.</summary>
    private async Task CheckAsync(TaskRow row, IssueSource source, string reason, IReadOnlyList<string> facts, Actor actor, DateTime now, CancellationToken ct)
    {
        if (facts.Count == 0)
        {
            return;
        }
        var open = await db.SuspiciousIssues.SingleOrDefaultAsync(i => i.TaskRowId == row.Id && i.Source == source && i.ClosedAtUtc == null, ct);
        if (SuspiciousIssue.FromCheck(source, reason, open, row.Id, row.CampaignId, row.VillageId, facts, actor.UserId, now) is { } issue)
        {
            issue.TenantId = row.TenantId;
            db.SuspiciousIssues.Add(issue);
        }
    }

    /// <summary>
    /// The place check's facts, from one read of where the campaign's other findings in the village were made: the
    /// village's places (each other row's latest), and this verifier's findings for other people around this moment.
    /// </summary>
    private async Task<IReadOnlyList<string>> PlaceDoubtsAsync(TaskRow row, string userId, VisitPlace place, CancellationToken ct)
    {
        var placed = await db.VerificationVersions.AsNoTracking()
            .Where(v => v.Place != null && v.TaskRowId != row.Id)
            .Join(db.TaskRows.Where(r => r.CampaignId == row.CampaignId && r.VillageId == row.VillageId), v => v.TaskRowId, r => r.Id,
                (v, r) => new { v.TaskRowId, v.Version, v.ChangedById, v.Place, r.Name })
            .ToListAsync(ct);
        var village = placed.GroupBy(v => v.TaskRowId).Select(g => g.MaxBy(v => v.Version)!.Place!).ToList();
        var recent = placed.Where(v => v.ChangedById == userId && (v.Place!.AtUtc - place.AtUtc).Duration() <= VisitEvidence.OneSpotWindow)
            .DistinctBy(v => v.TaskRowId).Select(v => (v.Name, v.Place!)).ToList();
        return VisitEvidence.Doubts(place, village, recent);
    }

    /// <summary>The register's cards of the row's person (by the ID number's blind index), with their moves on county days.</summary>
    private async Task<List<RegisteredCard>> RegisteredCardsAsync(TaskRow row, CountyClock county, CancellationToken ct)
    {
        var cards = await db.Cards.AsNoTracking().Include(c => c.Events).Where(c => c.IdNumberHash == row.IdNumberHash).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return [];
        }
        var banks = await db.Banks.ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return cards.Select(c => new RegisteredCard(c.CardNumberMasked, banks.GetValueOrDefault(c.BankId, ""), c.State, c.CustodianKind,
            c.Events.OrderBy(e => e.Sequence).Select(e => (e.ToState, county.DayOf(e.AtUtc))).ToList())).ToList();
    }

    private Task<bool> AlreadyRecordedAsync(Guid requestId, CancellationToken ct) =>
        db.ProcessedRequests.AnyAsync(p => p.Id == requestId, ct);

    private Task<VerificationRecord?> CurrentAsync(long rowId, CancellationToken ct) =>
        db.VerificationRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskRowId == rowId, ct);
}
