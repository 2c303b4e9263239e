using SocialCardAudit.Domain.Issuance;

namespace SocialCardAudit.Domain.Campaigns;

/// <summary>What a campaign does: check the cards that exist (专项清查), or card everyone due one (应发尽发).</summary>
public enum CampaignKind
{
    Audit = 1,
    Issuance = 2,
}

/// <summary>
/// An audit campaign (专项清查), e.g. 梅政办发〔2021〕13号, 2021-06-08 … 2021-06-30: a town's over its own
/// villages, or the county's over villages of several towns, each town office then reviewing its own part.
/// </summary>
public sealed class Campaign : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }

    /// <summary>The town that runs it; null for a county campaign (全县), run by the county.</summary>
    public int? TownId { get; private set; }

    /// <summary>Short code for scripts and the CLI, unique in the county, e.g. MTH-2021.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DocumentNumber { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public CampaignKind Kind { get; private set; } = CampaignKind.Audit;
    public DateTime? ClosedAtUtc { get; private set; }
    public List<CampaignVillage> Villages { get; private set; } = [];
    public List<CampaignPhase> Phases { get; private set; } = [];

    public bool IsClosed => ClosedAtUtc is not null;

    public bool IsCountyWide => TownId is null;

    public bool IsIssuance => Kind == CampaignKind.Issuance;

    /// <summary>An issuance campaign's five deadlines, from its phases (checked when the terms were saved).</summary>
    public IssuancePlan? Plan => IsIssuance ? CampaignTerms.PlanOf(Phases.Select(p => new PhaseTerms(p.Name, p.Deadline)).ToList()) : null;

    public string KindName => DisplayName(Kind);

    public static string DisplayName(CampaignKind kind) => kind == CampaignKind.Issuance ? "应发尽发" : "专项清查";

    /// <param name="townOfVillage">The town of each village chosen: a town's campaign takes its own villages only.</param>
    public static Campaign Create(int tenantId, int? townId, CampaignTerms terms, IReadOnlyDictionary<int, int> townOfVillage)
    {
        var c = new Campaign { TenantId = tenantId, TownId = townId };
        c.Apply(terms, townOfVillage);
        return c;
    }

    public void Update(CampaignTerms terms, IReadOnlyDictionary<int, int> townOfVillage)
    {
        EnsureOpen();
        Apply(terms, townOfVillage);
    }

    public void Close(DateTime nowUtc)
    {
        EnsureOpen();
        ClosedAtUtc = nowUtc;
    }

    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException($"{KindName}“{Name}”已结束,不能再修改或导入。");
        }
    }

    public bool Covers(int villageId) => Villages.Any(v => v.VillageId == villageId);

    /// <summary>True when some village of the town is in the campaign: that town office reviews and signs its part.</summary>
    public bool CoversTown(int townId) => Villages.Any(v => v.TownId == townId);

    /// <summary>The villages of one town's part, or all of them when <paramref name="townId"/> is null.</summary>
    public List<int> VillagesOf(int? townId) => Villages.Where(v => townId is null || v.TownId == townId).Select(v => v.VillageId).ToList();

    public List<int> TownIds => Villages.Select(v => v.TownId).Distinct().ToList();

    private void Apply(CampaignTerms t, IReadOnlyDictionary<int, int> townOfVillage)
    {
        var errors = t.Validate();
        if (errors.Count > 0)
        {
            throw new DomainException(string.Join(" ", errors.Select(e => e.Message)));
        }
        if (t.VillageIds.Any(id => !townOfVillage.ContainsKey(id)))
        {
            throw new DomainException("所选村(社区)不在本县。");
        }
        if (TownId is { } own && t.VillageIds.Any(id => townOfVillage[id] != own))
        {
            throw new DomainException("乡镇的专项清查只能包含本乡镇的村(社区);跨乡镇的清查由县里建立。");
        }
        if (Id != 0 && t.Kind != Kind)
        {
            throw new DomainException("活动建立后不能改变类型(专项清查 / 应发尽发)。");
        }
        Kind = t.Kind;
        Code = t.Code.Trim();
        Name = t.Name.Trim();
        DocumentNumber = t.DocumentNumber.Trim();
        StartDate = t.StartDate;
        EndDate = t.EndDate;
        Villages.RemoveAll(v => !t.VillageIds.Contains(v.VillageId));
        Villages.AddRange(t.VillageIds.Where(id => Villages.All(v => v.VillageId != id)).Select(id => new CampaignVillage { TenantId = TenantId, VillageId = id, TownId = townOfVillage[id] }));
        Phases.Clear();
        Phases.AddRange(t.Phases.Select(p => new CampaignPhase { TenantId = TenantId, Name = p.Name.Trim(), Deadline = p.Deadline }));
    }
}

public sealed class CampaignVillage : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }

    /// <summary>The village's town, kept here so a town's part of a county campaign is found without a join.</summary>
    public int TownId { get; set; }
}

/// <summary>A phase deadline: comparison by 6/5, verification by 6/10, and so on.</summary>
public sealed class CampaignPhase : ITenantOwned
{
    /// <summary>Its parent's county, kept on the row so the tenant filter guards it too, however it is queried.</summary>
    public int TenantId { get; set; }
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly Deadline { get; set; }
}

public sealed record PhaseTerms(string Name, DateOnly Deadline);

public sealed record CampaignError(string Field, string Message);

/// <summary>What a town office fills in for a campaign; the rules that hold between the fields.</summary>
public sealed record CampaignTerms(
    string Code, string Name, string DocumentNumber, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyCollection<int> VillageIds, IReadOnlyList<PhaseTerms> Phases, CampaignKind Kind = CampaignKind.Audit)
{
    public const int MaxText = 100;

    /// <summary>The phase names an issuance campaign has, one deadline each, in the plan's order.</summary>
    public static IReadOnlyList<string> IssuancePhaseNames { get; } = Enum.GetValues<IssuancePhase>().Select(IssuancePlan.DisplayName).ToList();

    /// <summary>The plan the phases describe, or null when they are not exactly the five of an issuance campaign.</summary>
    public static IssuancePlan? PlanOf(IReadOnlyList<PhaseTerms> phases)
    {
        var byName = phases.GroupBy(p => p.Name.Trim()).ToDictionary(g => g.Key, g => g.First().Deadline);
        if (phases.Count != IssuancePhaseNames.Count || IssuancePhaseNames.Any(n => !byName.ContainsKey(n)))
        {
            return null;
        }
        var d = IssuancePhaseNames.Select(n => byName[n]).ToList();
        return new IssuancePlan(d[0], d[1], d[2], d[3], d[4]);
    }

    public IReadOnlyList<CampaignError> Validate()
    {
        var errors = new List<CampaignError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new(field, message));
            }
        }
        Check(System.Text.RegularExpressions.Regex.IsMatch(Code ?? "", "^[A-Za-z0-9-]{2,32}$"), nameof(Code), "代码为 2–32 位字母、数字或 -,如 MTH-2021。");
        Check(!string.IsNullOrWhiteSpace(Name) && Name.Trim().Length <= MaxText, nameof(Name), $"名称不能为空,且不超过 {MaxText} 字。");
        Check(!string.IsNullOrWhiteSpace(DocumentNumber) && DocumentNumber.Trim().Length <= MaxText, nameof(DocumentNumber), "请填写文号,如 梅政办发〔2021〕13号。");
        Check(EndDate >= StartDate, nameof(EndDate), "结束日期不能早于开始日期。");
        Check(VillageIds.Count > 0, nameof(VillageIds), "请至少选择一个村(社区)。");
        foreach (var p in Phases)
        {
            Check(!string.IsNullOrWhiteSpace(p.Name) && p.Name.Trim().Length <= 50, nameof(Phases), "阶段名称不能为空,且不超过 50 字。");
            Check(p.Deadline <= EndDate, nameof(Phases), $"阶段“{p.Name}”的截止日期 {p.Deadline:yyyy-MM-dd} 晚于清查结束日期。");
        }
        Check(Phases.Select(p => p.Name.Trim()).Distinct().Count() == Phases.Count, nameof(Phases), "阶段名称不能重复。");
        if (Kind == CampaignKind.Issuance)
        {
            if (PlanOf(Phases) is not { } plan)
            {
                errors.Add(new(nameof(Phases), $"应发尽发须有且只有这五个阶段及其完成时限:{string.Join("、", IssuancePhaseNames)}。"));
            }
            else
            {
                try
                {
                    plan.Checked();
                }
                catch (DomainException e)
                {
                    errors.Add(new(nameof(Phases), e.Message));
                }
            }
        }
        return errors;
    }
}
