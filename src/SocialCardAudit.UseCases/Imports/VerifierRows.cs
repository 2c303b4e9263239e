using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Tasks;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// The rows given to a verifier go back to their village's clerk, unassigned, when the account can no longer do
/// them: moved to another unit, no longer a verifier, or disabled. Each return stays in the row's assignment history.
/// </summary>
public static class VerifierRows
{
    /// <returns>How many rows went back; the caller saves.</returns>
    public static async Task<int> ReturnAsync(AppDbContext db, string verifierId, string byUserId, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.TaskRows
            .Where(r => r.VerifierId == verifierId && db.Campaigns.Any(c => c.Id == r.CampaignId && c.ClosedAtUtc == null))
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            db.TaskAssignments.Add(new TaskAssignment { TaskRowId = row.Id, FromVerifierId = verifierId, ToVerifierId = null, ByUserId = byUserId, AtUtc = nowUtc });
            row.AssignTo(null, nowUtc);
        }
        return rows.Count;
    }
}
