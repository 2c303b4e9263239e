namespace SocialCardAudit.Domain.Cards;

public enum HandoverState
{
    Sent = 1,
    Received = 2,
    Disputed = 3,
    Resolved = 4,
}

public enum HandoverLineState
{
    Pending = 1,
    Received = 2,
    Disputed = 3,
    FoundLater = 4,
    Missing = 5,
}

/// <summary>One card in a hand-over, and what became of it on receipt.</summary>
public sealed class CardHandoverLine : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public long Id { get; set; }
    public long HandoverId { get; set; }
    public long CardId { get; set; }
    public HandoverLineState State { get; set; } = HandoverLineState.Pending;
    public string? Note { get; set; }
}

/// <summary>
/// A batch hand-over of cards between places (bank → town centre → village, and back; 造册移交): the sender
/// lists the cards, the receiver counts them and confirms each one, in two acts by two people. Cards not
/// confirmed are disputed, and the hand-over stays open until each is found or registered missing.
/// </summary>
public sealed class CardHandover : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public CustodianKind FromKind { get; private set; }
    public int FromPlaceId { get; private set; }
    public CustodianKind ToKind { get; private set; }
    public int ToPlaceId { get; private set; }
    public string SentById { get; private set; } = "";
    public string Sender { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
    public string? Note { get; private set; }
    public string? ReceivedById { get; private set; }
    public string? Receiver { get; private set; }
    public DateTime? ReceivedAtUtc { get; private set; }
    public int? CountedByReceiver { get; private set; }
    public HandoverState State { get; private set; } = HandoverState.Sent;
    public List<CardHandoverLine> Lines { get; private set; } = [];

    public Custody From => new(FromKind, FromPlaceId);
    public Custody To => new(ToKind, ToPlaceId);
    public bool IsOpen => State is HandoverState.Sent or HandoverState.Disputed;

    public static string DisplayName(HandoverState s) => s switch
    {
        HandoverState.Sent => "待接收",
        HandoverState.Received => "已接收",
        HandoverState.Disputed => "有争议",
        HandoverState.Resolved => "争议已处理",
        _ => s.ToString(),
    };

    public static string DisplayName(HandoverLineState s) => s switch
    {
        HandoverLineState.Pending => "待确认",
        HandoverLineState.Received => "已收到",
        HandoverLineState.Disputed => "未收到(争议)",
        HandoverLineState.FoundLater => "后经核实收到",
        HandoverLineState.Missing => "短少,已登记遗失",
        _ => s.ToString(),
    };

    /// <summary>
    /// The sender lists the cards. The hand-over must have its id before the cards point at it, so the caller
    /// saves it first and then calls <see cref="Dispatch"/>.
    /// </summary>
    public static CardHandover Create(int tenantId, Custody from, Custody to, IReadOnlyCollection<Card> cards, string byId, string? sender, string? note, DateTime nowUtc)
    {
        if (!from.IsPlace || !to.IsPlace || from.PlaceId is null || to.PlaceId is null)
        {
            throw new DomainException("批量交接只在银行、镇社会事业综合服务中心和村(社区)之间进行;发给个人请用“发放”。");
        }
        if (from == to)
        {
            throw new DomainException("发出单位和接收单位不能相同。");
        }
        if (cards.Count == 0)
        {
            throw new DomainException("请至少选择一张卡。");
        }
        return new CardHandover
        {
            TenantId = tenantId, FromKind = from.Kind, FromPlaceId = from.PlaceId.Value, ToKind = to.Kind, ToPlaceId = to.PlaceId.Value,
            SentById = byId, Sender = Card.Text(sender, "请填写移交人姓名。"), SentAtUtc = nowUtc, Note = string.IsNullOrWhiteSpace(note) ? null : Card.Text(note, ""),
            Lines = [.. cards.Select(c => new CardHandoverLine { TenantId = tenantId, CardId = c.Id })],
        };
    }

    /// <summary>Marks each listed card as travelling in this hand-over (one event each); refuses a card that is not at the sender or already travelling.</summary>
    public void Dispatch(IReadOnlyCollection<Card> cards)
    {
        foreach (var card in cards)
        {
            card.Send(this, SentById, Sender, SentAtUtc);
        }
    }

    /// <summary>
    /// The receiver's act: the count they made and the cards they confirm. The count must match the cards
    /// ticked; unticked cards become disputed and stay with the sender.
    /// </summary>
    public void Receive(string byId, string? receiver, int? counted, IReadOnlySet<long> confirmed, IReadOnlyDictionary<long, Card> cards, DateTime nowUtc)
    {
        if (State != HandoverState.Sent)
        {
            throw new DomainException($"该交接单已{DisplayName(State)},不能重复接收。");
        }
        if (byId == SentById)
        {
            throw new DomainException("交接须两人完成:移交人不能自己确认接收。");
        }
        var name = Card.Text(receiver, "请填写接收人姓名。");
        if (counted is not { } count || count < 0)
        {
            throw new DomainException("请填写清点的实收张数。");
        }
        if (confirmed.Any(id => Lines.All(l => l.CardId != id)))
        {
            throw new DomainException("勾选的卡不在本交接单中。");
        }
        if (count != confirmed.Count)
        {
            throw new DomainException($"清点实收 {count} 张,但勾选了 {confirmed.Count} 张,请重新核对。");
        }
        foreach (var line in Lines)
        {
            if (confirmed.Contains(line.CardId))
            {
                line.State = HandoverLineState.Received;
                cards[line.CardId].Arrive(this, byId, name, nowUtc);
            }
            else
            {
                line.State = HandoverLineState.Disputed;
            }
        }
        (ReceivedById, Receiver, ReceivedAtUtc, CountedByReceiver) = (byId, name, nowUtc, count);
        State = Lines.Any(l => l.State == HandoverLineState.Disputed) ? HandoverState.Disputed : HandoverState.Received;
    }

    /// <summary>Settles one disputed card: found after all (it arrives now) or missing (registered lost). The last one closes the hand-over.</summary>
    public void Resolve(long cardId, bool found, string byId, string? responsible, string? note, Card card, DateTime nowUtc)
    {
        var line = Lines.SingleOrDefault(l => l.CardId == cardId && l.State == HandoverLineState.Disputed)
            ?? throw new DomainException("该卡在本交接单中没有待处理的争议。");
        var who = Card.Text(responsible, "请填写处理人姓名。");
        line.Note = Card.Text(note, "请写明核实的情况。");
        if (found)
        {
            line.State = HandoverLineState.FoundLater;
            card.Arrive(this, byId, who, nowUtc);
        }
        else
        {
            line.State = HandoverLineState.Missing;
            card.GoMissing(this, byId, who, line.Note, nowUtc);
        }
        if (Lines.All(l => l.State != HandoverLineState.Disputed))
        {
            State = HandoverState.Resolved;
        }
    }
}
