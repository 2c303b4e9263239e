using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.UseCases.Access;

/// <summary>Who acts: the account's scope (county, unit, role), its id and its name.</summary>
public sealed record Actor(UserScope Scope, string UserId, string Name);

public enum CampaignRight
{
    /// <summary>The county, every town with a village in it, and the villages it covers.</summary>
    View,

    /// <summary>Edit, close, import: the town office of a town's campaign, and the county supervisor.</summary>
    Manage,
}

/// <summary>
/// The one place that decides who may do what, on top of the tenant filter (another county's objects are never
/// found): the rules for task rows, campaigns, villages' statistics, cards and 疑点, and the list queries that
/// follow the same rules. Handlers and list pages ask here; nothing else checks a scope.
/// </summary>
public static class Access
{
    /// <summary>Whether a unit (a village, a town) lies within the account's part of the county.</summary>
    public static bool Covers(UserScope scope, OrgUnit unit) => scope.Covers(unit.TenantId, unit.Code);

    // ---- Task rows -------------------------------------------------------------------------------------------

    /// <summary>County, town and village see the rows of their part; a verifier only the rows given to them.</summary>
    public static bool CanViewRow(UserScope scope, string userId, TaskRow row, OrgUnit village) => scope.Role switch
    {
        Roles.CountySupervisor or Roles.TownOffice or Roles.VillageClerk => Covers(scope, village),
        Roles.Verifier => IsAssigned(scope, userId, row),
        _ => false,
    };

    /// <summary>
    /// A verifier's rows: given to them, and in the village they belong to now. An account moved to another unit
    /// keeps no right from an old assignment, even before its rows are returned to the clerk.
    /// </summary>
    public static bool IsAssigned(UserScope scope, string userId, TaskRow row) =>
        scope.Role == Roles.Verifier && row.VerifierId == userId && row.VillageId == scope.UnitId;

    /// <summary><see cref="IsAssigned"/> as a query filter.</summary>
    public static Expression<Func<TaskRow, bool>> AssignedTo(UserScope scope, string userId)
    {
        var unit = scope.UnitId;
        return r => r.VerifierId == userId && r.VillageId == unit;
    }

    /// <summary>The full ID and card number, for those who work with the person: town, village clerk, the assigned verifier. The county supervises with masked numbers.</summary>
    public static bool CanReveal(UserScope scope, string userId, TaskRow row, OrgUnit village) =>
        SeesFullNumbers(scope) && CanViewRow(scope, userId, row, village);

    /// <summary>Whether full ID and card numbers may reach this role at all, on a page or in a file; the county's are masked.</summary>
    public static bool SeesFullNumbers(UserScope scope) => scope.Role != Roles.CountySupervisor;

    /// <summary>The village's clerk, and its town office (so a village without a clerk is never stuck).</summary>
    public static bool CanAssign(UserScope scope, OrgUnit village) =>
        (scope.Role == Roles.VillageClerk && scope.UnitId == village.Id)
        || (scope.Role == Roles.TownOffice && Covers(scope, village));

    /// <summary>The assigned verifier and the village's clerk raise 疑点 about a row.</summary>
    public static bool CanRaiseIssue(UserScope scope, string userId, TaskRow row) =>
        IsAssigned(scope, userId, row) || (scope.Role == Roles.VillageClerk && scope.UnitId == row.VillageId);

    // ---- A village's statistics ------------------------------------------------------------------------------

    /// <summary>The clerk signs and submits the own village's statistics.</summary>
    public static bool CanSubmit(UserScope scope, OrgUnit village) => scope.Role == Roles.VillageClerk && scope.UnitId == village.Id;

    /// <summary>The town office reviews (returns, approves, reopens) its villages.</summary>
    public static bool CanReview(UserScope scope, OrgUnit village) => scope.Role == Roles.TownOffice && Covers(scope, village);

    // ---- Campaigns -------------------------------------------------------------------------------------------

    /// <param name="owner">The campaign's town, or the county for a county campaign.</param>
    public static bool Allows(UserScope scope, Campaign campaign, OrgUnit owner, CampaignRight right) => right switch
    {
        CampaignRight.Manage => scope.Role is Roles.TownOffice or Roles.CountySupervisor && Covers(scope, owner),
        _ => scope.Role switch
        {
            Roles.CountySupervisor => Covers(scope, owner),
            Roles.TownOffice => scope.TenantId == campaign.TenantId && campaign.CoversTown(scope.UnitId),
            Roles.VillageClerk or Roles.Verifier => scope.TenantId == campaign.TenantId && campaign.Covers(scope.UnitId),
            _ => false,
        },
    };

    /// <summary>The campaigns the account may see.</summary>
    public static IQueryable<Campaign> Campaigns(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.Campaigns,
        Roles.TownOffice => db.Campaigns.Where(c => c.Villages.Any(v => v.TownId == scope.UnitId)),
        Roles.VillageClerk or Roles.Verifier => db.Campaigns.Where(c => c.Villages.Any(v => v.VillageId == scope.UnitId)),
        _ => db.Campaigns.Where(_ => false),
    };

    // ---- Cards -----------------------------------------------------------------------------------------------

    /// <summary>The roles that work with cards at all (for the routes' role check).</summary>
    public const string CardStaff = $"{Roles.CountySupervisor},{Roles.TownOffice},{Roles.VillageClerk}";

    /// <summary>
    /// The county sees the register; the town office the cards of its villages; the village clerk those of the
    /// village. Verifiers work on findings, not on cards.
    /// </summary>
    public static IQueryable<Card> Cards(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.Cards,
        Roles.TownOffice => db.Cards.Where(c => db.OrgUnits.Any(u => u.Id == c.VillageId && u.ParentId == scope.UnitId)),
        Roles.VillageClerk => db.Cards.Where(c => c.VillageId == scope.UnitId),
        _ => db.Cards.Where(_ => false),
    };

    /// <summary>The town office and the village clerk move the cards of their part; the county only looks.</summary>
    public static bool CanManageCards(UserScope scope, OrgUnit village) =>
        scope.Role is Roles.TownOffice or Roles.VillageClerk && Covers(scope, village);

    /// <summary>A town's card register is filled from bank exports by its own town office, or by the county for any town.</summary>
    public static bool CanImportCards(UserScope scope, OrgUnit town) => town.Level == OrgLevel.Town && scope.Role switch
    {
        Roles.CountySupervisor => Covers(scope, town),
        Roles.TownOffice => scope.UnitId == town.Id,
        _ => false,
    };

    /// <summary>An import is followed, cancelled and its refused rows downloaded by those who may import into its campaign or town.</summary>
    public static async Task<bool> CanManageImportAsync(AppDbContext db, UserScope scope, ImportJob job, CancellationToken ct) => job switch
    {
        TaskImport t => await UseCases.Campaigns.CampaignLookup.FindAsync(db, t.CampaignId, ct) is var (campaign, owner) && Allows(scope, campaign, owner, CampaignRight.Manage),
        ComparisonImport c => await UseCases.Campaigns.CampaignLookup.FindAsync(db, c.CampaignId, ct) is var (campaign, owner) && Allows(scope, campaign, owner, CampaignRight.Manage),
        CardImport c => await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == c.TownId, ct) is { } town && CanImportCards(scope, town),
        _ => false,
    };

    /// <summary>The towns whose register the user may import into (<see cref="CanImportCards"/>).</summary>
    public static IQueryable<OrgUnit> CardImportTowns(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.OrgUnits.Where(u => u.Level == OrgLevel.Town),
        Roles.TownOffice => db.OrgUnits.Where(u => u.Level == OrgLevel.Town && u.Id == scope.UnitId),
        _ => db.OrgUnits.Where(_ => false),
    };

    /// <summary>The villages the user may choose among for cards: the county's, the town's, or the clerk's own.</summary>
    public static IQueryable<OrgUnit> CardVillages(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.OrgUnits.Where(u => u.Level == OrgLevel.Village),
        Roles.TownOffice => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.ParentId == scope.UnitId),
        Roles.VillageClerk => db.OrgUnits.Where(u => u.Id == scope.UnitId),
        _ => db.OrgUnits.Where(_ => false),
    };

    /// <summary>The towns and villages of the account's part, by id (hand-overs name places by id).</summary>
    public static Task<List<int>> UnitIdsAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        db.OrgUnits.Where(u => u.Level == OrgLevel.Town || u.Level == OrgLevel.Village)
            .Where(u => u.Code.StartsWith(scope.UnitCode)).Select(u => u.Id).ToListAsync(ct);

    /// <summary>
    /// Where the user may send cards from and to (造册移交): a clerk from the village to the town centre; the town
    /// office from its centre or a bank to its villages, its centre or a bank. Nothing for anyone else.
    /// </summary>
    public static async Task<(List<Custody> From, List<Custody> To)> HandoverPlacesAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        if (scope.Role == Roles.VillageClerk)
        {
            var town = await db.OrgUnits.Where(u => u.Id == scope.UnitId).Select(u => u.ParentId!.Value).SingleAsync(ct);
            return ([Custody.AtVillage(scope.UnitId)], [Custody.AtTown(town)]);
        }
        if (scope.Role != Roles.TownOffice)
        {
            return ([], []);
        }
        var banks = (await db.Banks.OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct)).Select(Custody.AtBank).ToList();
        var centre = Custody.AtTown(scope.UnitId);
        var villages = (await db.OrgUnits.Where(u => u.ParentId == scope.UnitId && u.Level == OrgLevel.Village).OrderBy(u => u.Code)
            .Select(u => u.Id).ToListAsync(ct)).Select(Custody.AtVillage).ToList();
        return ([centre, .. banks], [.. villages, centre, .. banks]);
    }

    /// <summary>A hand-over is seen by those whose part holds the place it leaves or the place it goes to.</summary>
    public static async Task<bool> CanViewHandoverAsync(AppDbContext db, UserScope scope, CardHandover h, CancellationToken ct)
    {
        var units = await UnitIdsAsync(db, scope, ct);
        return (h.FromKind != CustodianKind.Bank && units.Contains(h.FromPlaceId)) || (h.ToKind != CustodianKind.Bank && units.Contains(h.ToPlaceId));
    }

    /// <summary>The receiving side counts and confirms: the receiving village's clerk, the receiving town's office, or the sender's town office when a bank receives.</summary>
    public static async Task<bool> CanReceiveHandoverAsync(AppDbContext db, UserScope scope, CardHandover h, CancellationToken ct) => h.ToKind switch
    {
        CustodianKind.Village => scope.Role == Roles.VillageClerk && scope.UnitId == h.ToPlaceId,
        CustodianKind.TownCentre => scope.Role == Roles.TownOffice && scope.UnitId == h.ToPlaceId,
        _ => scope.Role == Roles.TownOffice && await TownOfAsync(db, h.From, ct) == scope.UnitId,
    };

    /// <summary>Disputes are settled by the town office the hand-over belongs to (either end).</summary>
    public static async Task<bool> CanResolveHandoverAsync(AppDbContext db, UserScope scope, CardHandover h, CancellationToken ct) =>
        scope.Role == Roles.TownOffice && (await TownOfAsync(db, h.From, ct) == scope.UnitId || await TownOfAsync(db, h.To, ct) == scope.UnitId);

    private static async Task<int?> TownOfAsync(AppDbContext db, Custody place, CancellationToken ct) => place.Kind switch
    {
        CustodianKind.TownCentre => place.PlaceId,
        CustodianKind.Village => await db.OrgUnits.Where(u => u.Id == place.PlaceId).Select(u => u.ParentId).SingleOrDefaultAsync(ct),
        _ => null,
    };

    // ---- 应发尽发 --------------------------------------------------------------------------------------------

    /// <summary>The county sees every person to be carded; a town its villages'; the village's clerk and verifiers their own.</summary>
    public static IQueryable<IssuanceCase> IssuanceCases(AppDbContext db, UserScope scope) => scope.Role switch
    {
        Roles.CountySupervisor => db.IssuanceCases,
        Roles.TownOffice => db.IssuanceCases.Where(c => db.OrgUnits.Any(u => u.Id == c.VillageId && u.ParentId == scope.UnitId)),
        Roles.VillageClerk or Roles.Verifier => db.IssuanceCases.Where(c => c.VillageId == scope.UnitId),
        _ => db.IssuanceCases.Where(_ => false),
    };

    public static bool CanViewCase(UserScope scope, OrgUnit village) => scope.Role switch
    {
        Roles.CountySupervisor or Roles.TownOffice => Covers(scope, village),
        Roles.VillageClerk or Roles.Verifier => scope.UnitId == village.Id,
        _ => false,
    };

    /// <summary>信息核查, 属地为主: the village's clerk and verifiers, and its town centre.</summary>
    public static bool CanVerifyCase(UserScope scope, OrgUnit village) => scope.Role switch
    {
        Roles.TownOffice => Covers(scope, village),
        Roles.VillageClerk or Roles.Verifier => scope.UnitId == village.Id,
        _ => false,
    };

    /// <summary>Making batches and their results: the town office, for its own villages.</summary>
    public static bool CanMakeCards(UserScope scope, int townId) => scope.Role == Roles.TownOffice && scope.UnitId == townId;

    // ---- 疑点 ------------------------------------------------------------------------------------------------

    /// <summary>Those who see an open 疑点's row answer it, except the county, which supervises.</summary>
    public static bool CanCommentOnIssue(UserScope scope, string userId, SuspiciousIssue issue, TaskRow row, OrgUnit village) =>
        issue.IsOpen && scope.Role != Roles.CountySupervisor && CanViewRow(scope, userId, row, village);

    /// <summary>The town office closes its villages' open 疑点, and manages the fraud cases opened from them.</summary>
    public static bool CanCloseIssue(UserScope scope, SuspiciousIssue issue, OrgUnit village) =>
        issue.IsOpen && CanManageFraudCases(scope, village);

    public static bool CanManageFraudCases(UserScope scope, OrgUnit village) => scope.Role == Roles.TownOffice && Covers(scope, village);

    /// <summary>The county sees all, a town its villages', a clerk their village's, a verifier those on their rows.</summary>
    public static IQueryable<SuspiciousIssue> Issues(AppDbContext db, UserScope scope, string userId) => scope.Role switch
    {
        Roles.CountySupervisor => db.SuspiciousIssues,
        Roles.TownOffice => db.SuspiciousIssues.Where(i => db.OrgUnits.Any(u => u.Id == i.VillageId && u.Code.StartsWith(scope.UnitCode))),
        Roles.VillageClerk => db.SuspiciousIssues.Where(i => i.VillageId == scope.UnitId),
        Roles.Verifier => db.SuspiciousIssues.Where(i => db.TaskRows.Where(AssignedTo(scope, userId)).Any(r => r.Id == i.TaskRowId)),
        _ => db.SuspiciousIssues.Where(_ => false),
    };
}
