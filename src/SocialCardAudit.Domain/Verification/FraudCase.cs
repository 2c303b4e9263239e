using SocialCardAudit.Domain.Organization;
namespace SocialCardAudit.Domain.Verification;

public enum FraudStatus
{
    Registered = 1,
    Recovering = 2,
    Recovered = 3,
    Referred = 4,
}

/// <summary>
/// A confirmed fraudulent or stolen pension claim through a card (冒领、盗领养老金): registered, the money
/// recovered (often in several payments), and reported; a case may be handed over (已移交) for handling.
/// </summary>
public sealed class FraudCase : ITenantOwned
{
    public const decimal MaxAmount = 10_000_000m;

    public long Id { get; set; }
    public int TenantId { get; set; }
    public long IssueId { get; private set; }
    public long TaskRowId { get; private set; }
    public int CampaignId { get; private set; }
    public int VillageId { get; private set; }
    public decimal AmountClaimed { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public FraudStatus Status { get; private set; }
    public string? Note { get; private set; }
    public string OpenedById { get; private set; } = "";
    public DateTime OpenedAtUtc { get; private set; }
    public DateOnly? ReferredOn { get; private set; }
    public List<FraudRecovery> Recoveries { get; private set; } = [];

    public decimal Recovered => Recoveries.Sum(r => r.Amount);
    public decimal Outstanding => AmountClaimed - Recovered;

    public static FraudCase Open(SuspiciousIssue issue, decimal amountClaimed, DateOnly from, DateOnly to, DateOnly reportedOn,
        string? note, string userId, CountyClock clock)
    {
        var (nowUtc, today) = (clock.UtcNow, clock.Today);
        if (amountClaimed <= 0 || amountClaimed > MaxAmount || decimal.Round(amountClaimed, 2) != amountClaimed)
        {
            throw new DomainException("冒领金额应为大于 0 的金额(元,最多两位小数)。");
        }
        if (from > to)
        {
            throw new DomainException("冒领期间的开始日期不能晚于结束日期。");
        }
        if (to > today || reportedOn > today)
        {
            throw new DomainException("冒领期间和上报日期不能晚于今天。");
        }
        if (reportedOn < from)
        {
            throw new DomainException("上报日期不能早于冒领期间的开始日期。");
        }
        return new FraudCase
        {
            TenantId = issue.TenantId, IssueId = issue.Id, TaskRowId = issue.TaskRowId, CampaignId = issue.CampaignId,
            VillageId = issue.VillageId, AmountClaimed = amountClaimed, PeriodFrom = from, PeriodTo = to, ReportedOn = reportedOn,
            Status = FraudStatus.Registered, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), OpenedById = userId, OpenedAtUtc = nowUtc,
        };
    }

    /// <summary>A payment recovered. The case is 追缴中 until the whole amount is back, then 已追回.</summary>
    public void AddRecovery(decimal amount, DateOnly recoveredOn, string userId, CountyClock clock)
    {
        var nowUtc = clock.UtcNow;
        if (Status == FraudStatus.Recovered)
        {
            throw new DomainException("该案件已全部追回。");
        }
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new DomainException("追回金额应为大于 0 的金额(元,最多两位小数)。");
        }
        if (amount > Outstanding)
        {
            throw new DomainException($"追回金额 {amount:0.00} 元超过尚未追回的 {Outstanding:0.00} 元。");
        }
        if (recoveredOn > clock.Today || recoveredOn < PeriodFrom)
        {
            throw new DomainException("追回日期应在冒领开始之后、今天之前。");
        }
        Recoveries.Add(new FraudRecovery { TenantId = TenantId, Amount = amount, RecoveredOn = recoveredOn, ById = userId, AtUtc = nowUtc });
        if (Status != FraudStatus.Referred)
        {
            Status = Outstanding == 0 ? FraudStatus.Recovered : FraudStatus.Recovering;
        }
    }

    /// <summary>Handed over for handling (上报组织处理). Recoveries may still follow.</summary>
    public void Refer(DateOnly on, CountyClock clock)
    {
        if (Status is FraudStatus.Referred or FraudStatus.Recovered)
        {
            throw new DomainException($"案件状态为“{DisplayName(Status)}”,不能再移交。");
        }
        if (on > clock.Today || on < ReportedOn)
        {
            throw new DomainException("移交日期应在上报日期之后、今天之前。");
        }
        Status = FraudStatus.Referred;
        ReferredOn = on;
    }

    public static string DisplayName(FraudStatus s) => s switch
    {
        FraudStatus.Registered => "登记",
        FraudStatus.Recovering => "追缴中",
        FraudStatus.Recovered => "已追回",
        FraudStatus.Referred => "已移交",
        _ => s.ToString(),
    };
}

public sealed class FraudRecovery : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long CaseId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly RecoveredOn { get; set; }
    public required string ById { get; set; }
    public DateTime AtUtc { get; set; }
}
