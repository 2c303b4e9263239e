using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.People;

namespace SocialCardAudit.Domain.Issuance;

/// <summary>What the data comparison (数据比对) found for a person on the list of those without a card.</summary>
public enum ComparisonResult
{
    /// <summary>已制卡: a card exists; it is to be issued, not made again.</summary>
    CardMade = 1,

    /// <summary>制卡失败: an earlier making failed, with its reason.</summary>
    MakingFailed = 2,

    /// <summary>无制卡信息: no record in the card system.</summary>
    NoRecord = 3,
}

/// <summary>Where one person stands in an issuance campaign (社会保障卡应发尽发), phase by phase.</summary>
public enum IssuanceStage
{
    Compared = 1,
    Verified = 2,

    /// <summary>Found deceased at verification: no card is made (the plan: 核实已经死亡的未制卡人员,不再制卡).</summary>
    Deceased = 3,
    InBatch = 4,
    Made = 5,

    /// <summary>The card-making centre sent the record back with a reason: back to the village to put right.</summary>
    MakingFailed = 6,
    Issued = 7,
    Activated = 8,
}

/// <summary>批量制卡 through the bank, or 即时制卡 at a branch.</summary>
public enum MakingRoute
{
    Batch = 1,
    Instant = 2,
}

/// <summary>
/// One person to be carded (应发尽发) through the phases of the Dayao plan: compared, verified (the nine elements, a
/// photo, alive), put into a making batch, made or failed with its reason, issued and activated. Issuing and
/// activating are the card register's own events (<see cref="Card.Move"/>); this records that they happened, so the
/// progress of each phase can be counted per village. Each step is refused, with the reason in Chinese, where
/// the plan does not allow it.
/// </summary>
public sealed class IssuanceCase : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public int CampaignId { get; set; }
    public int VillageId { get; set; }
    public required string Name { get; set; }
    public byte[] IdNumberCipher { get; set; } = [];
    public byte[] IdNumberHash { get; set; } = [];
    public string IdNumberMasked { get; set; } = "";

    public ComparisonResult Comparison { get; set; }

    /// <summary>Why an earlier making failed, as the comparison list gave it.</summary>
    public string? ComparisonNote { get; set; }

    /// <summary>集体申领: the employer or school applying for its people; null when the person applies through the village.</summary>
    public string? ApplyingUnit { get; set; }

    public DateTime ComparedAtUtc { get; set; }

    public IssuanceStage Stage { get; private set; } = IssuanceStage.Compared;
    public NineElements? Elements { get; private set; }
    public bool HasPhoto { get; private set; }
    public string? VerifiedById { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public long? BatchId { get; private set; }
    public MakingRoute? Route { get; private set; }
    public string? FailureReason { get; private set; }
    public long? CardId { get; private set; }
    public DateTime? MadeAtUtc { get; private set; }
    public DateTime? IssuedAtUtc { get; private set; }
    public DateTime? ActivatedAtUtc { get; private set; }

    /// <summary>
    /// The village's check of the person (信息核查): the nine elements as found, whether a usable photo was taken,
    /// whether the person is alive. A deceased person stops here; a person whose making failed is verified again.
    /// </summary>
    /// <remarks>A person whose card is made but not yet issued may still be found deceased: the card is then cancelled.</remarks>
    public void Verify(NineElements elements, bool hasPhoto, bool alive, string byId, DateTime nowUtc)
    {
        if (Stage is not (IssuanceStage.Compared or IssuanceStage.Verified or IssuanceStage.MakingFailed) && (alive || Stage != IssuanceStage.Made))
        {
            throw new DomainException($"{Name}现为“{IssuanceStages.DisplayName(Stage)}”,不能再核查。");
        }
        Elements = elements;
        HasPhoto = hasPhoto;
        (VerifiedById, VerifiedAtUtc) = (byId, nowUtc);
        Stage = alive ? IssuanceStage.Verified : IssuanceStage.Deceased;
    }

    /// <summary>Into a making batch: only a living person verified with all nine elements and a photo, and only once.</summary>
    public void AddToBatch(long batchId, MakingRoute route, DateOnly today)
    {
        switch (Stage)
        {
            case IssuanceStage.Deceased:
                throw new DomainException($"{Name}已去世,不再制卡。");
            case IssuanceStage.Compared or IssuanceStage.MakingFailed:
                throw new DomainException($"{Name}尚未完成信息核查,不能制卡。");
            case not IssuanceStage.Verified:
                throw new DomainException($"{Name}现为“{IssuanceStages.DisplayName(Stage)}”,不能再加入制卡批次。");
        }
        if (Comparison == ComparisonResult.CardMade)
        {
            throw new DomainException($"{Name}比对为“已制卡”:卡已制成,请直接发放,不要重复制卡。");
        }
        if (Elements!.Missing(today) is { Count: > 0 } missing)
        {
            throw new DomainException($"{Name}的制卡九要素不全(缺{string.Join("、", missing)}),请先补正。");
        }
        if (!HasPhoto)
        {
            throw new DomainException($"{Name}还没有合格的照片,请先采集照片。");
        }
        (BatchId, Route, Stage, FailureReason) = (batchId, route, IssuanceStage.InBatch, null);
    }

    /// <summary>The card-making centre's answer for this person: made (the card, now in the register), or failed with its reason.</summary>
    /// <summary>Refuses, with the case's stage, unless the person waits in a batch for the card-making centre's answer.</summary>
    public void EnsureAwaitingResult() => EnsureStage(IssuanceStage.InBatch, "还没有加入制卡批次,不能登记制卡结果");

    public void Made(long cardId, DateTime nowUtc)
    {
        EnsureAwaitingResult();
        (CardId, Stage, MadeAtUtc) = (cardId, IssuanceStage.Made, nowUtc);
    }

    public void Failed(string reason, string? note)
    {
        EnsureAwaitingResult();
        FailureReason = MakingFailures.Check(reason, note);
        Stage = IssuanceStage.MakingFailed;
    }

    /// <summary>A card found at comparison (已制卡) is issued as it is: the register's card is named here.</summary>
    public void Found(long cardId, DateTime nowUtc)
    {
        if (Comparison != ComparisonResult.CardMade || Stage is not (IssuanceStage.Compared or IssuanceStage.Verified))
        {
            throw new DomainException($"{Name}不是比对为“已制卡”的人员,卡须经制卡批次制成。");
        }
        (CardId, Stage, MadeAtUtc) = (cardId, IssuanceStage.Made, nowUtc);
    }

    /// <summary>
    /// When this person finished <paramref name="phase"/>, or null while it is open: the week-over-week change is
    /// counted from these. A deceased person finishes every phase when found so (no card is due).
    /// </summary>
    public DateTime? DoneAtUtc(IssuancePhase phase) => Stage == IssuanceStage.Deceased ? VerifiedAtUtc : phase switch
    {
        IssuancePhase.Comparison => ComparedAtUtc,
        IssuancePhase.Verification => Stage == IssuanceStage.Compared ? null : VerifiedAtUtc ?? ComparedAtUtc,
        IssuancePhase.Making => MadeAtUtc,
        IssuancePhase.Issuing => IssuedAtUtc,
        _ => ActivatedAtUtc,
    };

    /// <summary>The register's issue event for this person's card: the card reached the holder.</summary>
    public void Issued(CardEvent issued) => Follow(issued, CardState.Issued, IssuanceStage.Made, IssuanceStage.Issued,
        "的卡还没有制成,不能发放");

    /// <summary>The register's activation event for this person's card: face to face only (严禁非面签方式激活).</summary>
    public void Activated(CardEvent activated)
    {
        if (activated.Method != CardMethod.FaceToFace)
        {
            throw new DomainException("金融功能须持卡人本人到银行网点面签激活,严禁非面签方式激活。");
        }
        Follow(activated, CardState.Activated, IssuanceStage.Issued, IssuanceStage.Activated, "的卡还没有发放,不能激活");
    }

    private void Follow(CardEvent e, CardState state, IssuanceStage from, IssuanceStage to, string notYet)
    {
        if (e.CardId != CardId || e.ToState != state)
        {
            throw new DomainException($"这一事件不是{Name}的卡的{CardLifecycle.DisplayName(state)}记录。");
        }
        EnsureStage(from, notYet);
        Stage = to;
        if (to == IssuanceStage.Issued)
        {
            IssuedAtUtc = e.AtUtc;
        }
        else
        {
            ActivatedAtUtc = e.AtUtc;
        }
    }

    private void EnsureStage(IssuanceStage expected, string otherwise)
    {
        if (Stage == IssuanceStage.Deceased)
        {
            throw new DomainException($"{Name}已去世,不再制卡、发卡。");
        }
        if (Stage != expected)
        {
            throw new DomainException($"{Name}{otherwise}(现为“{IssuanceStages.DisplayName(Stage)}”)。");
        }
    }
}

/// <summary>
/// 金融社保卡开户制卡九要素: what a bank needs to open the account a financial social security card carries. The
/// name and the ID number are the case's own (the list gave them, the import checked them); these are the other
/// seven, as found at verification. <see cref="IdValidUntil"/> null with <see cref="IdLongTerm"/> means a
/// long-term (长期) ID card.
/// </summary>
public sealed record NineElements(Sex? Sex, string? Ethnicity, DateOnly? BirthDate,
    DateOnly? IdValidUntil, bool IdLongTerm, string? Address, string? Phone, string? Occupation)
{
    public const int MaxText = 100;

    /// <summary>The sex and date of birth the ID number itself carries (its 17th digit odd for a man), for the form to start from.</summary>
    public static (Sex Sex, DateOnly? BirthDate) FromIdNumber(string idNumber, DateOnly today) =>
        ((idNumber[16] - '0') % 2 == 1 ? Issuance.Sex.Male : Issuance.Sex.Female, People.IdNumber.Check(idNumber, today).BirthDate);

    /// <summary>Why these elements contradict the person's ID number (sex, date of birth), or null: a bank refuses such an application.</summary>
    public string? Contradiction(string idNumber, DateOnly today)
    {
        var (sex, birth) = FromIdNumber(idNumber, today);
        return BirthDate is { } b && birth is { } ib && b != ib ? $"出生日期 {b:yyyy-MM-dd} 与身份证号码不符(身份证为 {ib:yyyy-MM-dd}),请核对。"
            : Sex is { } s && s != sex ? $"性别与身份证号码不符(身份证为{(sex == Issuance.Sex.Male ? "男" : "女")}),请核对。"
            : null;
    }

    /// <summary>The elements missing or unusable on <paramref name="today"/>, by their Chinese names, in the order of the form.</summary>
    public IReadOnlyList<string> Missing(DateOnly today)
    {
        var missing = new List<string>();
        void Need(bool ok, string element)
        {
            if (!ok)
            {
                missing.Add(element);
            }
        }
        Need(Sex is not null, "性别");
        Need(!string.IsNullOrWhiteSpace(Ethnicity), "民族");
        Need(BirthDate is not null, "出生日期");
        Need(IdLongTerm || IdValidUntil >= today, "证件有效期"); // an expired ID card opens no account
        Need(!string.IsNullOrWhiteSpace(Address), "地址");
        Need(PhoneNumber.IsValid(PhoneNumber.Normalize(Phone)), "联系电话");
        Need(!string.IsNullOrWhiteSpace(Occupation), "职业");
        return missing;
    }
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Why the card-making centre could not make a card (Panyu's list), sent back to the person.</summary>
public static class MakingFailures
{
    public const string Other = "其他";

    public static readonly IReadOnlyList<string> Reasons = ["无公安照片", "照片质量不合格", "已持有金融社保卡", "年满60周岁", "身份信息不一致", Other];

    /// <summary>The reason as stored: one of <see cref="Reasons"/>, "其他" with what it was.</summary>
    public static string Check(string? reason, string? note)
    {
        if (reason is null || !Reasons.Contains(reason))
        {
            throw new DomainException("制卡失败须选择原因。");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == Other && note is null)
        {
            throw new DomainException("制卡失败原因为“其他”时,请写明具体原因。");
        }
        return note is null ? reason : $"{reason}:{note}";
    }
}

public static class IssuanceStages
{
    public static string DisplayName(IssuanceStage s) => s switch
    {
        IssuanceStage.Compared => "已比对",
        IssuanceStage.Verified => "已核查",
        IssuanceStage.Deceased => "已去世",
        IssuanceStage.InBatch => "制卡中",
        IssuanceStage.Made => "已制卡",
        IssuanceStage.MakingFailed => "制卡失败",
        IssuanceStage.Issued => "已发放",
        IssuanceStage.Activated => "已激活",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static string DisplayName(ComparisonResult c) => c switch
    {
        ComparisonResult.CardMade => "已制卡",
        ComparisonResult.MakingFailed => "制卡失败",
        ComparisonResult.NoRecord => "无制卡信息",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
