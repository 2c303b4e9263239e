using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Domain.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("19912345678")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0730-8123456")]
    [InlineData("07308123456")]
    [InlineData("010-12345678")]
    [InlineData("0730-8123456-801")]
    public void Mainland_mobiles_and_landlines_are_valid(string phone) => Assert.True(PhoneNumber.IsValid(phone));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345678901")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("8123456")]
    [InlineData("0730-81234")]
    [InlineData("电话13800138000")]
    public void Other_forms_are_invalid(string? phone) => Assert.False(PhoneNumber.IsValid(phone));

    [Fact]
    public void Normalizing_drops_spaces_and_the_country_code() =>
        Assert.Equal("13800138000", PhoneNumber.Normalize(" +86 138 0013 8000 "));
}
