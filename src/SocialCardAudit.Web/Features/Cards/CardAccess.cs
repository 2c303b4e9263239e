using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Web.Features.Cards;

/// <summary>
/// Who sees and moves cards: the county sees the register; the town office sees and moves the cards of its
/// villages; the village clerk those of the village. Verifiers work on findings, not on cards.
/// </summary>
public static class CardAccess
{
    public const string Staff = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk}";

    public static IQueryable<Card> Visible(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.Cards,
        Roles.TownOffice => db.Cards.Where(c => db.OrgUnits.Any(u => u.Id == c.VillageId && u.ParentId == scope.UnitId)),
        Roles.VillageClerk => db.Cards.Where(c => c.VillageId == scope.UnitId),
        _ => db.Cards.Where(_ => false),
    };

    public static bool CanManage(UserScope scope, OrgUnit village) =>
        scope.Role is Roles.TownOffice or Roles.VillageClerk && scope.Covers(village.TenantId, village.Code);

    /// <summary>The villages the user may choose among: the county's, the town's, or the clerk's own.</summary>
    public static IQueryable<OrgUnit> Villages(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.OrgUnits.Where(u => u.Level == OrgLevel.Village),
        Roles.TownOffice => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.ParentId == scope.UnitId),
        Roles.VillageClerk => db.OrgUnits.Where(u => u.Id == scope.UnitId),
        _ => db.OrgUnits.Where(_ => false),
    };
}

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
