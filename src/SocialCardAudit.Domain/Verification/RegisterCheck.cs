using SocialCardAudit.Domain.Cards;

namespace SocialCardAudit.Domain.Verification;

/// <summary>One of the person's cards as the card register has it: enough for the three-way check.</summary>
/// <param name="Moves">Each change of state with the county day it happened on.</param>
public sealed record RegisteredCard(string Masked, string Bank, CardState State, CustodianKind Custodian, IReadOnlyList<(CardState To, DateOnly On)> Moves);

/// <summary>
/// The plan's three-way check (人卡对应、卡账对应、卡实对应): what the verifier found at the door against what the card
/// register says of the same person's cards. Each contradiction names both facts, so the town can see at once which
/// one is wrong:
/// <list type="number">
/// <item>本人已领 (either 已领 outcome) while a card is 库存 or 遗失 in the register.</item>
/// <item>已经去世 with a death date, while a card was issued or activated after that day.</item>
/// <item>本人未领·已经上交 while the register shows no hand-in: the card is issued or activated, with the holder or a
///   custodian, or still in the village's stock.</item>
/// </list>
/// A cancelled card is out of use: only rule 2 (a use after death) still applies to it. A person the register does
/// not know yet contradicts nothing.
/// </summary>
public static class RegisterCheck
{
    public const string Reason = "与社保卡台账不符";

    public static IReadOnlyList<string> Contradictions(Finding f, IReadOnlyList<RegisteredCard> cards)
    {
        var found = new List<string>();
        if (f.Outcome is not { } outcome)
        {
            return found;
        }
        foreach (var card in cards)
        {
            var name = $"{card.Bank}卡 {card.Masked}";
            var live = card.State != CardState.Cancelled;
            if (live && outcome is Outcome.ReceivedInUse or Outcome.ReceivedDeceased && card.State is CardState.InStock or CardState.Lost)
            {
                found.Add($"入户核查为“{outcome.DisplayName()}”,台账中{name}为“{CardLifecycle.DisplayName(card.State)}”。");
            }
            if (outcome.IsDeceased() && f.DeathDate is { } died)
            {
                foreach (var (to, on) in card.Moves.Where(m => m.To is CardState.Issued or CardState.Activated && m.On > died))
                {
                    found.Add($"入户核查为去世(去世时间 {died:yyyy-MM-dd}),台账中{name}于 {on:yyyy-MM-dd} {CardLifecycle.DisplayName(to)}。");
                }
            }
            if (live && outcome == Outcome.NotReceivedHandedIn && NoHandIn(card) is { } where)
            {
                found.Add($"入户核查为“{outcome.DisplayName()}”,台账中{name}{where},未见上交记录。");
            }
        }
        return found;
    }

    private static string? NoHandIn(RegisteredCard card) => card.Custodian switch
    {
        CustodianKind.Holder or CustodianKind.Custodian => $"为“{CardLifecycle.DisplayName(card.State)}”,在持卡人或代管人手中",
        CustodianKind.Village => "仍在村(社区)库存",
        _ => null, // at the town centre or the bank: handed in
    };
}
