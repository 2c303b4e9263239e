namespace SocialCardAudit.Domain.People;

/// <summary>How personal numbers appear on screen for roles that do not need them in full.</summary>
public static class Mask
{
    /// <summary>430921********123X: region kept (it says where), birth date and sequence hidden.</summary>
    public static string IdNumber(string id) =>
        id.Length < 10 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));

    /// <summary>6228 **** **** 1234: the bank's prefix and the last four, as printed on receipts.</summary>
    public static string BankCard(string card) =>
        card.Length < 8 ? new string('*', card.Length) : $"{card[..4]} **** **** {card[^4..]}";
}
