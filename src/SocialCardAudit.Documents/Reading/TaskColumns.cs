using System.Text;

namespace SocialCardAudit.Documents;

/// <summary>The columns of the task data, as the seed's tables name them (附件2/附件3).</summary>
public enum TaskColumn
{
    Number,
    Name,
    IdNumber,
    BankCard,
    Address,
    Phone,
    ResidentGroup,
    Village,

    /// <summary>Needed only in a county campaign's file where two towns have villages of the same name.</summary>
    Town,

    // Card-register exports only.
    Bank,

    /// <summary>社会保障卡卡号: the nine-character number of the card itself, not its bank account.</summary>
    SocialCardNumber,
    CardState,
    Custody,

    // Issuance (应发尽发) lists only: the comparison list, and the bank's making results.
    /// <summary>比对结果: 已制卡, 制卡失败 or 无制卡信息; when the list has none, the card register decides.</summary>
    Comparison,

    /// <summary>The reason given with a failed making, in the comparison list or the bank's results.</summary>
    FailureReason,

    /// <summary>集体申领: the employer or school applying for its people.</summary>
    ApplyingUnit,

    /// <summary>制卡结果 in the bank's results file: 成功 or 失败.</summary>
    MakingResult,
}

public static class TaskColumns
{
    public static readonly IReadOnlyList<TaskColumn> Required = [TaskColumn.Name, TaskColumn.IdNumber, TaskColumn.BankCard, TaskColumn.Village];

    public static string DisplayName(TaskColumn c) => c switch
    {
        TaskColumn.Number => "序号",
        TaskColumn.Name => "姓名",
        TaskColumn.IdNumber => "身份证号码",
        TaskColumn.BankCard => "社保卡银行卡号",
        TaskColumn.Address => "户口地址",
        TaskColumn.Phone => "联系电话",
        TaskColumn.ResidentGroup => "居民小组",
        TaskColumn.Village => "村(社区)",
        TaskColumn.Town => "乡镇(街道)",
        TaskColumn.Bank => "合作银行",
        TaskColumn.SocialCardNumber => "社保卡号",
        TaskColumn.CardState => "卡片状态",
        TaskColumn.Custody => "存放地点",
        TaskColumn.Comparison => "比对结果",
        TaskColumn.FailureReason => "失败原因",
        TaskColumn.ApplyingUnit => "申领单位",
        TaskColumn.MakingResult => "制卡结果",
        _ => c.ToString(),
    };

    // Headers seen in card-system and bank exports, after normalization (half-width, no spaces or marks).
    private static readonly Dictionary<string, TaskColumn> Known = new(StringComparer.Ordinal)
    {
        ["序号"] = TaskColumn.Number, ["编号"] = TaskColumn.Number, ["NO"] = TaskColumn.Number, ["NO."] = TaskColumn.Number,
        ["姓名"] = TaskColumn.Name, ["持卡人"] = TaskColumn.Name, ["持卡人姓名"] = TaskColumn.Name, ["名字"] = TaskColumn.Name,
        ["人员姓名"] = TaskColumn.Name, ["参保人姓名"] = TaskColumn.Name, ["客户姓名"] = TaskColumn.Name,
        ["身份证号码"] = TaskColumn.IdNumber, ["身份证号"] = TaskColumn.IdNumber, ["身份证"] = TaskColumn.IdNumber,
        ["公民身份号码"] = TaskColumn.IdNumber, ["证件号码"] = TaskColumn.IdNumber, ["社会保障号码"] = TaskColumn.IdNumber,
        ["公民身份证号码"] = TaskColumn.IdNumber, ["公民身份证号"] = TaskColumn.IdNumber, ["身份证件号码"] = TaskColumn.IdNumber,
        ["证件号"] = TaskColumn.IdNumber, ["持卡人身份证号"] = TaskColumn.IdNumber, ["持卡人身份证号码"] = TaskColumn.IdNumber,
        ["身份证号码/社会保障号码"] = TaskColumn.IdNumber,
        ["社保卡银行卡号"] = TaskColumn.BankCard, ["社会保障卡银行卡号"] = TaskColumn.BankCard, ["银行卡号"] = TaskColumn.BankCard,
        ["卡号"] = TaskColumn.BankCard, ["银行卡账号"] = TaskColumn.BankCard, ["社保卡金融账号"] = TaskColumn.BankCard,
        ["社保卡银行账号"] = TaskColumn.BankCard, ["社会保障卡银行账号"] = TaskColumn.BankCard, ["社保卡账号"] = TaskColumn.BankCard,
        ["金融账户"] = TaskColumn.BankCard, ["银行账户"] = TaskColumn.BankCard, ["账号"] = TaskColumn.BankCard,
        ["社保卡号"] = TaskColumn.SocialCardNumber, ["社会保障卡号"] = TaskColumn.SocialCardNumber,
        ["社会保障卡卡号"] = TaskColumn.SocialCardNumber, ["社保卡卡号"] = TaskColumn.SocialCardNumber, ["金融账号"] = TaskColumn.BankCard, ["银行账号"] = TaskColumn.BankCard,
        ["户口地址"] = TaskColumn.Address, ["户籍地址"] = TaskColumn.Address, ["地址"] = TaskColumn.Address,
        ["住址"] = TaskColumn.Address, ["家庭住址"] = TaskColumn.Address, ["家庭地址"] = TaskColumn.Address,
        ["联系电话"] = TaskColumn.Phone, ["电话"] = TaskColumn.Phone, ["手机"] = TaskColumn.Phone, ["手机号"] = TaskColumn.Phone,
        ["手机号码"] = TaskColumn.Phone, ["联系方式"] = TaskColumn.Phone, ["电话号码"] = TaskColumn.Phone,
        ["居民小组"] = TaskColumn.ResidentGroup, ["村民小组"] = TaskColumn.ResidentGroup, ["小组"] = TaskColumn.ResidentGroup, ["组"] = TaskColumn.ResidentGroup,
        ["村(社区)"] = TaskColumn.Village, ["村/社区"] = TaskColumn.Village, ["村社区"] = TaskColumn.Village, ["村"] = TaskColumn.Village,
        ["社区"] = TaskColumn.Village, ["所属村"] = TaskColumn.Village, ["村名"] = TaskColumn.Village, ["所属村(社区)"] = TaskColumn.Village,
        ["村(居)"] = TaskColumn.Village, ["村居"] = TaskColumn.Village,
        ["乡镇(街道)"] = TaskColumn.Town, ["乡镇"] = TaskColumn.Town, ["镇(街道)"] = TaskColumn.Town, ["乡镇街道"] = TaskColumn.Town,
        ["镇"] = TaskColumn.Town, ["街道"] = TaskColumn.Town, ["所属乡镇"] = TaskColumn.Town, ["乡镇名称"] = TaskColumn.Town,
        ["合作银行"] = TaskColumn.Bank, ["银行"] = TaskColumn.Bank, ["发卡银行"] = TaskColumn.Bank, ["开户银行"] = TaskColumn.Bank, ["开户行"] = TaskColumn.Bank,
        ["卡片状态"] = TaskColumn.CardState, ["卡状态"] = TaskColumn.CardState, ["状态"] = TaskColumn.CardState,
        ["存放地点"] = TaskColumn.Custody, ["存放单位"] = TaskColumn.Custody, ["保管单位"] = TaskColumn.Custody,
        ["比对结果"] = TaskColumn.Comparison, ["比对情况"] = TaskColumn.Comparison, ["制卡情况"] = TaskColumn.Comparison,
        ["比对类别"] = TaskColumn.Comparison, ["制卡状态"] = TaskColumn.Comparison,
        ["失败原因"] = TaskColumn.FailureReason, ["制卡失败原因"] = TaskColumn.FailureReason, ["未制卡原因"] = TaskColumn.FailureReason,
        ["申领单位"] = TaskColumn.ApplyingUnit, ["工作单位"] = TaskColumn.ApplyingUnit, ["单位名称"] = TaskColumn.ApplyingUnit,
        ["学校"] = TaskColumn.ApplyingUnit, ["学校名称"] = TaskColumn.ApplyingUnit, ["集体申领单位"] = TaskColumn.ApplyingUnit,
        ["制卡结果"] = TaskColumn.MakingResult, ["制卡是否成功"] = TaskColumn.MakingResult,
    };

    /// <summary>
    /// 社保卡号 and 银行卡号 are different numbers. A file with both keeps each in its own field; a file with only
    /// 社保卡号 uses it as the bank card number, as clerks often call it (a nine-character value there is refused).
    /// </summary>
    public static void SettleCardColumns(Dictionary<int, TaskColumn> columns)
    {
        if (!columns.ContainsValue(TaskColumn.BankCard) && columns.FirstOrDefault(c => c.Value == TaskColumn.SocialCardNumber) is { Value: TaskColumn.SocialCardNumber } only)
        {
            columns[only.Key] = TaskColumn.BankCard;
        }
    }

    public static TaskColumn? Recognize(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var h = new string(header.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not ('*' or ':' or '※')).ToArray())
            .ToUpperInvariant();
        if (Known.TryGetValue(h, out var column))
        {
            return column;
        }
        // A note in brackets after the name: 身份证号码(必填), 银行卡号(19位), 姓名[户主].
        var bracket = h.IndexOfAny(['(', '[', '<', '【', '〔']);
        return bracket > 0 && Known.TryGetValue(h[..bracket], out column) ? column : null;
    }
}
