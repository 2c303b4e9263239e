using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>
/// A card of an issuance campaign moved in the register: the case follows an activation wherever it is recorded; an
/// issue is made on the case's page, which asks for the signed receipt the plan requires.
/// </summary>
internal static class CaseFollowsCard
{
    public static async Task AfterAsync(AppDbContext db, CardEvent e, CancellationToken ct)
    {
        if (e.ToState is not (CardState.Issued or CardState.Activated))
        {
            return;
        }
        var c = await db.IssuanceCases.SingleOrDefaultAsync(x => x.CardId == e.CardId && (x.Stage == IssuanceStage.Made || x.Stage == IssuanceStage.Issued), ct);
        if (c is null)
        {
            return;
        }
        if (e.ToState == CardState.Issued)
        {
            throw IssueOnTheCasePage(c);
        }
        if (c.Stage == IssuanceStage.Issued)
        {
            c.Activated(e);
        }
    }

    /// <summary>Before a second issue (二次发放) of a card that an issuance case is still to issue: that is done on the case's page.</summary>
    public static async Task EnsureIssuedThereAsync(AppDbContext db, long cardId, CancellationToken ct)
    {
        if (await db.IssuanceCases.SingleOrDefaultAsync(x => x.CardId == cardId && x.Stage == IssuanceStage.Made, ct) is { } c)
        {
            throw IssueOnTheCasePage(c);
        }
    }

    private static DomainException IssueOnTheCasePage(IssuanceCase c) =>
        new($"这张卡属于应发尽发活动:请在{c.Name}的应发尽发页面发放,须上传领卡签收表照片或由领卡人手写签名。");
}
