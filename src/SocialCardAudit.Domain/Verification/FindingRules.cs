using System.Globalization;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Domain.Verification;

public sealed record FindingError(string Field, string Message);

/// <summary>What a finding is checked against: the clock, the campaign, the person, the cooperating banks.</summary>
public sealed record FindingContext(DateTime Now, DateOnly CampaignStart, DateOnly? BirthDate, IReadOnlyCollection<string> Banks);

/// <summary>
/// The rules of the detail table (附件2) and its instructions (梅政办发〔2021〕13号 五): each outcome's required
/// fields, dates that make sense together, and who may sign.
/// </summary>
public static class FindingRules
{
    public const int MaxText = 200;
    public const int MaxNote = 500;

    /// <summary>Skew allowed between a phone's clock and the server's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

    // Words that say nothing about where a card is: the plan wants the whereabouts "清晰、明确".
    private static readonly string[] VagueWhereabouts = ["不知道", "不清楚", "不详", "未知", "不明", "无", "没有", "找不到", "?", "?"];

    /// <summary>The messages the page's own checks show too, word for word, before the form is sent.</summary>
    public static class Messages
    {
        public const string OutcomeMissing = "请选择核查结果(四项之一)。";
        public const string VisitMissing = "请填写上门核查时间。";
        public const string HandedInToMissing = "请选择卡片上交给了谁:乡镇以上主管部门或合作银行。";
        public const string HandedInBankMissing = "请选择卡片上交的合作银行。";
        public const string HandedInDateMissing = "请填写上交时间。";
        public const string DeathDateMissing = "本人未领·已经去世:须填写去世时间。";
        public const string WhereaboutsMissing = "本人未领·已经去世:须填写卡片去向。";
        public const string PhoneMissing = "请填写现在的联系电话。";
        public const string PhoneInvalid = "联系电话格式不正确:应为 11 位手机号或带区号的固定电话。";
        public const string SignatureMissing = "请选择签名方式:本人签名、捺指纹或代签。";
        public const string ProxyNameMissing = "代签人姓名不能为空。";
        public const string ProxyRelationMissing = "代签人只能是直系亲属或监护人:请选择与本人的关系。";
        public const string VisitInFuture = "上门核查时间不能晚于现在。";
        public const string VisitBeforeStart = "上门核查时间不能早于清查开始日期 {0}。";
        public const string HandedInAfterVisit = "上交时间不能晚于上门核查时间。";
        public const string DeathAfterVisit = "去世时间不能晚于上门核查时间(“已经去世”指核查员上门前已去世)。";
        public const string DeceasedNeedsProxy = "已去世人员须由直系亲属或法定监护人代为签名(捺指纹)。";
    }

    public static IReadOnlyList<FindingError> Validate(Finding f, FindingContext c)
    {
        var errors = new List<FindingError>();
        void Add(string field, string message) => errors.Add(new(field, message));

        // Every error in one round: without an outcome, the fields every outcome needs are still checked.
        Outcome? outcome = f.Outcome is { } o && Enum.IsDefined(o) ? o : null;
        if (outcome is null)
        {
            Add(nameof(f.Outcome), Messages.OutcomeMissing);
        }

        var visitDay = f.VisitedAt is { } v ? DateOnly.FromDateTime(v) : (DateOnly?)null;
        if (f.VisitedAt is null)
        {
            Add(nameof(f.VisitedAt), Messages.VisitMissing);
        }
        else if (f.VisitedAt > c.Now + ClockSkew)
        {
            Add(nameof(f.VisitedAt), Messages.VisitInFuture);
        }
        else if (visitDay < c.CampaignStart)
        {
            Add(nameof(f.VisitedAt), string.Format(CultureInfo.InvariantCulture, Messages.VisitBeforeStart, c.CampaignStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        switch (outcome)
        {
            case Outcome.ReceivedDeceased:
                if (!f.DeclaredToCounty && f.DeathDate is null)
                {
                    Add(nameof(f.DeathDate), "本人已领·已经去世:已向县社保中心申报的勾选“已申报”,未申报的须填写去世时间。");
                }
                break;
            case Outcome.NotReceivedHandedIn:
                if (f.HandedInTo is not { } to || !Enum.IsDefined(to))
                {
                    Add(nameof(f.HandedInTo), Messages.HandedInToMissing);
                }
                else if (to == HandedInTo.Bank && !c.Banks.Contains(f.HandedInBank ?? ""))
                {
                    Add(nameof(f.HandedInBank), Messages.HandedInBankMissing);
                }
                if (f.HandedInDate is null)
                {
                    Add(nameof(f.HandedInDate), Messages.HandedInDateMissing);
                }
                else if (visitDay is { } day && f.HandedInDate > day)
                {
                    Add(nameof(f.HandedInDate), Messages.HandedInAfterVisit);
                }
                break;
            case Outcome.NotReceivedDeceased:
                if (f.DeathDate is null)
                {
                    Add(nameof(f.DeathDate), Messages.DeathDateMissing);
                }
                var where = (f.CardWhereabouts ?? "").Trim();
                if (where.Length == 0)
                {
                    Add(nameof(f.CardWhereabouts), Messages.WhereaboutsMissing);
                }
                else if (where.Length < 4 || VagueWhereabouts.Any(w => where.Contains(w, StringComparison.Ordinal) && where.Length < w.Length + 4))
                {
                    Add(nameof(f.CardWhereabouts), "卡片去向须清晰、明确:写明卡在谁手里或交到了哪里,如“由其子李四保管”“已交镇社会事业综合服务中心”。");
                }
                break;
        }

        if (f.DeathDate is { } death)
        {
            if (outcome is { } known && !known.IsDeceased())
            {
                Add(nameof(f.DeathDate), "只有“已经去世”的结果才填写去世时间。");
            }
            else if (visitDay is { } day && death > day)
            {
                Add(nameof(f.DeathDate), Messages.DeathAfterVisit);
            }
            else if (c.BirthDate is { } birth && death < birth)
            {
                Add(nameof(f.DeathDate), $"去世时间不能早于出生日期 {birth:yyyy-MM-dd}。");
            }
        }

        var phone = PhoneNumber.Normalize(f.Phone);
        if (phone.Length == 0)
        {
            Add(nameof(f.Phone), Messages.PhoneMissing);
        }
        else if (!PhoneNumber.IsValid(phone))
        {
            Add(nameof(f.Phone), Messages.PhoneInvalid);
        }

        if (f.Signature is not { } signature || !Enum.IsDefined(signature))
        {
            Add(nameof(f.Signature), Messages.SignatureMissing);
        }
        else if (outcome?.IsDeceased() == true && signature != SignatureKind.Proxy)
        {
            Add(nameof(f.Signature), Messages.DeceasedNeedsProxy);
        }
        if (f.Signature == SignatureKind.Proxy)
        {
            if (PersonName.Check(f.ProxyName).Error is { } nameError)
            {
                Add(nameof(f.ProxyName), "代签人" + nameError);
            }
            if (!Outcomes.ProxyRelations.Contains(f.ProxyRelation ?? ""))
            {
                Add(nameof(f.ProxyRelation), Messages.ProxyRelationMissing);
            }
        }

        if ((f.CardWhereabouts ?? "").Length > MaxText)
        {
            Add(nameof(f.CardWhereabouts), $"卡片去向不能超过 {MaxText} 字。");
        }
        if ((f.Note ?? "").Length > MaxNote)
        {
            Add(nameof(f.Note), $"说明不能超过 {MaxNote} 字。");
        }
        return errors;
    }

    /// <summary>
    /// Drops what does not belong to the chosen outcome (a death date left over from another choice, a proxy
    /// for a self signature), so a stored finding holds only what it means.
    /// </summary>
    public static Finding Normalize(Finding f) => f with
    {
        DeclaredToCounty = f.Outcome == Outcome.ReceivedDeceased && f.DeclaredToCounty,
        DeathDate = f.Outcome?.IsDeceased() == true ? f.DeathDate : null,
        HandedInTo = f.Outcome == Outcome.NotReceivedHandedIn ? f.HandedInTo : null,
        HandedInBank = f.Outcome == Outcome.NotReceivedHandedIn && f.HandedInTo == Verification.HandedInTo.Bank ? f.HandedInBank : null,
        HandedInDate = f.Outcome == Outcome.NotReceivedHandedIn ? f.HandedInDate : null,
        CardWhereabouts = f.Outcome == Outcome.NotReceivedDeceased ? f.CardWhereabouts?.Trim() : null,
        Phone = PhoneNumber.Normalize(f.Phone),
        ProxyName = f.Signature == SignatureKind.Proxy ? f.ProxyName?.Trim() : null,
        ProxyRelation = f.Signature == SignatureKind.Proxy ? f.ProxyRelation : null,
        Note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim(),
    };
}
