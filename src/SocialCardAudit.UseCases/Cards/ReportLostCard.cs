using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>The village clerk registers a lost card and signs the entry with the password; the town then acknowledges it.</summary>
public sealed class ReportLostCard(AppDbContext db, TimeProvider time)
{
    /// <param name="lastCustodian">Where the card was last, in words (the page names the place).</param>
    /// <param name="confirm">Checks the signer's password now: why not, or null.</param>
    public Task<Result> HandleAsync(Actor actor, long cardId, DateOnly? noticedOn, string? circumstances, Func<Card, Task<string>> lastCustodian,
        Func<Task<string?>> confirm, CancellationToken ct) =>
        CardActs.OnCardAsync(db, actor, cardId, async (card, _) =>
        {
            if (noticedOn is null || string.IsNullOrWhiteSpace(circumstances))
            {
                throw new DomainException("请填写发现遗失的日期和遗失经过。"); // before the password, so an incomplete form costs no attempt
            }
            if (await confirm() is { } refusal)
            {
                throw new DomainException(refusal);
            }
            var clock = await db.CountyClockAsync(card.TenantId, time, ct);
            db.LostCardReports.Add(LostCardReport.File(card, await lastCustodian(card), noticedOn, circumstances, actor.UserId, actor.Name, clock));
            return "已登记遗失卡并签字,已报镇社会事业综合服务中心。";
        }, ct, Roles.VillageClerk);
}
