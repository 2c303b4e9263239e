using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Statistics;
using SocialCardAudit.UseCases.Verification;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Recording a finding, called as the web form and the offline sync call it, on a real database file.</summary>
public sealed class RecordFindingTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private RecordFinding Handler(Data.AppDbContext db) => new(db, demo.Services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System);

    /// <summary>An open row of the verifier's, with the county's clock a few hours into a visit day.</summary>
    private async Task<(Actor Actor, long Row)> OpenRowAsync(string verifier, int skip = 0)
    {
        var actor = await demo.ActorAsync(verifier);
        await using var db = demo.Db(actor.Scope.TenantId);
        var row = await db.TaskRows.Where(Access.Access.AssignedTo(actor.Scope, actor.UserId))
            .Where(r => !db.VerificationRecords.Any(v => v.TaskRowId == r.Id)).OrderBy(r => r.Id).Skip(skip).Select(r => r.Id).FirstAsync();
        return (actor, row);
    }

    private static Finding Valid(Outcome outcome = Outcome.ReceivedInUse) =>
        DemoProgress.Sample(outcome, CountyClock.BeijingTime.Now.AddHours(-1), "13800138000");

    [Fact]
    public async Task A_valid_finding_is_saved_once_however_often_its_request_is_sent()
    {
        var (actor, row) = await OpenRowAsync("demo.verifier1");
        var request = Guid.NewGuid();
        await using var db = demo.Db(actor.Scope.TenantId);
        var first = await Handler(db).HandleAsync(actor, new(row, Valid(), 0, request), default);
        Assert.Equal(RecordOutcome.Saved, first.Outcome);
        Assert.Equal(1, first.Current!.Version);
        await using var again = demo.Db(actor.Scope.TenantId);
        Assert.Equal(RecordOutcome.AlreadyRecorded, (await Handler(again).HandleAsync(actor, new(row, Valid(), 0, request), default)).Outcome);
        Assert.Equal(1, await again.VerificationVersions.CountAsync(v => v.TaskRowId == row));
    }

    [Fact]
    public async Task A_finding_breaking_the_rules_is_refused_with_every_reason_and_nothing_is_stored()
    {
        var (actor, row) = await OpenRowAsync("demo.verifier1", skip: 1);
        await using var db = demo.Db(actor.Scope.TenantId);
        var broken = new Finding { Outcome = Outcome.NotReceivedDeceased, VisitedAt = CountyClock.BeijingTime.Now.AddHours(-1), Signature = SignatureKind.Proxy };
        var result = await Handler(db).HandleAsync(actor, new(row, broken, 0, Guid.NewGuid(), new NewAttachment(AttachmentKind.SheetPhoto, [1, 2, 3])), default);
        Assert.Equal(RecordOutcome.Refused, result.Outcome);
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Contains(FindingRules.Messages.DeathDateMissing, messages);
        Assert.Contains(FindingRules.Messages.WhereaboutsMissing, messages);
        Assert.Contains(FindingRules.Messages.PhoneMissing, messages);
        Assert.Contains(FindingRules.Messages.ProxyNameMissing, messages);
        Assert.Contains("只能上传照片(JPEG 或 PNG 格式)。", messages);
        Assert.False(await db.VerificationRecords.AnyAsync(v => v.TaskRowId == row));
    }

    [Fact]
    public async Task Another_verifier_is_denied_an_unknown_row_is_not_found_and_an_old_version_is_stale()
    {
        var (actor, row) = await OpenRowAsync("demo.verifier1", skip: 2);
        var other = await demo.ActorAsync("demo.verifier2");
        await using var db = demo.Db(actor.Scope.TenantId);
        Assert.Equal(RecordOutcome.Denied, (await Handler(db).HandleAsync(other, new(row, Valid(), 0, Guid.NewGuid()), default)).Outcome);
        Assert.Equal(RecordOutcome.NotFound, (await Handler(db).HandleAsync(actor, new(long.MaxValue, Valid(), 0, Guid.NewGuid()), default)).Outcome);
        Assert.Equal(RecordOutcome.Saved, (await Handler(db).HandleAsync(actor, new(row, Valid(), 0, Guid.NewGuid()), default)).Outcome);
        await using var later = demo.Db(actor.Scope.TenantId);
        var stale = await Handler(later).HandleAsync(actor, new(row, Valid(Outcome.ReceivedDeceased), 0, Guid.NewGuid()), default);
        Assert.Equal(RecordOutcome.Stale, stale.Outcome);
        Assert.Equal(Outcome.ReceivedInUse, stale.Current!.Outcome); // the newer one, to show beside the phone's
    }

    [Fact]
    public async Task A_signed_village_is_locked_with_the_reason()
    {
        var (actor, row) = await OpenRowAsync("demo.verifier2");
        await using (var db = demo.Db(actor.Scope.TenantId))
        {
            var campaign = await db.TaskRows.Where(r => r.Id == row).Select(r => r.CampaignId).SingleAsync();
            var (digest, _, open) = await UseCases.Statistics.StatisticsQueries.DigestAsync(db, campaign, actor.Scope.UnitId, default);
            var submission = new VillageSubmission { TenantId = actor.Scope.TenantId, CampaignId = campaign, VillageId = actor.Scope.UnitId };
            submission.Submit(open, SharedReason.Fill(null, open, "外出务工"), digest, "clerk", DateTime.UtcNow);
            db.VillageSubmissions.Add(submission);
            await db.SaveChangesAsync();
        }
        await using var check = demo.Db(actor.Scope.TenantId);
        var result = await Handler(check).HandleAsync(actor, new(row, Valid(), 0, Guid.NewGuid()), default);
        Assert.Equal(RecordOutcome.Locked, result.Outcome);
        Assert.Equal(VillageSubmission.LockReason(SubmissionState.Submitted), result.Message);
    }
}
