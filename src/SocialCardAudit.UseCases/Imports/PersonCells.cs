using SocialCardAudit.Documents;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.UseCases.Imports;

/// <summary>
/// A row's person as the importers check it: the name, the ID number and (unless the list has none, as a comparison
/// list of people without a card) the bank card number, with the
/// digit-loss rule (<see cref="DigitLoss"/>) in front of the number checks, so a number Excel cut is refused as
/// cut, never as a wrong check digit. <see cref="CutShaped"/> names the columns to decide once the file is read.
/// </summary>
public sealed record PersonCells(string? Name, IdNumberCheck Id, BankCardCheck? Card, IReadOnlyList<TaskColumn> CutShaped, List<string> Flags)
{
    public static PersonCells Check(SourceRow row, DigitLoss digits, DateOnly today, List<CellError> errors, bool withCard = true)
    {
        var (name, nameError) = PersonName.Check(row.Get(TaskColumn.Name));
        if (nameError is not null)
        {
            errors.Add(new(TaskColumn.Name, nameError));
        }
        var flags = new List<string>();
        var cut = new List<TaskColumn>();

        var idText = row.Get(TaskColumn.IdNumber);
        var id = IdNumber.Check(idText, today);
        if (!Verdict(row, digits, TaskColumn.IdNumber, IdNumber.Normalize(idText), id.IsValid, errors, cut))
        {
            // damaged: refused as cut, whatever its check says
        }
        else if (!id.IsValid)
        {
            errors.Add(new(TaskColumn.IdNumber, id.Error!));
        }
        else if (id.ConvertedFrom15)
        {
            flags.Add("15 位旧身份证号码已转换为 18 位,请入户核对");
        }

        if (!withCard)
        {
            return new PersonCells(name, id, null, cut, flags);
        }
        var cardText = row.Get(TaskColumn.BankCard);
        var card = BankCardNumber.Check(cardText);
        if (!Verdict(row, digits, TaskColumn.BankCard, BankCardNumber.Normalize(cardText), card.IsValid && card.Warning is null, errors, cut))
        {
            // damaged, as above
        }
        else if (!card.IsValid)
        {
            errors.Add(new(TaskColumn.BankCard, card.Error!));
        }
        else if (card.Warning is not null)
        {
            flags.Add(card.Warning.TrimEnd('。'));
        }
        return new PersonCells(name, id, card, cut, flags);
    }

    /// <summary>False when the number is damaged (its error is added); true when its own check decides.</summary>
    private static bool Verdict(SourceRow row, DigitLoss digits, TaskColumn column, string normalized, bool passes, List<CellError> errors, List<TaskColumn> cut)
    {
        switch (digits.Inspect(row, column, normalized, passes))
        {
            case DigitLoss.Verdict.Damaged:
                errors.Add(new(column, DigitLoss.DamagedMessage(column)));
                return false;
            case DigitLoss.Verdict.CutShaped:
                cut.Add(column);
                return true;
            default:
                return true;
        }
    }
}
