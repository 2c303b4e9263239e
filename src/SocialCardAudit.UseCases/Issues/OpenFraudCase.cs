using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issues;

/// <summary>What the town office records when a 疑点 turns out to be money claimed in the name of someone dead or gone (冒领).</summary>
public sealed record FraudCaseTerms(decimal? AmountClaimed, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? ReportedOn, string? Note);

/// <summary>The town office opens a fraud case on a 疑点 of its villages; a 疑点 has at most one, and opening it again shows that one.</summary>
public sealed class OpenFraudCase(AppDbContext db, TimeProvider time)
{
    public async Task<(Result Result, long? CaseId)> HandleAsync(Actor actor, long issueId, FraudCaseTerms terms, CancellationToken ct)
    {
        var issue = await db.SuspiciousIssues.SingleOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return (Result.NotFound, null);
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == issue.VillageId, ct);
        if (!Access.Access.CanManageFraudCases(actor.Scope, village))
        {
            return (Result.Denied, null);
        }
        if (await db.FraudCases.Where(c => c.IssueId == issueId).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            return (Result.Done("该疑点已登记冒领案件。"), existing);
        }
        if (terms is not { AmountClaimed: { } amount, PeriodFrom: { } from, PeriodTo: { } to, ReportedOn: { } reported })
        {
            return (Result.Refused("请填写冒领金额、冒领期间和上报日期。"), null);
        }
        try
        {
            var clock = await db.CountyClockAsync(actor.Scope.TenantId, time, ct);
            var fraud = FraudCase.Open(issue, amount, from, to, reported, terms.Note, actor.UserId, clock);
            db.FraudCases.Add(fraud);
            await db.SaveChangesAsync(ct);
            return (Result.Done("已登记冒领案件。"), fraud.Id);
        }
        catch (DomainException e)
        {
            return (Result.Refused(e.Message), null);
        }
    }
}
