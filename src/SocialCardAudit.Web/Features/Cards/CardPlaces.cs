using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Features.Cards;

/// <summary>Names of every place a card can be, for the screens and documents: units and banks of the county.</summary>
public sealed class CardPlaces(IReadOnlyDictionary<int, string> units, IReadOnlyDictionary<int, string> banks)
{
    public IReadOnlyDictionary<int, string> Banks => banks;

    public static async Task<CardPlaces> LoadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.OrgUnits.Where(u => u.Level != OrgLevel.ResidentGroup).ToDictionaryAsync(u => u.Id, u => u.Name, ct),
        await db.Banks.ToDictionaryAsync(b => b.Id, b => b.Name, ct));

    public string Unit(int id) => units.TryGetValue(id, out var name) ? name : $"单位 {id}";

    public string Bank(int id) => banks.TryGetValue(id, out var name) ? name : $"银行 {id}";

    public string Of(Custody c) => c.Kind switch
    {
        CustodianKind.Bank => Bank(c.PlaceId ?? 0),
        CustodianKind.TownCentre => Unit(c.PlaceId ?? 0) + "社会事业综合服务中心",
        CustodianKind.Village => Unit(c.PlaceId ?? 0),
        CustodianKind.Holder => "持卡人本人",
        CustodianKind.Custodian => $"代管人 {c.PersonName}",
        _ => "",
    };
}
