using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialCardAudit.Domain.SignOff;

/// <summary>
/// Exactly what a signature covers: the village's counts and every finding version they were computed
/// from, in a canonical text form, and its SHA-256. Verifying recomputes it from the database: any change
/// to a finding, made through the system or around it, gives another digest.
/// </summary>
public static class SignedContent
{
    /// <summary>One finding, every field in a fixed order: a change to any of them changes the line.</summary>
    public static string Line(long rowId, int version, Verification.Finding f) => string.Join('|',
        rowId.ToString(CultureInfo.InvariantCulture), version.ToString(CultureInfo.InvariantCulture), f.Outcome?.ToString(), f.DeclaredToCounty ? "1" : "0",
        f.DeathDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.HandedInTo?.ToString(), f.HandedInBank,
        f.HandedInDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.CardWhereabouts, f.Phone,
        f.VisitedAt?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), f.Signature?.ToString(), f.ProxyName, f.ProxyRelation, f.Note,
        f.AttachmentId?.ToString("N"));

    public static string Canonical(int villageId, int campaignId, VillageStatistics s, IEnumerable<(long RowId, string Line)> findings)
    {
        var text = new StringBuilder()
            .Append("sca-village-statistics/1\n")
            .Append(CultureInfo.InvariantCulture, $"campaign={campaignId};village={villageId}\n")
            .Append(CultureInfo.InvariantCulture,
                $"records={s.TaskRecords};groups={s.ResidentGroups};inUse={s.ReceivedInUse};receivedDeceased={s.ReceivedDeceased};handedIn={s.NotReceivedHandedIn};notReceivedDeceased={s.NotReceivedDeceased};open={s.Open}\n");
        foreach (var (_, line) in findings.OrderBy(f => f.RowId))
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    public static string Digest(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
