using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace SocialCardAudit.Data.Protection;

/// <summary>The algorithms for personal data at rest: AES-256-GCM (the default) or SM4-GCM (GB/T 32907, for 密评).</summary>
public enum CipherAlgorithm
{
    Aes256Gcm = 0,
    Sm4Gcm = 1,
}

/// <summary>The blind index's keyed hash: HMAC-SHA256 (the default) or HMAC-SM3 (GB/T 32905).</summary>
public enum IndexAlgorithm
{
    HmacSha256 = 0,
    HmacSm3 = 1,
}

/// <summary>
/// Keys for personal data at rest, by id: AES-256 keys (<c>PersonalData:Keys:{id}</c>, 32 bytes) and SM4 keys
/// (<c>PersonalData:Sm4Keys:{id}</c>, 16 bytes), ids unique across both. The active one encrypts, all decrypt, so
/// keys (and the algorithm) change without re-encrypting at once; <c>sca reprotect</c> then moves the old values.
/// One HMAC key for the blind index (<c>PersonalData:IndexKey</c>, 32 bytes) with its algorithm
/// (<c>PersonalData:IndexAlgorithm</c>: HmacSha256 or HmacSm3).
/// </summary>
public sealed class PersonalDataKeys
{
    public required ushort ActiveKeyId { get; init; }
    public required IReadOnlyDictionary<ushort, byte[]> Keys { get; init; }
    public IReadOnlyDictionary<ushort, byte[]> Sm4Keys { get; init; } = new Dictionary<ushort, byte[]>();
    public required byte[] IndexKey { get; init; }
    public IndexAlgorithm IndexAlgorithm { get; init; }

    public CipherAlgorithm ActiveAlgorithm => Sm4Keys.ContainsKey(ActiveKeyId) ? CipherAlgorithm.Sm4Gcm : CipherAlgorithm.Aes256Gcm;

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
        Dictionary<ushort, byte[]> Read(string name, int size) => section.GetSection(name).GetChildren()
            .ToDictionary(k => ushort.Parse(k.Key, CultureInfo.InvariantCulture), k => Key(k.Value, $"PersonalData:{name}:{k.Key}", size));
        var keys = Read("Keys", 32);
        var sm4 = Read("Sm4Keys", 16);
        if (keys.Count + sm4.Count == 0)
        {
            return allowDevelopmentKeys
                ? Development
                : throw new InvalidOperationException(
                    "未配置个人信息加密密钥(PersonalData:Keys),身份证号码和银行卡号无法加密保存。见 docs/operations.md。");
        }
        if (keys.Keys.Intersect(sm4.Keys).Any() || keys.Keys.Concat(sm4.Keys).Any(id => id is 0 or > MaxKeyId))
        {
            throw new InvalidOperationException($"PersonalData key ids must be 1–{MaxKeyId} and unique across Keys and Sm4Keys.");
        }
        var active = ushort.Parse(section["ActiveKeyId"] ?? keys.Keys.Concat(sm4.Keys).Max().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (!keys.ContainsKey(active) && !sm4.ContainsKey(active))
        {
            throw new InvalidOperationException($"PersonalData:ActiveKeyId {active} has no key in PersonalData:Keys or PersonalData:Sm4Keys.");
        }
        var index = section["IndexAlgorithm"] is { Length: > 0 } name
            ? Enum.TryParse<IndexAlgorithm>(name, ignoreCase: true, out var a) ? a : throw new InvalidOperationException($"PersonalData:IndexAlgorithm “{name}” is neither HmacSha256 nor HmacSm3.")
            : IndexAlgorithm.HmacSha256;
        return new PersonalDataKeys
        {
            ActiveKeyId = active, Keys = keys, Sm4Keys = sm4, IndexKey = Key(section["IndexKey"], "PersonalData:IndexKey", 32), IndexAlgorithm = index,
        };
    }

    /// <summary>The stored key id carries the algorithm in its top bit, so the id itself is at most 0x7FFF.</summary>
    public const ushort MaxKeyId = 0x7FFF;

    private static byte[] Key(string? base64, string name, int size)
    {
        var bytes = string.IsNullOrEmpty(base64) ? [] : Convert.FromBase64String(base64);
        return bytes.Length == size ? bytes : throw new InvalidOperationException($"{name} must be {size} bytes, base64-encoded.");
    }
}

/// <summary>
/// Encrypts personal numbers (AES-256-GCM or SM4-GCM, authenticated, bound to their purpose) and computes their
/// blind index (HMAC-SHA256 or HMAC-SM3) for exact search and duplicate checks without decrypting.
/// Stored form: algorithm bit and key id (2 bytes: 0x8000 set for SM4) | nonce (12) | ciphertext | tag (16).
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
    private const ushort Sm4Bit = 0x8000;
    public const int HashSize = 16;

    public PersonalDataKeys Keys => keys;

    public byte[] Protect(string plaintext, string purpose) => Protect(Encoding.UTF8.GetBytes(plaintext), purpose);

    public byte[] Protect(ReadOnlySpan<byte> plain, string purpose)
    {
        var blob = new byte[2 + NonceSize + plain.Length + TagSize];
        var sm4 = keys.ActiveAlgorithm == CipherAlgorithm.Sm4Gcm;
        BinaryPrimitives.WriteUInt16BigEndian(blob, (ushort)(keys.ActiveKeyId | (sm4 ? Sm4Bit : 0)));
        var nonce = blob.AsSpan(2, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        if (sm4)
        {
            var gcm = Sm4(forEncryption: true, keys.Sm4Keys[keys.ActiveKeyId], nonce, purposeBytes);
            var output = new byte[gcm.GetOutputSize(plain.Length)];
            var n = gcm.ProcessBytes(plain.ToArray(), 0, plain.Length, output, 0);
            gcm.DoFinal(output, n);
            output.CopyTo(blob.AsSpan(2 + NonceSize));
        }
        else
        {
            Cipher(keys.ActiveKeyId, keys.Keys[keys.ActiveKeyId]).Encrypt(nonce, plain, blob.AsSpan(2 + NonceSize, plain.Length), blob.AsSpan(blob.Length - TagSize), purposeBytes);
        }
        return blob;
    }

    public string Unprotect(byte[] blob, string purpose) => Encoding.UTF8.GetString(UnprotectBytes(blob, purpose));

    public byte[] UnprotectBytes(byte[] blob, string purpose)
    {
        var (algorithm, keyId) = (AlgorithmOf(blob), KeyIdOf(blob));
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        if (algorithm == CipherAlgorithm.Sm4Gcm)
        {
            var key = keys.Sm4Keys.GetValueOrDefault(keyId) ?? throw new CryptographicException($"SM4 personal data key {keyId} is not configured.");
            var gcm = Sm4(forEncryption: false, key, blob.AsSpan(2, NonceSize), purposeBytes);
            var output = new byte[gcm.GetOutputSize(blob.Length - 2 - NonceSize)];
            try
            {
                var n = gcm.ProcessBytes(blob, 2 + NonceSize, blob.Length - 2 - NonceSize, output, 0);
                gcm.DoFinal(output, n);
            }
            catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
            {
                throw new CryptographicException("The SM4 value failed its authentication (wrong purpose or tampered).", e);
            }
            return output;
        }
        var aesKey = keys.Keys.GetValueOrDefault(keyId) ?? throw new CryptographicException($"Personal data key {keyId} is not configured.");
        var plain = new byte[blob.Length - 2 - NonceSize - TagSize];
        Cipher(keyId, aesKey).Decrypt(blob.AsSpan(2, NonceSize), blob.AsSpan(2 + NonceSize, plain.Length), blob.AsSpan(blob.Length - TagSize), plain, purposeBytes);
        return plain;
    }

    private static Org.BouncyCastle.Crypto.Modes.GcmBlockCipher Sm4(bool forEncryption, byte[] key, ReadOnlySpan<byte> nonce, byte[] associated)
    {
        var gcm = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.SM4Engine());
        gcm.Init(forEncryption, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(
            new Org.BouncyCastle.Crypto.Parameters.KeyParameter(key), TagSize * 8, nonce.ToArray(), associated));
        return gcm;
    }

    /// <summary>The key id a stored value was encrypted with (for rotation).</summary>
    public static ushort KeyIdOf(byte[] blob) => (ushort)(BinaryPrimitives.ReadUInt16BigEndian(blob) & ~Sm4Bit);

    /// <summary>The algorithm a stored value was encrypted with, recorded in the value itself.</summary>
    public static CipherAlgorithm AlgorithmOf(byte[] blob) =>
        (BinaryPrimitives.ReadUInt16BigEndian(blob) & Sm4Bit) != 0 ? CipherAlgorithm.Sm4Gcm : CipherAlgorithm.Aes256Gcm;

    /// <summary>Whether a stored value is already under the active key and algorithm (what re-protecting skips).</summary>
    public bool IsCurrent(byte[] blob) => KeyIdOf(blob) == keys.ActiveKeyId && AlgorithmOf(blob) == keys.ActiveAlgorithm;

    public byte[] Hash(string normalized, string purpose)
    {
        var data = Encoding.UTF8.GetBytes(purpose + "\n" + normalized);
        if (keys.IndexAlgorithm == IndexAlgorithm.HmacSm3)
        {
            var hmac = new Org.BouncyCastle.Crypto.Macs.HMac(new Org.BouncyCastle.Crypto.Digests.SM3Digest());
            hmac.Init(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(keys.IndexKey));
            hmac.BlockUpdate(data, 0, data.Length);
            var sm3 = new byte[hmac.GetMacSize()];
            hmac.DoFinal(sm3, 0);
            return sm3[..HashSize];
        }
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(keys.IndexKey, data, mac);
        return mac[..HashSize].ToArray();
    }
}

/// <summary>The purposes personal data is encrypted for: a value encrypted for one cannot be read as another.</summary>
public static class Purposes
{
    public const string IdNumber = "id-number";
    public const string BankCard = "bank-card";
    public const string ErrorReport = "import-error-report";
    public const string ImportFile = "import-file";
    public const string Attachment = "finding-attachment";
    public const string ArchivedFile = "archived-file";
}
