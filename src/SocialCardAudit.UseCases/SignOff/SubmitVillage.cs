using SocialCardAudit.Data;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Statistics;

namespace SocialCardAudit.UseCases.SignOff;

/// <param name="Reasons">Why each person is still unverified, by task row.</param>
/// <param name="ReasonForRest">One reason for every unverified person left without one.</param>
public sealed record SubmitVillageCommand(int CampaignId, int VillageId, IReadOnlyDictionary<long, string>? Reasons, string? ReasonForRest,
    DigestAlgorithm Algorithm = DigestAlgorithm.Sha256);

/// <summary>
/// The village clerk signs the village's classified statistics (附件4) and submits them to the town: the digest of
/// exactly what is signed is stored, and every unverified person must have a reason. Signing is an act of the
/// person at the screen: the password is re-entered.
/// </summary>
public sealed class SubmitVillage(AppDbContext db, TimeProvider time)
{
    /// <param name="confirm">Checks the signer's password now: why not, or null.</param>
    public Task<Result> HandleAsync(Actor actor, SubmitVillageCommand c, Func<Task<string?>> confirm, CancellationToken ct) =>
        VillageSubmissions.MoveAsync(db, c.CampaignId, c.VillageId, village => Access.Access.CanSubmit(actor.Scope, village), async (_, _, submission) =>
        {
            var open = (await StatisticsQueries.RowStatesAsync(db, c.CampaignId, [c.VillageId], ct))[c.VillageId].Where(s => s.Outcome is null).Select(s => s.RowId).ToList();
            var reasons = string.IsNullOrWhiteSpace(c.ReasonForRest) ? c.Reasons ?? new Dictionary<long, string>() : SharedReason.Fill(c.Reasons, open, c.ReasonForRest);
            // The reasons are part of what the clerk signs.
            var signed = open.ToDictionary(r => r, r => reasons.GetValueOrDefault(r)?.Trim() ?? "");
            var (digest, _, _) = await StatisticsQueries.DigestAsync(db, c.CampaignId, c.VillageId, ct, c.Algorithm, signed);
            submission.Submit(open, reasons, digest, actor.UserId, time.GetUtcNow().UtcDateTime);
        }, "已签字提交,等待镇社会事业综合服务中心审核。", ct, confirm);
}
