using System.Security.Cryptography;

namespace SocialCardAudit.Data.Identity;

/// <summary>One-time passwords for new and reset accounts: shown once, changed at first sign-in.</summary>
public static class TemporaryPassword
{
    private const string Letters = "abcdefghjkmnpqrstuvwxyz"; // no i, l, o: read aloud over the phone without doubt
    private const string Digits = "23456789";

    /// <summary>Ten characters, lowercase letters and digits, always with both (the password policy asks for both).</summary>
    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems((Letters + Digits).AsSpan(), 8).ToList();
        chars.Add(Letters[RandomNumberGenerator.GetInt32(Letters.Length)]);
        chars.Add(Digits[RandomNumberGenerator.GetInt32(Digits.Length)]);
        var result = chars.ToArray();
        RandomNumberGenerator.Shuffle(result.AsSpan());
        return new string(result);
    }
}
