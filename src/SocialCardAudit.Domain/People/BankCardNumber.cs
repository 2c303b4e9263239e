namespace SocialCardAudit.Domain.People;

/// <summary>The outcome of checking a social security bank card number.</summary>
public sealed record BankCardCheck(string? Value, string? Error, string? Warning)
{
    public bool IsValid => Error is null;
}

/// <summary>Bank card numbers: 16–19 digits. A Luhn failure is not fatal: the card is checked at the door.</summary>
public static class BankCardNumber
{
    public static string Normalize(string? raw) =>
        new((raw ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => c is not (' ' or '-')).ToArray());

    public static BankCardCheck Check(string? raw)
    {
        var s = Normalize(raw);
        if (s.Length == 0)
        {
            return new(null, "社保卡银行卡号不能为空。", null);
        }
        if (SocialCardNumber.LooksLike(s))
        {
            return new(null, "这是 9 位的社会保障卡卡号,不是银行卡号:请在文件中提供“社保卡银行卡号”(银行账号)列。", null);
        }
        if (s.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return new(null, s.Contains('E', StringComparison.OrdinalIgnoreCase)
                ? "银行卡号被 Excel 存成了数字(科学计数法),后几位已丢失:请把该列设为“文本”后重新填写。"
                : "银行卡号只能包含数字。", null);
        }
        if (s.Length is < 16 or > 19)
        {
            return new(null, $"银行卡号应为 16–19 位数字,这里是 {s.Length} 位。", null);
        }
        return new(s, null, PassesLuhn(s) ? null : "银行卡号校验位不符,请入户核对卡片。");
    }

    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
