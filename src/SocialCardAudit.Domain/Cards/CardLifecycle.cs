namespace SocialCardAudit.Domain.Cards;

/// <summary>The states of a physical card, as the product owner named them (docs/cards.md has the table).</summary>
public enum CardState
{
    InStock = 1,
    Issued = 2,
    Activated = 3,
    Dormant = 4,
    Lost = 5,
    Returned = 6,
    Cancelled = 7,
}

/// <summary>
/// The one table of legal moves between card states (Dayao 2022, Panyu 2013): made cards wait in stock, are
/// issued to the holder (or a permitted proxy or an authorised custodian), activated face to face at the bank,
/// fall dormant when never activated, get lost and found, are handed back or recalled (回收), and are cancelled
/// (注销) when the holder has died. Anything not in the table is refused, naming the current state.
/// </summary>
public static class CardLifecycle
{
    private static readonly Dictionary<(CardState From, CardState To), string> Moves = new()
    {
        [(CardState.InStock, CardState.Issued)] = "发放",
        [(CardState.InStock, CardState.Dormant)] = "转为睡眠卡",
        [(CardState.InStock, CardState.Lost)] = "登记遗失",
        [(CardState.InStock, CardState.Returned)] = "退回(回收)",
        [(CardState.InStock, CardState.Cancelled)] = "注销",
        [(CardState.Issued, CardState.Activated)] = "面签激活",
        [(CardState.Issued, CardState.Dormant)] = "转为睡眠卡",
        [(CardState.Issued, CardState.Lost)] = "登记遗失",
        [(CardState.Issued, CardState.Returned)] = "退回(上交)",
        [(CardState.Issued, CardState.Cancelled)] = "注销",
        [(CardState.Activated, CardState.Lost)] = "登记遗失",
        [(CardState.Activated, CardState.Returned)] = "退回(上交)",
        [(CardState.Activated, CardState.Cancelled)] = "注销",
        [(CardState.Dormant, CardState.Issued)] = "二次发放",
        [(CardState.Dormant, CardState.Activated)] = "面签激活",
        [(CardState.Dormant, CardState.Lost)] = "登记遗失",
        [(CardState.Dormant, CardState.Returned)] = "退回(回收)",
        [(CardState.Dormant, CardState.Cancelled)] = "注销",
        [(CardState.Lost, CardState.InStock)] = "找回入库",
        [(CardState.Lost, CardState.Cancelled)] = "注销",
        [(CardState.Returned, CardState.InStock)] = "重新入库",
        [(CardState.Returned, CardState.Lost)] = "登记遗失",
        [(CardState.Returned, CardState.Cancelled)] = "注销",
    };

    public static IEnumerable<(CardState From, CardState To, string Action)> Table => Moves.Select(m => (m.Key.From, m.Key.To, m.Value));

    public static bool Allows(CardState from, CardState to) => Moves.ContainsKey((from, to));

    /// <summary>The moves open from a state, for the buttons on a card's page.</summary>
    public static IEnumerable<(CardState To, string Action)> From(CardState from) =>
        Moves.Where(m => m.Key.From == from).Select(m => (m.Key.To, m.Value));

    public static string Action(CardState from, CardState to) =>
        Moves.TryGetValue((from, to), out var action) ? action : $"转为“{DisplayName(to)}”";

    public static void Ensure(CardState from, CardState to)
    {
        if (!Allows(from, to))
        {
            throw new DomainException($"该卡当前状态为“{DisplayName(from)}”,不能{Action(from, to)}。");
        }
    }

    public static string DisplayName(CardState s) => s switch
    {
        CardState.InStock => "库存",
        CardState.Issued => "已发放",
        CardState.Activated => "已激活",
        CardState.Dormant => "睡眠卡",
        CardState.Lost => "遗失",
        CardState.Returned => "已退回",
        CardState.Cancelled => "已注销",
        _ => s.ToString(),
    };

    /// <summary>Cards that are still where somebody must account for them: not with the holder and not cancelled.</summary>
    public static bool IsUndistributed(CardState s) => s is CardState.InStock or CardState.Dormant or CardState.Returned;
}
