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
    public static string Canonical(int villageId, int campaignId, VillageStatistics s, IEnumerable<(long RowId, int Version)> findings)
    {
        var text = new StringBuilder()
            .Append("sca-village-statistics/1\n")
            .Append(CultureInfo.InvariantCulture, $"campaign={campaignId};village={villageId}\n")
            .Append(CultureInfo.InvariantCulture,
                $"records={s.TaskRecords};groups={s.ResidentGroups};inUse={s.ReceivedInUse};receivedDeceased={s.ReceivedDeceased};handedIn={s.NotReceivedHandedIn};notReceivedDeceased={s.NotReceivedDeceased};open={s.Open}\n");
        foreach (var (rowId, version) in findings.OrderBy(f => f.RowId))
        {
            text.Append(CultureInfo.InvariantCulture, $"{rowId}:{version}\n");
        }
        return text.ToString();
    }

    public static string Digest(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
