using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using SocialCardAudit.Data.Protection;

namespace SocialCardAudit.Web.Tests;

public sealed class PersonalDataProtectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Values_round_trip_and_are_bound_to_their_purpose()
    {
        var p = new PersonalDataProtector(PersonalDataKeys.Development);
        var blob = p.Protect("43092119800101123X", Purposes.IdNumber);
        Assert.Equal("43092119800101123X", p.Unprotect(blob, Purposes.IdNumber));
        Assert.ThrowsAny<CryptographicException>(() => p.Unprotect(blob, Purposes.BankCard));
        blob[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => p.Unprotect(blob, Purposes.IdNumber)); // authenticated: tampering is detected
    }

    [Fact]
    public void The_same_number_encrypts_differently_each_time_but_hashes_the_same()
    {
        var p = new PersonalDataProtector(PersonalDataKeys.Development);
        Assert.NotEqual(p.Protect("6228480402564890018", Purposes.BankCard), p.Protect("6228480402564890018", Purposes.BankCard));
        Assert.Equal(p.Hash("6228480402564890018", Purposes.BankCard), p.Hash("6228480402564890018", Purposes.BankCard));
        Assert.NotEqual(p.Hash("6228480402564890018", Purposes.BankCard), p.Hash("6228480402564890018", Purposes.IdNumber));
    }

    [Fact]
    public void After_a_key_rotation_old_values_still_read_and_new_ones_use_the_new_key()
    {
        var (k1, k2, index) = (Key(), Key(), Key());
        var before = new PersonalDataProtector(PersonalDataKeys.FromConfiguration(
            Config(("PersonalData:ActiveKeyId", "1"), ("PersonalData:Keys:1", k1), ("PersonalData:IndexKey", index)), false));
        var old = before.Protect("11010519491231002X", Purposes.IdNumber);

        var after = new PersonalDataProtector(PersonalDataKeys.FromConfiguration(
            Config(("PersonalData:ActiveKeyId", "2"), ("PersonalData:Keys:1", k1), ("PersonalData:Keys:2", k2), ("PersonalData:IndexKey", index)), false));
        Assert.Equal("11010519491231002X", after.Unprotect(old, Purposes.IdNumber));
        Assert.Equal(1, PersonalDataProtector.KeyIdOf(old));
        Assert.Equal(2, PersonalDataProtector.KeyIdOf(after.Protect("11010519491231002X", Purposes.IdNumber)));
        Assert.Equal(before.Hash("11010519491231002X", Purposes.IdNumber), after.Hash("11010519491231002X", Purposes.IdNumber));
    }

    [Fact]
    public void Missing_or_malformed_keys_stop_the_start_with_a_clear_message()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => PersonalDataKeys.FromConfiguration(Config(), allowDevelopmentKeys: false));
        Assert.Contains("PersonalData:Keys", missing.Message, StringComparison.Ordinal);
        Assert.Same(PersonalDataKeys.Development, PersonalDataKeys.FromConfiguration(Config(), allowDevelopmentKeys: true));
        var shortKey = Assert.Throws<InvalidOperationException>(() => PersonalDataKeys.FromConfiguration(
            Config(("PersonalData:Keys:1", Convert.ToBase64String(new byte[16])), ("PersonalData:IndexKey", Key())), false));
        Assert.Contains("32 bytes", shortKey.Message, StringComparison.Ordinal);
    }
}
