namespace SocialCardAudit.Domain.Issuance;

/// <summary>The phases of an issuance campaign, in the order the plan runs them.</summary>
public enum IssuancePhase
{
    Comparison = 1,
    Verification = 2,
    Making = 3,
    Issuing = 4,
    Activation = 5,
}

/// <summary>
/// Each phase's deadline (Dayao 2022: comparison by 6/5, verification 6/10, making 7/10, issuing 8/20, activation
/// 8/30). Progress is reported against them; a plan whose deadlines go backwards is refused.
/// </summary>
public sealed record IssuancePlan(DateOnly Comparison, DateOnly Verification, DateOnly Making, DateOnly Issuing, DateOnly Activation)
{
    public IssuancePlan Checked()
    {
        var dates = Deadlines.ToList();
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i].Deadline < dates[i - 1].Deadline)
            {
                throw new DomainException($"“{DisplayName(dates[i].Phase)}”的完成时限({dates[i].Deadline:yyyy-MM-dd})不能早于“{DisplayName(dates[i - 1].Phase)}”的({dates[i - 1].Deadline:yyyy-MM-dd})。");
            }
        }
        return this;
    }

    public IEnumerable<(IssuancePhase Phase, DateOnly Deadline)> Deadlines =>
    [
        (IssuancePhase.Comparison, Comparison), (IssuancePhase.Verification, Verification), (IssuancePhase.Making, Making),
        (IssuancePhase.Issuing, Issuing), (IssuancePhase.Activation, Activation),
    ];

    /// <summary>The phase that should be under way on <paramref name="today"/>: the first whose deadline has not passed (the last once all have).</summary>
    public IssuancePhase Current(DateOnly today) =>
        Deadlines.Where(d => d.Deadline >= today).Select(d => (IssuancePhase?)d.Phase).FirstOrDefault() ?? IssuancePhase.Activation;

    /// <summary>Whether a person at <paramref name="stage"/> has finished <paramref name="phase"/> (a deceased person finishes all: no card is due).</summary>
    public static bool Done(IssuanceStage stage, IssuancePhase phase) => stage == IssuanceStage.Deceased || phase switch
    {
        IssuancePhase.Comparison => true,
        IssuancePhase.Verification => stage != IssuanceStage.Compared,
        IssuancePhase.Making => stage is IssuanceStage.Made or IssuanceStage.Issued or IssuanceStage.Activated,
        IssuancePhase.Issuing => stage is IssuanceStage.Issued or IssuanceStage.Activated,
        _ => stage == IssuanceStage.Activated,
    };

    public static string DisplayName(IssuancePhase p) => p switch
    {
        IssuancePhase.Comparison => "数据比对",
        IssuancePhase.Verification => "信息核查",
        IssuancePhase.Making => "制卡",
        IssuancePhase.Issuing => "发放",
        IssuancePhase.Activation => "金融功能激活",
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };
}
