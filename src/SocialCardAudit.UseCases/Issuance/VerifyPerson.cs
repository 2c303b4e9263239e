using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain;
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
