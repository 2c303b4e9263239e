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

    /// <param name="openReasons">Why each person left unverified was not visited, as the clerk signed it (none: nothing added).</param>
    public static string Canonical(int villageId, int campaignId, VillageStatistics s, IEnumerable<(long RowId, string Line)> findings,
        IReadOnlyDictionary<long, string>? openReasons = null)
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
        foreach (var (row, reason) in (openReasons ?? new Dictionary<long, string>()).OrderBy(r => r.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"open|{row}|{reason}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The digest of a canonical text: SHA-256 as 64 hex digits, or SM3 (GB/T 32905) as "sm3:" and 64 hex digits, so
    /// every stored digest says how it was made and is verified the same way whatever the installation uses now.
    /// </summary>
    public static string Digest(string canonical, DigestAlgorithm algorithm = DigestAlgorithm.Sha256)
    {
        var bytes = Encoding.UTF8.GetBytes(canonical);
        if (algorithm == DigestAlgorithm.Sm3)
        {
            var sm3 = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
            sm3.BlockUpdate(bytes, 0, bytes.Length);
            var output = new byte[sm3.GetDigestSize()];
            sm3.DoFinal(output, 0);
            return Sm3Prefix + Convert.ToHexStringLower(output);
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private const string Sm3Prefix = "sm3:";

    /// <summary>How a stored digest was made.</summary>
    public static DigestAlgorithm AlgorithmOf(string digest) =>
        digest.StartsWith(Sm3Prefix, StringComparison.Ordinal) ? DigestAlgorithm.Sm3 : DigestAlgorithm.Sha256;
}

/// <summary>The hash of signed content: SHA-256 (the default) or SM3 for installations under a 密评.</summary>
public enum DigestAlgorithm
{
    Sha256 = 0,
    Sm3 = 1,
}
