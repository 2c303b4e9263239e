using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.UseCases.Statistics;

/// <summary>
/// A village's 附件4 as its document prints it: the counts now, the signatures in force (the clerk's last submission
/// while submitted or approved, and the town's approval) and their digest. The page and the archive build the same.
/// </summary>
public static class VillageForms
{
    public static async Task<VillageForm> BuildAsync(AppDbContext db, int campaignId, OrgUnit village, string verifyUrl, DateTime nowUtc, CancellationToken ct)
    {
        var town = await db.OrgUnits.Where(u => u.Id == village.ParentId).Select(u => u.Name).SingleAsync(ct);
        var submission = await db.VillageSubmissions.AsNoTracking().Include(v => v.Steps)
            .SingleOrDefaultAsync(v => v.CampaignId == campaignId && v.VillageId == village.Id, ct)
            ?? new VillageSubmission { CampaignId = campaignId, VillageId = village.Id };
        var (_, statistics, _) = await StatisticsQueries.DigestAsync(db, campaignId, village.Id, ct);
        var steps = new List<(string Role, SubmissionStep Step)>();
        if (submission.State is SubmissionState.Submitted or SubmissionState.Approved)
        {
            steps.Add(("统计人", submission.Steps.Last(s => s.To == SubmissionState.Submitted)));
        }
        if (submission.State == SubmissionState.Approved)
        {
            steps.Add(("审核人", submission.Steps.Last(s => s.To == SubmissionState.Approved)));
        }
        var ids = steps.Select(s => s.Step.ById).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return new VillageForm(town, village.Name, statistics, submission.State,
            [.. steps.Select(s => new Signer(s.Role, names.GetValueOrDefault(s.Step.ById, ""), s.Step.AtUtc))],
            submission.SignedDigest, verifyUrl, nowUtc);
    }
}
