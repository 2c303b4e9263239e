namespace SocialCardAudit.Domain.Tasks;

/// <summary>
/// One piece of an uploaded file waiting for or under import, encrypted: the file lives in the database, not on a
/// node's disk, so any node can run the import, and it is deleted when the import ends.
/// </summary>
public sealed class ImportFileChunk : ITenantOwned
{
    /// <summary>Plaintext bytes per chunk: the most a reader holds of the file at once.</summary>
    public const int Size = 1024 * 1024;

    public int TenantId { get; set; }
    public long JobId { get; set; }
    public int Number { get; set; }
    public required byte[] Cipher { get; set; }
}
