using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.People;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Cards;

/// <summary>How a person-facing move was made and by whom: the fields the plans demand for each hand-over.</summary>
public sealed record CardMove(string ById, string Responsible, CardMethod Method, string? Place = null, string? Note = null)
{
    /// <summary>For issuing: who received the card, and for a proxy their name and relation.</summary>
    public Recipient? Recipient { get; init; }
    public string? RecipientName { get; init; }
    public string? ProxyRelation { get; init; }

    /// <summary>For returns, restocking and found cards: the place the card now lies.</summary>
    public Custody? To { get; init; }
}

/// <summary>
/// One event in a card's life: a change of state, of custody, or both. The card's state and custody are
/// always the last event's; <see cref="Card.Replay"/> derives them from the events alone.
/// </summary>
public sealed class CardEvent : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public long Id { get; set; }
    public long CardId { get; set; }
    public int Sequence { get; set; }
    public CardState? FromState { get; set; }
    public CardState ToState { get; set; }
    public required string Action { get; set; }
    public CustodianKind CustodianKind { get; set; }
    public int? CustodianPlaceId { get; set; }
    public string? CustodianPerson { get; set; }
    public required string ById { get; set; }
    public required string Responsible { get; set; }
    public CardMethod Method { get; set; }
    public string? Place { get; set; }
    public string? Note { get; set; }
    public long? HandoverId { get; set; }
    public DateTime AtUtc { get; set; }

    public Custody Custody => new(CustodianKind, CustodianPlaceId, CustodianPerson);
}

/// <summary>
/// A physical social security card: the holder (ID number protected as on the task rows), the bank and
/// card number (protected), the village, where it is and in what state. Every change goes through a method
/// here, is checked against <see cref="CardLifecycle"/> and the custody rules, and appends one event.
/// </summary>
public sealed class Card : ITenantOwned
{
    public const int MaxText = 200;

    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string HolderName { get; set; }
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";
    public int BankId { get; set; }
    public byte[] CardNumberCipher { get; set; } = [];
    public byte[] CardNumberHash { get; set; } = [];
    public string CardNumberMasked { get; set; } = "";
    public int VillageId { get; set; }
    public DateTime RegisteredAtUtc { get; set; }

    /// <summary>社会保障卡卡号, the nine characters on the card's face, when the export gave it.</summary>
    public string? SocialCardNumber { get; set; }

    /// <summary>What the import found to check on this card at the door (e.g. a card number failing its Luhn digit); null when nothing.</summary>
    public string? ImportFlags { get; set; }

    public CardState State { get; private set; }
    public CustodianKind CustodianKind { get; private set; }
    public int? CustodianPlaceId { get; private set; }
    public string? CustodianPerson { get; private set; }

    /// <summary>When it was last issued, or entered stock: a dormant card is one left unactivated for a period after that.</summary>
    public DateTime SinceUtc { get; private set; }

    /// <summary>The open hand-over the card travels in; while set, the card stays with the sender and nothing else may move it.</summary>
    public long? HandoverId { get; private set; }

    /// <summary>The number of events; also the concurrency token, so two moves of one card at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public List<CardEvent> Events { get; private set; } = [];

    public Custody Custody => new(CustodianKind, CustodianPlaceId, CustodianPerson);

    /// <summary>Enters a card in the register, in stock at a place or already issued, as the bank's export says.</summary>
    public static Card Register(Card card, CardState state, Custody at, string byId, string responsible, DateTime nowUtc)
    {
        if (state is not (CardState.InStock or CardState.Issued or CardState.Activated or CardState.Dormant))
        {
            throw new DomainException($"登记入册的卡只能是库存、已发放、已激活或睡眠卡,不能是“{CardLifecycle.DisplayName(state)}”。");
        }
        card.RegisteredAtUtc = nowUtc;
        card.Append(null, state, "登记入册", at, byId, responsible, CardMethod.Registration, null, null, null, nowUtc);
        return card;
    }

    /// <summary>A change of state by a person: issue, activate, lose, find, return, restock, cancel.</summary>
    public CardEvent Move(CardState to, CardMove how, IReadOnlyCollection<CustodyAuthorisation> authorisations, CountyClock clock)
    {
        var nowUtc = clock.UtcNow;
        CardLifecycle.Ensure(State, to);
        NotInTransit(CardLifecycle.Action(State, to));
        var responsible = Text(how.Responsible, "请填写责任人。");
        var note = Optional(how.Note);
        Custody custody;
        switch (to)
        {
            case CardState.Issued:
                custody = Issue(how, authorisations, clock.Today);
                break;
            case CardState.Activated:
                if (how.Method != CardMethod.FaceToFace)
                {
                    throw new DomainException("金融功能须持卡人本人到银行网点面签激活,严禁非面签方式激活。");
                }
                custody = CustodianKind == CustodianKind.Custodian ? Custody : Custody.WithHolder;
                break;
            case CardState.Dormant:
                throw new DomainException("睡眠卡由系统按未激活的时间认定,请使用“认定睡眠卡”。");
            case CardState.Cancelled:
                note = Text(how.Note, "注销须写明原因(如持卡人已去世)。");
                custody = Custody;
                break;
            case CardState.Lost:
                note = Text(how.Note, "请写明遗失的经过。");
                custody = Custody; // the last known custodian
                break;
            default: // Returned, InStock (found or restocked): the card now lies at a place
                custody = how.To is { IsPlace: true } place ? place : throw new DomainException("请选择卡片现在存放的单位或银行。");
                break;
        }
        var recipient = to == CardState.Issued ? Optional(how.RecipientName) ?? HolderName : null;
        var e = Append(State, to, CardLifecycle.Action(State, to), custody, how.ById, responsible, how.Method, Optional(how.Place), note, null, nowUtc);
        if (recipient is not null)
        {
            e.Note = string.Join(";", new[] { $"领卡人:{recipient}", note }.Where(x => !string.IsNullOrEmpty(x)));
        }
        if (to is CardState.Issued or CardState.InStock)
        {
            SinceUtc = nowUtc;
        }
        return e;
    }

    /// <summary>Marks a card dormant once it has stayed unactivated for <paramref name="period"/> since it was issued or stocked.</summary>
    public CardEvent FallDormant(TimeSpan period, string byId, DateTime nowUtc)
    {
        CardLifecycle.Ensure(State, CardState.Dormant);
        NotInTransit("转为睡眠卡");
        if (nowUtc - SinceUtc < period)
        {
            throw new DomainException($"发放或入库未满 {period.TotalDays:0} 天,尚不能认定为睡眠卡。");
        }
        return Append(State, CardState.Dormant, "转为睡眠卡", Custody, byId, "系统认定", CardMethod.Registration, null,
            $"发放或入库后 {(nowUtc - SinceUtc).TotalDays:0} 天未激活", null, nowUtc);
    }

    /// <summary>The card joins a batch hand-over: it stays with the sender, and cannot move otherwise until received.</summary>
    internal void Send(CardHandover handover, string byId, string responsible, DateTime nowUtc)
    {
        NotInTransit("移交");
        if (!CardLifecycle.IsUndistributed(State))
        {
            throw new DomainException($"{HolderName}的卡状态为“{CardLifecycle.DisplayName(State)}”,不在库中,不能造册移交。");
        }
        if (Custody != handover.From)
        {
            throw new DomainException($"{HolderName}的卡不在发出单位,不能由其移交。");
        }
        HandoverId = handover.Id;
        Append(State, State, "移交发出", Custody, byId, responsible, CardMethod.Batch, null, null, handover.Id, nowUtc);
    }

    /// <summary>The receiver confirmed this card: it is now at the receiving place.</summary>
    internal void Arrive(CardHandover handover, string byId, string responsible, DateTime nowUtc)
    {
        HandoverId = null;
        Append(State, State, "接收确认", handover.To, byId, responsible, CardMethod.Batch, null, null, handover.Id, nowUtc);
    }

    /// <summary>A disputed card found missing: lost, last known with the sender.</summary>
    internal void GoMissing(CardHandover handover, string byId, string responsible, string note, DateTime nowUtc)
    {
        HandoverId = null;
        CardLifecycle.Ensure(State, CardState.Lost);
        Append(State, CardState.Lost, "交接短少,登记遗失", Custody, byId, responsible, CardMethod.Registration, null, note, handover.Id, nowUtc);
    }

    /// <summary>State and custody from the events alone, in order; the card's own fields must always agree.</summary>
    public static (CardState State, Custody Custody) Replay(IEnumerable<CardEvent> events)
    {
        CardState? state = null;
        Custody custody = default;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.FromState != state)
            {
                throw new DomainException($"事件 {e.Sequence} 的原状态与前一事件不符。");
            }
            state = e.ToState;
            custody = e.Custody;
        }
        return (state ?? throw new DomainException("该卡没有任何事件。"), custody);
    }

    private Custody Issue(CardMove how, IReadOnlyCollection<CustodyAuthorisation> authorisations, DateOnly today)
    {
        if (!Custody.IsPlace)
        {
            throw new DomainException("该卡不在银行、镇或村的库中,不能发放。");
        }
        switch (how.Recipient)
        {
            case Recipient.Holder:
                return Custody.WithHolder;
            case Recipient.Proxy:
                Text(how.RecipientName, "请填写代领人姓名。");
                if (!Outcomes.ProxyRelations.Contains(how.ProxyRelation ?? ""))
                {
                    throw new DomainException("代领人只能是持卡人的直系亲属或监护人:请选择与持卡人的关系。");
                }
                return Custody.WithHolder;
            case Recipient.Custodian:
                var name = Text(how.RecipientName, "请填写代管人姓名。");
                if (!authorisations.Any(a => a.CardId == Id && a.Covers(name, today)))
                {
                    throw new DomainException($"没有经镇批准且在有效期内、指定“{name}”代管此卡的授权,不能交给他人代管。工作人员不得代持群众的社保卡。");
                }
                return Custody.WithCustodian(name);
            default:
                throw new DomainException("请选择领卡人:本人、代领人或经批准的代管人。");
        }
    }

    private void NotInTransit(string action)
    {
        if (HandoverId is { } h)
        {
            throw new DomainException($"该卡正在交接中(交接单 {h}),接收确认前不能{action}。");
        }
    }

    private CardEvent Append(CardState? from, CardState to, string action, Custody custody, string byId, string responsible,
        CardMethod method, string? place, string? note, long? handoverId, DateTime nowUtc)
    {
        var e = new CardEvent
        {
            TenantId = TenantId, CardId = Id, Sequence = Version + 1, FromState = from, ToState = to, Action = action, CustodianKind = custody.Kind,
            CustodianPlaceId = custody.PlaceId, CustodianPerson = custody.PersonName, ById = byId, Responsible = responsible,
            Method = method, Place = place, Note = note, HandoverId = handoverId, AtUtc = nowUtc,
        };
        Events.Add(e);
        Version = e.Sequence;
        State = to;
        (CustodianKind, CustodianPlaceId, CustodianPerson) = (custody.Kind, custody.PlaceId, custody.PersonName);
        if (from is null)
        {
            SinceUtc = nowUtc;
        }
        return e;
    }

    internal static string Text(string? value, string missing)
    {
        var s = (value ?? "").Trim();
        return s.Length == 0 ? throw new DomainException(missing) : s.Length > MaxText ? throw new DomainException($"内容不能超过 {MaxText} 字。") : s;
    }

    private static string? Optional(string? value)
    {
        var s = (value ?? "").Trim();
        return s.Length == 0 ? null : s.Length > MaxText ? throw new DomainException($"内容不能超过 {MaxText} 字。") : s;
    }
}
