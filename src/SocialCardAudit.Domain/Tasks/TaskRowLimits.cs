namespace SocialCardAudit.Domain.Tasks;

/// <summary>Longest accepted free text in a task row; longer cells are rejected, not cut.</summary>
public static class TaskRowLimits
{
    public const int Address = 200;
    public const int Phone = 30;
    public const int ResidentGroup = 50;
}
