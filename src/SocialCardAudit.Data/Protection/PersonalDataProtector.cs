using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace SocialCardAudit.Data.Protection;

/// <summary>
/// Keys for personal data at rest: AES-256 keys by id (the active one encrypts, all decrypt, so keys
/// rotate without re-encrypting at once) and one HMAC key for the blind index.
/// Configuration: <c>PersonalData:ActiveKeyId</c>, <c>PersonalData:Keys:{id}</c> (base64, 32 bytes),
/// <c>PersonalData:IndexKey</c> (base64, 32 bytes).
/// </summary>
public sealed class PersonalDataKeys
{
    public required ushort ActiveKeyId { get; init; }
    public required IReadOnlyDictionary<ushort, byte[]> Keys { get; init; }
    public required byte[] IndexKey { get; init; }

    /// <summary>Fixed keys for demo and test databases only. Never for real data: they are public.</summary>
    public static PersonalDataKeys Development { get; } = new()
    {
        ActiveKeyId = 1,
        Keys = new Dictionary<ushort, byte[]> { [1] = SHA256.HashData("SocialCardAudit development key 1"u8) },
        IndexKey = SHA256.HashData("SocialCardAudit development index key"u8),
    };

    /// <returns>The configured keys; the development keys when none are configured and that is allowed; else an error.</returns>
    public static PersonalDataKeys FromConfiguration(IConfiguration configuration, bool allowDevelopmentKeys)
    {
        var section = configuration.GetSection("PersonalData");
        var keys = section.GetSection("Keys").GetChildren()
            .ToDictionary(k => ushort.Parse(k.Key, CultureInfo.InvariantCulture), k => Key(k.Value, $"PersonalData:Keys:{k.Key}"));
        if (keys.Count == 0)
        {
            return allowDevelopmentKeys
                ? Development
                : throw new InvalidOperationException(
                    "未配置个人信息加密密钥(PersonalData:Keys),身份证号码和银行卡号无法加密保存。见 docs/operations.md。");
        }
        var active = ushort.Parse(section["ActiveKeyId"] ?? keys.Keys.Max().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (!keys.ContainsKey(active))
        {
            throw new InvalidOperationException($"PersonalData:ActiveKeyId {active} has no key in PersonalData:Keys.");
        }
        return new PersonalDataKeys { ActiveKeyId = active, Keys = keys, IndexKey = Key(section["IndexKey"], "PersonalData:IndexKey") };
    }

    private static byte[] Key(string? base64, string name)
    {
        var bytes = string.IsNullOrEmpty(base64) ? [] : Convert.FromBase64String(base64);
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{name} must be 32 bytes, base64-encoded.");
    }
}

/// <summary>
/// Encrypts personal numbers (AES-256-GCM, authenticated, bound to their purpose) and computes their blind
/// index (HMAC-SHA256) for exact search and duplicate checks without decrypting.
/// Stored form: key id (2 bytes) | nonce (12) | ciphertext | tag (16).
/// </summary>
public sealed class PersonalDataProtector(PersonalDataKeys keys)
{
    // An AesGcm holds native state and is not for concurrent use: one per key and thread, made once.
    private readonly ThreadLocal<Dictionary<ushort, AesGcm>> _ciphers = new(() => []);

    private AesGcm Cipher(ushort keyId, byte[] key)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(keyId, out var aes))
        {
            ciphers[keyId] = aes = new AesGcm(key, TagSize);
        }
        return aes;
    }

    private const int NonceSize = 12;
    private const int TagSize = 16;
    public const int HashSize = 16;

    public byte[] Protect(string plaintext, string purpose) => Protect(Encoding.UTF8.GetBytes(plaintext), purpose);

    public byte[] Protect(ReadOnlySpan<byte> plain, string purpose)
    {
        var blob = new byte[2 + NonceSize + plain.Length + TagSize];
        BinaryPrimitives.WriteUInt16BigEndian(blob, keys.ActiveKeyId);
        var nonce = blob.AsSpan(2, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Cipher(keys.ActiveKeyId, keys.Keys[keys.ActiveKeyId]).Encrypt(nonce, plain, blob.AsSpan(2 + NonceSize, plain.Length), blob.AsSpan(blob.Length - TagSize), Encoding.UTF8.GetBytes(purpose));
        return blob;
    }

    public string Unprotect(byte[] blob, string purpose) => Encoding.UTF8.GetString(UnprotectBytes(blob, purpose));

    public byte[] UnprotectBytes(byte[] blob, string purpose)
    {
        var keyId = BinaryPrimitives.ReadUInt16BigEndian(blob);
        if (!keys.Keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Personal data key {keyId} is not configured.");
        }
        var plain = new byte[blob.Length - 2 - NonceSize - TagSize];
        Cipher(keyId, key).Decrypt(blob.AsSpan(2, NonceSize), blob.AsSpan(2 + NonceSize, plain.Length), blob.AsSpan(blob.Length - TagSize), plain, Encoding.UTF8.GetBytes(purpose));
        return plain;
    }

    /// <summary>The key id a stored value was encrypted with (for rotation).</summary>
    public static ushort KeyIdOf(byte[] blob) => BinaryPrimitives.ReadUInt16BigEndian(blob);

    public byte[] Hash(string normalized, string purpose)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(keys.IndexKey, Encoding.UTF8.GetBytes(purpose + "\n" + normalized), mac);
        return mac[..HashSize].ToArray();
    }
}

/// <summary>The purposes personal data is encrypted for: a value encrypted for one cannot be read as another.</summary>
public static class Purposes
{
    public const string IdNumber = "id-number";
    public const string BankCard = "bank-card";
    public const string ErrorReport = "import-error-report";
    public const string Attachment = "finding-attachment";
}
