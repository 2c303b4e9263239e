namespace SocialCardAudit.Domain.Issuance;

/// <summary>
/// One unit's counts (a village, a town, the county, or an applying employer or school): people on the list, those
/// found deceased, and per phase how many have finished it now and a week ago. A deceased person has finished every
/// phase (no card is due), as <see cref="IssuancePlan.Done"/> says.
/// </summary>
public sealed record IssuanceFigures(int Total, int Deceased, int OpenFailures, IReadOnlyList<int> Done, IReadOnlyList<int> DoneWeekAgo)
{
    public static IssuanceFigures Sum(IEnumerable<IssuanceFigures> parts)
    {
        var list = parts.ToList();
        int[] Add(Func<IssuanceFigures, IReadOnlyList<int>> of) =>
            Enumerable.Range(0, Phases.Count).Select(i => list.Sum(f => of(f)[i])).ToArray();
        return new(list.Sum(f => f.Total), list.Sum(f => f.Deceased), list.Sum(f => f.OpenFailures), Add(f => f.Done), Add(f => f.DoneWeekAgo));
    }

    public static IReadOnlyList<IssuancePhase> Phases { get; } = Enum.GetValues<IssuancePhase>();

    public int DoneIn(IssuancePhase p) => Done[(int)p - 1];

    public int ChangeIn(IssuancePhase p) => Done[(int)p - 1] - DoneWeekAgo[(int)p - 1];

    /// <summary>Per cent of the list that has finished the phase, one decimal; 0 for an empty list.</summary>
    public decimal Percent(IssuancePhase p) => Total == 0 ? 0 : Math.Round(100m * DoneIn(p) / Total, 1);

    /// <summary>Behind its deadline: the deadline has passed and someone has not finished the phase.</summary>
    public bool Overdue(IssuancePhase p, IssuancePlan plan, DateOnly today) =>
        DoneIn(p) < Total && plan.Deadlines.First(d => d.Phase == p).Deadline < today;

    /// <summary>激活率 as the plan counts it: activated among the cards issued.</summary>
    public decimal ActivationRate => DoneIn(IssuancePhase.Issuing) - Deceased is var issued and > 0
        ? Math.Round(100m * (DoneIn(IssuancePhase.Activation) - Deceased) / issued, 1) : 0;
}

public sealed record IssuanceLine(string Name, IssuanceFigures Figures, int? UnitId = null);

/// <summary>The progress report of an issuance campaign: per town and village (and per applying unit for 集体申领), against the plan.</summary>
public sealed record IssuanceProgressReport(
    string CampaignName, IssuancePlan Plan, DateOnly Today, DateTime AtUtc,
    IReadOnlyList<(IssuanceLine Town, IReadOnlyList<IssuanceLine> Villages)> Towns, IssuanceLine Total, IReadOnlyList<IssuanceLine> ApplyingUnits)
{
    public IssuancePhase Current => Plan.Current(Today);

    /// <summary>“截止 6/10,还剩 3 天” / “已过截止 5 天” for a phase.</summary>
    public string DeadlineText(IssuancePhase p)
    {
        var deadline = Plan.Deadlines.First(d => d.Phase == p).Deadline;
        var days = deadline.DayNumber - Today.DayNumber;
        return $"截止 {deadline:yyyy-MM-dd}," + (days >= 0 ? $"还剩 {days} 天" : $"已过 {-days} 天");
    }
}
