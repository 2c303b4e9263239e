using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Archive;

namespace SocialCardAudit.UseCases.Archive;

/// <summary>
/// 核验: every archived file of a campaign read back, decrypted and hashed again against the SHA-256 taken when it was
/// archived, and every volume's manifest against its digest. What does not match is named; nothing else is read.
/// </summary>
public static class VerifyArchive
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(AppDbContext db, PersonalDataProtector protector, int campaignId, CancellationToken ct)
    {
        var problems = new List<string>();
        foreach (var volume in await db.ArchiveVolumes.AsNoTracking().Include(v => v.Files).Where(v => v.CampaignId == campaignId).OrderBy(v => v.Id).ToListAsync(ct))
        {
            if (ArchiveVolume.Sha256(ArchiveVolume.Manifest(volume.Files)) != volume.ManifestSha256)
            {
                problems.Add($"案卷“{volume.Title}”的文件目录与归档时不符(文件被增删或改名)。");
            }
            foreach (var file in volume.Files.OrderBy(f => f.Sequence))
            {
                string? actual;
                try
                {
                    actual = ArchiveVolume.Sha256(protector.UnprotectBytes(file.Cipher, Purposes.ArchivedFile));
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    actual = null; // the stored bytes no longer decrypt: changed in the database
                }
                if (actual != file.Sha256)
                {
                    problems.Add($"{file.FileNumber}“{file.Title}”与归档时不符。");
                }
            }
        }
        return problems;
    }
}
