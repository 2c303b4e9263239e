using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Cards;

/// <summary>
/// The town marks as dormant (睡眠卡) every card of its villages left unactivated for <c>period</c> since it was
/// issued or stocked, not while it travels in a hand-over.
/// </summary>
public sealed class MarkDormantCards(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, TimeSpan period, CancellationToken ct)
    {
        if (actor.Scope.Role != Roles.TownOffice)
        {
            return Result.Denied;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var before = now - period;
        var cards = await Access.Access.Cards(db, actor.Scope)
            .Where(c => (c.State == CardState.Issued || c.State == CardState.InStock) && c.HandoverId == null && c.SinceUtc <= before)
            .ToListAsync(ct);
        foreach (var card in cards)
        {
            card.FallDormant(period, actor.UserId, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Done(cards.Count == 0 ? $"没有发放或入库满 {period.TotalDays:0} 天仍未激活的卡。" : $"已认定 {cards.Count} 张睡眠卡。");
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Result(Status.Conflict, "有卡片刚被他人办理,请重新认定。");
        }
    }
}

/// <summary>The town confirms it has received a village's lost-card report (遗失卡登记).</summary>
public sealed class AcknowledgeLostCard(AppDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Actor actor, long reportId, CancellationToken ct)
    {
        var report = await db.LostCardReports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Result.NotFound;
        }
        var village = await db.OrgUnits.SingleAsync(u => u.Id == report.VillageId, ct);
        if (actor.Scope.Role != Roles.TownOffice || !Access.Access.Covers(actor.Scope, village))
        {
            return Result.Denied;
        }
        return await CardActs.SaveAsync(db, () =>
        {
            report.Acknowledge(actor.UserId, time.GetUtcNow().UtcDateTime);
            return Task.FromResult("已确认收到遗失卡登记。");
        }, ct, "他人刚刚处理了这条遗失卡登记,未保存。");
    }
}
