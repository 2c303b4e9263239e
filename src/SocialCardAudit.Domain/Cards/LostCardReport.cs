using SocialCardAudit.Domain.Organization;
namespace SocialCardAudit.Domain.Cards;

/// <summary>
/// A lost card's register entry (遗失卡登记): the last known custodian, when it was noticed, how, signed by the
/// village clerk and reported to the town, which acknowledges it. Filing it moves the card to 遗失.
/// </summary>
public sealed class LostCardReport : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long CardId { get; set; }
    public int VillageId { get; set; }
    public string LastCustodian { get; private set; } = "";
    public DateOnly NoticedOn { get; private set; }
    public string Circumstances { get; private set; } = "";
    public string SignedById { get; private set; } = "";
    public DateTime SignedAtUtc { get; private set; }
    public string? AcknowledgedById { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }

    public static LostCardReport File(Card card, string lastCustodian, DateOnly? noticedOn, string? circumstances, string clerkId, string clerkName, CountyClock clock)
    {
        var nowUtc = clock.UtcNow;
        if (noticedOn is not { } day || day > clock.Today)
        {
            throw new DomainException("请填写发现遗失的日期(不能晚于今天)。");
        }
        var how = Card.Text(circumstances, "请写明遗失的经过。");
        card.Move(CardState.Lost, new CardMove(clerkId, clerkName, CardMethod.Registration, Note: $"遗失登记:{how}"), [], clock);
        return new LostCardReport
        {
            TenantId = card.TenantId, CardId = card.Id, VillageId = card.VillageId, LastCustodian = lastCustodian, NoticedOn = day,
            Circumstances = how, SignedById = clerkId, SignedAtUtc = nowUtc,
        };
    }

    public void Acknowledge(string townUserId, DateTime nowUtc)
    {
        if (AcknowledgedAtUtc is not null)
        {
            throw new DomainException("该遗失卡登记已经确认过。");
        }
        (AcknowledgedById, AcknowledgedAtUtc) = (townUserId, nowUtc);
    }
}

/// <summary>
/// One attempt to issue a stock or dormant card a second time (二次发放): success issues it (with the usual
/// recipient rules); a failure needs its reason and recalls the card (回收) to the place named.
/// </summary>
public sealed class SecondIssueAttempt : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long CardId { get; set; }
    public DateOnly AttemptedOn { get; private set; }
    public bool Succeeded { get; private set; }
    public string? FailureReason { get; private set; }
    public string ById { get; private set; } = "";
    public DateTime AtUtc { get; private set; }

    public static SecondIssueAttempt Record(Card card, DateOnly attemptedOn, bool succeeded, string? failureReason, CardMove how,
        IReadOnlyCollection<CustodyAuthorisation> authorisations, CountyClock clock)
    {
        var nowUtc = clock.UtcNow;
        if (card.State is not (CardState.InStock or CardState.Dormant))
        {
            throw new DomainException($"二次发放只适用于库存卡和睡眠卡,该卡当前状态为“{CardLifecycle.DisplayName(card.State)}”。");
        }
        string? reason = null;
        if (succeeded)
        {
            card.Move(CardState.Issued, how, authorisations, clock);
        }
        else
        {
            reason = Card.Text(failureReason, "二次发放未成功,请写明原因。");
            card.Move(CardState.Returned, how with { Note = $"二次发放未成功,回收:{reason}" }, authorisations, clock);
        }
        return new SecondIssueAttempt
        {
            TenantId = card.TenantId, CardId = card.Id, AttemptedOn = attemptedOn, Succeeded = succeeded, FailureReason = reason,
            ById = how.ById, AtUtc = nowUtc,
        };
    }
}
