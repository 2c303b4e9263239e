using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>
/// 信息核查: the village (or its town centre) records the nine elements as found, the photo for the card and
/// whether the person is alive. A deceased person stops here; a person whose making failed is verified again.
/// </summary>
public sealed class VerifyPerson(AppDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public Task<Result> HandleAsync(Actor actor, long caseId, NineElements elements, bool alive, CasePicture? photo, CancellationToken ct) =>
        CaseActs.OnCaseAsync(db, actor, caseId, Access.Access.CanVerifyCase, async loaded =>
        {
            var c = loaded.Case;
            var now = clock.GetUtcNow().UtcDateTime;
            var hasPhoto = photo is not null || await db.IssuanceAttachments.AnyAsync(a => a.CaseId == c.Id && a.Kind == IssuanceAttachmentKind.Photo, ct);
            if (new[] { elements.Ethnicity, elements.Address, elements.Occupation }.Any(t => t?.Trim().Length > NineElements.MaxText))
            {
                throw new DomainException($"民族、地址、职业均不能超过 {NineElements.MaxText} 字。");
            }
            var today = (await db.CountyClockAsync(c.TenantId, clock, ct)).Today;
            if (alive && elements.Contradiction(protector.Unprotect(c.IdNumberCipher, Purposes.IdNumber), today) is { } contradiction)
            {
                throw new DomainException(contradiction);
            }
            var cardToCancel = !alive && c.Stage == IssuanceStage.Made ? c.CardId : null;
            c.Verify(elements with
            {
                Ethnicity = elements.Ethnicity?.Trim(),
                Address = elements.Address?.Trim(),
                Occupation = elements.Occupation?.Trim(),
                Phone = Domain.People.PhoneNumber.Normalize(elements.Phone),
            }, hasPhoto, alive, actor.UserId, now);
            if (photo is not null && alive)
            {
                db.IssuanceAttachments.Add(CaseActs.Picture(photo, c, actor, protector, now));
            }
            if (cardToCancel is { } cardId)
            {
                // The card made for them is cancelled (注销), by those who move cards.
                if (!Access.Access.CanManageCards(actor.Scope, loaded.Village))
                {
                    throw new DomainException($"{c.Name}的卡已制成:登记去世并注销这张卡,请由村级清查责任人或镇办理。");
                }
                var card = await db.Cards.Include(k => k.Events).SingleAsync(k => k.Id == cardId, ct);
                card.Move(CardState.Cancelled, new CardMove(actor.UserId, actor.Name, CardMethod.Registration, Note: "持卡人已去世(应发尽发信息核查)"), [],
                    await db.CountyClockAsync(c.TenantId, clock, ct));
                return $"已登记:{c.Name}已去世,其社保卡({card.CardNumberMasked})已注销。";
            }
            if (!alive)
            {
                return $"已登记:{c.Name}已去世,不再制卡。";
            }
            var missing = c.Elements!.Missing(today);
            return missing.Count > 0 ? $"已保存。{c.Name}的制卡九要素仍缺:{string.Join("、", missing)},补齐后才能制卡。"
                : !hasPhoto ? $"已保存。{c.Name}还没有照片,采集后才能制卡。"
                : $"已保存:{c.Name}信息核查完成,可以制卡。";
        }, ct);
}
