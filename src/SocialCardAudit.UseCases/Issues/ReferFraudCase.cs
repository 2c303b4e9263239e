using SocialCardAudit.Data;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>The town office refers a fraud case on (移交), on a day that is not in the future.</summary>
public sealed class ReferFraudCase(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, long caseId, DateOnly? referredOn, CancellationToken ct)
    {
        var clock = await db.CountyClockAsync(actor.Scope.TenantId, time, ct);
        return await IssueMoves.OnFraudCaseAsync(db, caseId, village => Access.Access.CanManageFraudCases(actor.Scope, village),
            c => c.Refer(referredOn ?? DateOnly.MinValue, clock), "案件已移交。", ct);
    }
}
