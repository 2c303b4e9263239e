namespace SocialCardAudit.Domain.Cards;

/// <summary>The groups for whom a card may be held by a custodian (代管): nobody else's card may be held.</summary>
public enum SpecialGroup
{
    MinimumLiving = 1,
    Destitute = 2,
    Disabled = 3,
    Minor = 4,
}

public enum AuthorisationState
{
    Requested = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>
/// An authorisation to hold one person's card (代管): requested by the village for a holder in a special group,
/// naming the custodian, the reason and the period, and approved by the town office, by someone other than
/// the requester. Without an approved authorisation covering the day, a card is never handed to a custodian.
/// </summary>
public sealed class CustodyAuthorisation : ITenantOwned
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366 * 3);

    public long Id { get; set; }
    public int TenantId { get; set; }
    public long CardId { get; set; }
    public SpecialGroup Group { get; private set; }
    public string CustodianName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string RequestedById { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public AuthorisationState State { get; private set; } = AuthorisationState.Requested;
    public string? DecidedById { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? RefusalReason { get; private set; }

    public static string DisplayName(SpecialGroup g) => g switch
    {
        SpecialGroup.MinimumLiving => "低保对象",
        SpecialGroup.Destitute => "特困人员",
        SpecialGroup.Disabled => "残疾人",
        SpecialGroup.Minor => "未成年人",
        _ => g.ToString(),
    };

    public static string DisplayName(AuthorisationState s) => s switch
    {
        AuthorisationState.Requested => "待镇审批",
        AuthorisationState.Approved => "已批准",
        AuthorisationState.Refused => "未批准",
        _ => s.ToString(),
    };

    public static CustodyAuthorisation Request(int tenantId, long cardId, SpecialGroup? group, string? custodian, string? reason,
        DateOnly? from, DateOnly? to, string byId, DateTime nowUtc)
    {
        if (group is not { } g || !Enum.IsDefined(g))
        {
            throw new DomainException("代管只适用于低保对象、特困人员、残疾人、未成年人:请选择持卡人所属的特殊群体。");
        }
        if (from is not { } start || to is not { } end || end < start)
        {
            throw new DomainException("请填写代管期限(起止日期,截止日期不早于起始日期)。");
        }
        if (end.ToDateTime(TimeOnly.MinValue) - start.ToDateTime(TimeOnly.MinValue) > MaxPeriod)
        {
            throw new DomainException("代管期限最长三年,到期后重新申请。");
        }
        return new CustodyAuthorisation
        {
            TenantId = tenantId, CardId = cardId, Group = g, CustodianName = Card.Text(custodian, "请填写代管人姓名。"),
            Reason = Card.Text(reason, "请写明代管原因。"), From = start, To = end, RequestedById = byId, RequestedAtUtc = nowUtc,
        };
    }

    public void Approve(string townUserId, DateTime nowUtc) => Decide(AuthorisationState.Approved, townUserId, null, nowUtc);

    public void Refuse(string townUserId, string? reason, DateTime nowUtc) =>
        Decide(AuthorisationState.Refused, townUserId, Card.Text(reason, "请写明不批准的原因。"), nowUtc);

    /// <summary>Approved, for this custodian, and the day inside the period.</summary>
    public bool Covers(string custodianName, DateOnly day) =>
        State == AuthorisationState.Approved && CustodianName == custodianName.Trim() && From <= day && day <= To;

    private void Decide(AuthorisationState to, string userId, string? reason, DateTime nowUtc)
    {
        if (State != AuthorisationState.Requested)
        {
            throw new DomainException($"该授权已{DisplayName(State)},不能再审批。");
        }
        if (userId == RequestedById)
        {
            throw new DomainException("申请人不能审批自己的代管申请。");
        }
        (State, DecidedById, DecidedAtUtc, RefusalReason) = (to, userId, nowUtc, reason);
    }
}
