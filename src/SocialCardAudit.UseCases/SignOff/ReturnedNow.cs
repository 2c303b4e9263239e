using SocialCardAudit.Data;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.UseCases.SignOff;

/// <summary>The people the town named in a village's latest return, while that village is still returned.</summary>
public static class ReturnedNow
{
    public static IQueryable<ReturnedRow> Rows(AppDbContext db) =>
        from rr in db.ReturnedRows
        join step in db.Set<SubmissionStep>() on rr.StepId equals step.Id
        join sub in db.VillageSubmissions on step.SubmissionId equals sub.Id
        where sub.State == SubmissionState.Returned
              && step.Id == db.Set<SubmissionStep>().Where(x => x.SubmissionId == sub.Id).Max(x => x.Id)
        select rr;
}
