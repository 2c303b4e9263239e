using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Domain.Tests;

/// <summary>Vectors computed independently (GB 11643's own examples among them), not by the code under test.</summary>
public sealed class PersonalNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's example
    [InlineData("11010519491231002x")] // lower-case x
    [InlineData("440524188001010014")] // the standard's example, born 1880: valid when checked as of 1990
    [InlineData("430921198001011236")]
    [InlineData("４３０９２１１９８００１０１１２３６")] // full-width digits
    [InlineData(" 430921 19800101 1236 ")]
    public void Valid_numbers_pass_and_are_normalized(string raw)
    {
        var check = IdNumber.Check(raw, raw.StartsWith("44052418", StringComparison.Ordinal) ? new DateOnly(1990, 1, 1) : Today);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(18, check.Value!.Length);
        Assert.DoesNotContain('x', check.Value);
        Assert.False(check.ConvertedFrom15);
    }

    [Fact]
    public void A_check_character_error_never_says_which_character_would_fit()
    {
        var error = IdNumber.Check("430921198001011235", Today).Error!;
        Assert.DoesNotContain(error, char.IsAsciiDigit); // no character to type in, so a damaged number is copied again, not patched
    }

    [Fact]
    public void The_birth_date_is_read_from_the_number()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.Check("11010519491231002X", Today).BirthDate);
    }

    [Theory]
    [InlineData("430921198001011235", "校验位错误", "重新抄录整个号码")]
    [InlineData("11010519491231002", "应为 18 位", "17 位")]
    [InlineData("4309211980010112361", "应为 18 位", "19 位")]
    [InlineData("43092119800101123A", "最后一位为数字或 X", null)]
    [InlineData("4309211980A101123X", "前 17 位应为数字", null)]
    [InlineData("430921198002301231", "不是有效日期", "19800230")]
    [InlineData("430921203001011233", "晚于今天", null)]
    [InlineData("440524188001010014", "超过 120 岁", null)]
    [InlineData("990921198001011230", "省级行政区划代码", null)]
    [InlineData("", "不能为空", null)]
    [InlineData("4.30921E+17", "科学计数法", null)]
    public void Invalid_numbers_are_rejected_with_the_reason(string raw, string reason, string? detail)
    {
        var check = IdNumber.Check(raw, Today);
        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
        if (detail is not null)
        {
            Assert.Contains(detail, check.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_fifteen_digit_number_is_converted_to_eighteen()
    {
        var check = IdNumber.Check("430621580308002", Today);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal("430621195803080022", check.Value);
        Assert.True(check.ConvertedFrom15);
    }

    [Theory]
    [InlineData("430621581308002", "19581308")] // month 13
    [InlineData("43062158030800X", "应全为数字")]
    [InlineData("990621580308002", "无法转换")]
    public void A_fifteen_digit_number_that_cannot_be_converted_says_why(string raw, string reason)
    {
        var check = IdNumber.Check(raw, Today);
        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
        Assert.Contains("15 位", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6228480402564890018", null)]
    [InlineData("6228 4804 0256 4890 018", null)]
    [InlineData("6217002870003581234", "校验位不符")]
    public void Bank_cards_of_16_to_19_digits_pass_and_a_Luhn_failure_is_only_a_warning(string raw, string? warning)
    {
        var check = BankCardNumber.Check(raw);
        Assert.True(check.IsValid, check.Error);
        Assert.Equal(19, check.Value!.Length);
        if (warning is null)
        {
            Assert.Null(check.Warning);
        }
        else
        {
            Assert.Contains(warning, check.Warning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("622848040256489", "16–19 位")]
    [InlineData("62284804025648900181", "16–19 位")]
    [InlineData("6228-4804-0256-4890-01A", "只能包含数字")]
    [InlineData("6.22848E+18", "科学计数法")]
    [InlineData("", "不能为空")]
    public void Bad_bank_card_numbers_are_rejected(string raw, string reason)
    {
        var check = BankCardNumber.Check(raw);
        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王小明", "王小明")]
    [InlineData(" 买买提·吐尔逊 ", "买买提·吐尔逊")]
    [InlineData("阿依古丽•艾买提", "阿依古丽·艾买提")]
    [InlineData("欧阳.娜娜", "欧阳·娜娜")]
    [InlineData("王\u3000芳", "王芳")]
    [InlineData("王 芳", "王芳")]
    [InlineData("王\u00A0\u00A0芳", "王芳")]
    [InlineData("李\t 建 国", "李建国")]
    [InlineData("JOHN   SMITH", "JOHN SMITH")]
    public void Names_are_trimmed_and_middle_dots_unified(string raw, string expected) =>
        Assert.Equal(expected, PersonName.Check(raw).Value);

    [Theory]
    [InlineData("")]
    [InlineData("张3")]
    [InlineData("·张三")]
    [InlineData("王?")]
    [InlineData("王\uFFFD")]
    [InlineData("？芳")]
    public void Bad_names_are_rejected(string raw) => Assert.NotNull(PersonName.Check(raw).Error);

    [Fact]
    public void A_name_that_lost_a_character_says_the_file_lost_it()
    {
        Assert.Contains("生僻字", PersonName.Check("王?").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("430921198001011000", true)]
    [InlineData("6217990000007000000", true)]
    [InlineData("6217990000007000001", false)]
    [InlineData("6217990000007120", true)]
    [InlineData("430921198001011001", false)]
    [InlineData("43092119800101100X", false)]
    [InlineData("430921800101100", false)] // 15 digits: a number cell holds it whole
    public void The_shape_Excel_leaves_is_zeros_after_the_fifteenth_digit(string digits, bool cut) =>
        Assert.Equal(cut, ExcelDigits.HasCutShape(digits));

    [Fact]
    public void Numbers_are_masked_as_the_screens_show_them()
    {
        Assert.Equal("430921********123X", Mask.IdNumber("43092119800101123X"));
        Assert.Equal("6228 **** **** 0018", Mask.BankCard("6228480402564890018"));
    }
}
