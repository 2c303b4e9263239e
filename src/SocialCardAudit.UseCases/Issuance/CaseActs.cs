using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Verification;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>A picture sent with a case: the person's photo, the signed receipt's photo or a drawn signature.</summary>
public sealed record CasePicture(IssuanceAttachmentKind Kind, byte[] Bytes)
{
    public long Size { get; init; } = Bytes.Length;
}

/// <summary>
/// What the issuance use cases share: the case with its village and campaign, the access decision, one act, one
/// save. A closed campaign takes nothing more; two people acting on one case at once cannot both succeed.
/// </summary>
internal static class CaseActs
{
    public sealed record Loaded(IssuanceCase Case, OrgUnit Village, Campaign Campaign);

    public static async Task<Result> OnCaseAsync(AppDbContext db, Actor actor, long caseId, Func<UserScope, OrgUnit, bool> allowed,
        Func<Loaded, Task<string>> act, CancellationToken ct)
    {
        var found = await db.IssuanceCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return Result.NotFound;
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == found.VillageId, ct);
        if (!allowed(actor.Scope, village))
        {
            return Result.Denied;
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == found.CampaignId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct); // an act may write a card first, then the case
        var result = await Cards.CardActs.SaveAsync(db, () =>
        {
            campaign.EnsureOpen();
            return act(new Loaded(found, village, campaign));
        }, ct, "他人刚刚办理了此人的业务,未保存。请查看最新状态后再办理。");
        if (result.Status == Status.Done)
        {
            await tx.CommitAsync(ct);
        }
        return result;
    }

    /// <summary>The picture encrypted for keeping, or the refusal: too large, or not a JPEG or PNG by its bytes.</summary>
    public static IssuanceAttachment Picture(CasePicture picture, IssuanceCase c, Actor actor, PersonalDataProtector protector, DateTime nowUtc)
    {
        if (picture.Size > FindingAttachment.MaxBytes)
        {
            throw new DomainException(string.Format(CultureInfo.InvariantCulture, FindingAttachment.TooLarge, picture.Size / 1024));
        }
        var type = FindingAttachment.SniffImage(picture.Bytes)
            ?? throw new DomainException(picture.Kind == IssuanceAttachmentKind.ReceiptSignature ? "手写签名无效,请清除后重新签名。" : "只能上传照片(JPEG 或 PNG 格式)。");
        return new IssuanceAttachment
        {
            TenantId = c.TenantId, CaseId = c.Id, Kind = picture.Kind, ContentType = type, Size = picture.Bytes.Length,
            Cipher = protector.Protect(picture.Bytes, Purposes.Attachment), UploadedById = actor.UserId, UploadedAtUtc = nowUtc,
        };
    }
}
