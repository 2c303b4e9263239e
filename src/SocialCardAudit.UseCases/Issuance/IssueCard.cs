using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Cards;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>
/// 发放 and 金融功能激活 of a person's card: the card register's own moves (its rules: proxies, authorised
/// custodians, face to face only), which the case then follows. An issue needs the holder's signed receipt: a photo
/// of the 领卡签收表 or a signature drawn on the phone. The town office and the village clerk do both.
/// </summary>
public sealed class IssueCard(AppDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public Task<Result> IssueAsync(Actor actor, long caseId, MoveDetails how, CasePicture? receipt, CancellationToken ct) =>
        CaseActs.OnCaseAsync(db, actor, caseId, Access.Access.CanManageCards, async loaded =>
        {
            var (c, village, _) = loaded;
            if (receipt is null)
            {
                throw new DomainException("请上传领卡签收表照片,或由领卡人在本页手写签名。");
            }
            var card = await CardOfAsync(c, ct);
            var clock = await db.CountyClockAsync(c.TenantId, time, ct);
            var e = card.Move(CardState.Issued, how.For(card, village, actor), await CardActs.AuthorisationsAsync(db, card, ct), clock);
            c.Issued(e);
            db.IssuanceAttachments.Add(CaseActs.Picture(receipt, c, actor, protector, clock.UtcNow));
            return $"已发放:{c.Name}的社保卡已交{e.Note?.Replace("领卡人:", "", StringComparison.Ordinal)},签收凭证已保存。请提醒持卡人本人到银行网点面签激活。";
        }, ct);

    public Task<Result> ActivateAsync(Actor actor, long caseId, bool faceToFace, string? responsible, string? place, CancellationToken ct) =>
        CaseActs.OnCaseAsync(db, actor, caseId, Access.Access.CanManageCards, async loaded =>
        {
            var c = loaded.Case;
            var card = await CardOfAsync(c, ct);
            var how = new CardMove(actor.UserId, responsible ?? actor.Name, faceToFace ? CardMethod.FaceToFace : CardMethod.InPerson, place);
            var e = card.Move(CardState.Activated, how, [], await db.CountyClockAsync(c.TenantId, time, ct));
            c.Activated(e);
            return $"已登记:{c.Name}的社保卡已在银行网点面签激活。";
        }, ct);

    private async Task<Card> CardOfAsync(IssuanceCase c, CancellationToken ct) =>
        c.CardId is { } id ? await db.Cards.Include(k => k.Events).SingleAsync(k => k.Id == id, ct)
        : throw new DomainException($"{c.Name}的卡还没有制成,不能发放或激活(现为“{IssuanceStages.DisplayName(c.Stage)}”)。");
}
