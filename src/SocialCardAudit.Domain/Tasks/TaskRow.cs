namespace SocialCardAudit.Domain.Tasks;

/// <summary>
/// One cardholder of the task data (清查任务数据). ID and bank card numbers are held only encrypted, with a
/// keyed hash for exact matching and a masked form for screens; the plaintext never reaches the database.
/// </summary>
public sealed class TaskRow : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }
    public int? ResidentGroupId { get; set; }
    public long ImportId { get; set; }

    /// <summary>序号 in the source file, when it had one.</summary>
    public int? SourceNumber { get; set; }
    public string Name { get; set; } = "";
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";
    public byte[]? BankCardCipher { get; set; }
    public string? BankCardMasked { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }

    /// <summary>Doubts found on import (bad card check digit, odd phone), for the verifier to check at the door.</summary>
    public string? ImportFlags { get; set; }

    public string? VerifierId { get; set; }
    public DateTime? AssignedAtUtc { get; set; }

    /// <summary>Gives the row to a verifier (or takes it back with null). The caller records the history.</summary>
    public void AssignTo(string? verifierId, DateTime nowUtc)
    {
        VerifierId = verifierId;
        AssignedAtUtc = verifierId is null ? null : nowUtc;
    }
}

/// <summary>One assignment or reassignment of a task row: who gave it to whom, when.</summary>
public sealed class TaskAssignment : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long TaskRowId { get; set; }
    public string? FromVerifierId { get; set; }
    public string? ToVerifierId { get; set; }
    public required string ByUserId { get; set; }
    public DateTime AtUtc { get; set; }
}
