using SocialCardAudit.Data;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>The town office records money recovered in a fraud case (冒领追回).</summary>
public sealed class RecordRecovery(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, long caseId, decimal? amount, DateOnly? recoveredOn, CancellationToken ct)
    {
        var clock = await db.CountyClockAsync(actor.Scope.TenantId, time, ct);
        return await IssueMoves.OnFraudCaseAsync(db, caseId, village => Access.Access.CanManageFraudCases(actor.Scope, village),
            c => c.AddRecovery(amount ?? 0, recoveredOn ?? DateOnly.MinValue, actor.UserId, clock), "已记录追回金额。", ct);
    }
}
