namespace SocialCardAudit.Web.Infrastructure;

/// <summary>Who did something, as pages name them: the account's real name, never an internal id.</summary>
public static class PersonNames
{
    public static string Of(IReadOnlyDictionary<string, string> names, string? id) => id switch
    {
        null => "",
        _ when names.TryGetValue(id, out var name) => name,
        "seed" or "cli" or "system" => "系统导入", // the demo data, the command line and jobs act without an account
        _ => "已删除的账号",
    };
}
