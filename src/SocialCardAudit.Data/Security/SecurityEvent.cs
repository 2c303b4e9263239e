namespace SocialCardAudit.Data.Security;

public enum SecurityEventKind
{
    SignIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignOut = 4,
    AccessDenied = 5,
    AccountChanged = 6,
    OrgUnitChanged = 7,
    PersonalDataViewed = 8,
    PersonalDataExported = 9,
    TaskDataImported = 10,
    SignedOff = 11,
    TwoFactorChanged = 12,
    AuditExported = 13,
}

/// <summary>
/// Who did what, when and from where: sign-ins, failures, denials, account changes, reveals, exports, signatures.
/// Written once and never changed or deleted by the product; linked by hash into its county's <see cref="AuditChain"/>.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

    /// <summary>The chain: the tenant, or 0 for attempts on no account.</summary>
    public int Chain { get; set; }

    /// <summary>1, 2, 3 … within the chain; records from before the chain existed have none (0 or less).</summary>
    public long Sequence { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>Null when the login name matched no account: such events are kept but belong to no county.</summary>
    public int? TenantId { get; set; }
    public DateTime AtUtc { get; set; } = DateTime.UtcNow;
    public SecurityEventKind Kind { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? RemoteIp { get; set; }
    public string? Path { get; set; }
    public string? Detail { get; set; }

    public static string DisplayName(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignIn => "登录成功",
        SecurityEventKind.SignInFailed => "登录失败",
        SecurityEventKind.LockedOut => "账号锁定",
        SecurityEventKind.SignOut => "退出登录",
        SecurityEventKind.AccessDenied => "拒绝访问",
        SecurityEventKind.AccountChanged => "账号变更",
        SecurityEventKind.OrgUnitChanged => "单位变更",
        SecurityEventKind.PersonalDataViewed => "查看完整个人信息",
        SecurityEventKind.PersonalDataExported => "导出个人信息",
        SecurityEventKind.TaskDataImported => "导入清查任务数据",
        SecurityEventKind.SignedOff => "签字、退回、重新打开",
        SecurityEventKind.TwoFactorChanged => "双因素认证变更",
        SecurityEventKind.AuditExported => "导出安全日志",
        _ => kind.ToString(),
    };
}
