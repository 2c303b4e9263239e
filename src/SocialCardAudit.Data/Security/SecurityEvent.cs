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
}

/// <summary>Who did what, when and from where: sign-ins, failures, denials, account changes.</summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

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
        _ => kind.ToString(),
    };
}
