namespace SocialCardAudit.Domain.Archive;

/// <summary>What a campaign leaves to archive, each kind filed under a category and business link with its retention.</summary>
public enum MaterialKind
{
    /// <summary>附件2: each village's detail table of the door-to-door check.</summary>
    VerificationDetail = 1,

    /// <summary>附件3: the village's summary, signed.</summary>
    VerificationSummary = 2,

    /// <summary>附件4: the village's classified statistics with its signatures, and the town total.</summary>
    ClassifiedStatistics = 3,

    /// <summary>附件1: the stock cards.</summary>
    StockCards = 4,
    HandoverRegister = 5,
    LostCardRegister = 6,
    CustodyAuthorisation = 7,

    /// <summary>A fraud case file with its recoveries (稽核材料).</summary>
    FraudCase = 8,

    /// <summary>A major fraud case (大案要案), kept permanently.</summary>
    MajorFraudCase = 9,

    /// <summary>The weekly reports as frozen (periodic statistics).</summary>
    WeeklyReport = 10,

    /// <summary>应发尽发: making lists, results and the signed receipts of issue.</summary>
    CardIssuance = 11,
}

/// <summary>Where a kind of material is filed: 类别 code, 业务环节 and 保管期限.</summary>
public sealed record Filing(string Category, string BusinessLink, Retention Retention);

/// <summary>A category (档案类别) of the scheme: its code, as in the file number, and its name.</summary>
public sealed record ArchiveCategory(string Code, string Name);

/// <summary>
/// A county's classification scheme (档案分类方案): the categories with their codes, and where each kind of material
/// is filed. The default follows the social insurance archive rules as the seed (Wuhu) has them, except that the seed
/// gives 生育 the code SY that 失业 already has: a file number must say one category, so the default gives 生育 SYB,
/// and a county sets its own. A scheme whose codes repeat, or that files a material under no category, is refused.
/// </summary>
public sealed record ClassificationScheme(IReadOnlyList<ArchiveCategory> Categories, IReadOnlyDictionary<MaterialKind, Filing> Filings)
{
    private const string CardManagement = "社会保险卡管理材料";
    private const string Eligibility = "待遇领取资格验证材料";

    public static ClassificationScheme Default { get; } = new(
        [
            new("GL", "社会保险管理类"), new("ZJ", "社会保险费征缴类"), new("YL", "养老保险待遇类"), new("YB", "医疗保险待遇类"),
            new("SY", "失业保险待遇类"), new("GS", "工伤保险待遇类"), new("SYB", "生育保险待遇类"), new("TJ", "社会保险业务统计报表类"),
            new("JH", "社会保险稽核监管类"),
        ],
        new Dictionary<MaterialKind, Filing>
        {
            // 社会保险待遇领取资格验证材料 and 社会保险卡(证、手册)管理材料 (首发、补发、收回): 50 years.
            [MaterialKind.VerificationDetail] = new("GL", Eligibility, Retention.Years50),
            [MaterialKind.VerificationSummary] = new("GL", Eligibility, Retention.Years50),
            [MaterialKind.ClassifiedStatistics] = new("GL", Eligibility, Retention.Years50),
            [MaterialKind.StockCards] = new("GL", CardManagement, Retention.Years50),
            [MaterialKind.HandoverRegister] = new("GL", CardManagement, Retention.Years50),
            [MaterialKind.LostCardRegister] = new("GL", CardManagement, Retention.Years50),
            [MaterialKind.CustodyAuthorisation] = new("GL", CardManagement, Retention.Years50),
            [MaterialKind.CardIssuance] = new("GL", CardManagement, Retention.Years50),
            // 社会保险稽核材料: 30 years; 大案、要案、特殊案件: permanent.
            [MaterialKind.FraudCase] = new("JH", "社会保险稽核材料", Retention.Years30),
            [MaterialKind.MajorFraudCase] = new("JH", "大案要案稽核材料", Retention.Permanent),
            // 业务月/季统计报表: 10 years (the annual ones are permanent).
            [MaterialKind.WeeklyReport] = new("TJ", "社会保险业务统计报表", Retention.Years10),
        });

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var code in Categories.GroupBy(c => c.Code.Trim().ToUpperInvariant()).Where(g => g.Count() > 1))
        {
            problems.Add($"类别代码“{code.Key}”重复({string.Join("、", code.Select(c => c.Name))}):档号须能区分类别,请为其中之一另定代码。");
        }
        foreach (var c in Categories.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Code, "^[A-Z]{1,4}$")))
        {
            problems.Add($"类别代码“{c.Code}”应为 1–4 个大写字母。");
        }
        foreach (var kind in Enum.GetValues<MaterialKind>())
        {
            if (!Filings.TryGetValue(kind, out var f))
            {
                problems.Add($"未规定“{DisplayName(kind)}”的归档类别和保管期限。");
            }
            else if (Categories.All(c => c.Code != f.Category))
            {
                problems.Add($"“{DisplayName(kind)}”归入的类别“{f.Category}”不在分类方案中。");
            }
            else if (string.IsNullOrWhiteSpace(f.BusinessLink) || f.BusinessLink.Contains('-', StringComparison.Ordinal))
            {
                problems.Add($"“{DisplayName(kind)}”的业务环节不能为空,也不能含“-”(档号以“-”分段)。");
            }
        }
        return problems;
    }

    public ClassificationScheme Checked() => Problems() is { Count: > 0 } p ? throw new DomainException(string.Join(" ", p)) : this;

    public Filing For(MaterialKind kind) => Filings[kind];

    public static string DisplayName(MaterialKind kind) => kind switch
    {
        MaterialKind.VerificationDetail => "核查明细表(附件2)",
        MaterialKind.VerificationSummary => "核查情况汇总表(附件3)",
        MaterialKind.ClassifiedStatistics => "核查情况分类统计表(附件4)",
        MaterialKind.StockCards => "库存卡清理汇总表(附件1)",
        MaterialKind.HandoverRegister => "社保卡移交登记",
        MaterialKind.LostCardRegister => "遗失卡登记",
        MaterialKind.CustodyAuthorisation => "代管授权",
        MaterialKind.FraudCase => "冒领案件材料",
        MaterialKind.MajorFraudCase => "大案要案材料",
        MaterialKind.WeeklyReport => "周督查通报",
        MaterialKind.CardIssuance => "应发尽发制卡发放材料",
        _ => kind.ToString(),
    };
}
