namespace SocialCardAudit.Domain.Cards;

/// <summary>Who holds a card: the bank, the town centre, a village, the holder, or an authorised custodian (代管人).</summary>
public enum CustodianKind
{
    Bank = 1,
    TownCentre = 2,
    Village = 3,
    Holder = 4,
    Custodian = 5,
}

/// <summary>
/// Where a card is: a bank or a unit (by id), or a person (the holder, or the custodian named in an approved
/// authorisation). A card has exactly one custody at a time.
/// </summary>
public readonly record struct Custody(CustodianKind Kind, int? PlaceId, string? PersonName = null)
{
    public static Custody AtBank(int bankId) => new(CustodianKind.Bank, bankId);
    public static Custody AtTown(int townId) => new(CustodianKind.TownCentre, townId);
    public static Custody AtVillage(int villageId) => new(CustodianKind.Village, villageId);
    public static Custody WithHolder => new(CustodianKind.Holder, null);
    public static Custody WithCustodian(string name) => new(CustodianKind.Custodian, null, name);

    /// <summary>Places between which cards travel in batches; persons receive a card one by one, when it is issued.</summary>
    public bool IsPlace => Kind is CustodianKind.Bank or CustodianKind.TownCentre or CustodianKind.Village;

    public static string DisplayName(CustodianKind k) => k switch
    {
        CustodianKind.Bank => "银行",
        CustodianKind.TownCentre => "镇社会事业综合服务中心",
        CustodianKind.Village => "村(社区)",
        CustodianKind.Holder => "持卡人本人",
        CustodianKind.Custodian => "代管人",
        _ => k.ToString(),
    };
}

/// <summary>How a card passed to its holder: to the holder in person, to a permitted proxy, or to an authorised custodian.</summary>
public enum Recipient
{
    Holder = 1,
    Proxy = 2,
    Custodian = 3,
}

/// <summary>How a move was made: the plan names the issue method, and allows activation face to face only.</summary>
public enum CardMethod
{
    InPerson = 1,     // 当面发放/交接
    FaceToFace = 2,   // 银行网点面签
    Batch = 3,        // 造册批量交接
    Registration = 4, // 登记(遗失、注销、回收)
}

public static class CardMethods
{
    public static string DisplayName(CardMethod m) => m switch
    {
        CardMethod.InPerson => "当面交接",
        CardMethod.FaceToFace => "银行网点面签",
        CardMethod.Batch => "造册批量交接",
        CardMethod.Registration => "登记",
        _ => m.ToString(),
    };
}
