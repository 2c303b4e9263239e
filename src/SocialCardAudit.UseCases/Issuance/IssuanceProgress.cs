using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Issuance;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Issuance;

/// <summary>
/// The progress of an issuance campaign per phase, village by village, town by town, with the change over the last
/// seven days: counted in the database from the time each person finished each phase, so any day's report and
/// the week before it come from the same rows. The county sees every town, a town its own villages.
/// </summary>
public sealed class IssuanceProgress(AppDbContext db, TimeProvider clock)
{
    public async Task<IssuanceProgressReport> BuildAsync(Actor actor, Campaign campaign, CancellationToken ct)
    {
        var countyClock = await db.CountyClockAsync(campaign.TenantId, clock, ct);
        var now = countyClock.UtcNow;
        var weekAgo = now.AddDays(-7);
        var cases = Access.Access.IssuanceCases(db, actor.Scope).Where(c => c.CampaignId == campaign.Id);
        // One query: the counts per village and applying unit; villages and units are summed from them here.
        var rows = await cases.GroupBy(c => new { c.VillageId, c.ApplyingUnit }).Select(g => new Row(
            g.Key.VillageId, g.Key.ApplyingUnit, g.Count(),
            g.Count(c => c.Stage == IssuanceStage.Deceased),
            g.Count(c => c.Stage == IssuanceStage.Deceased && c.VerifiedAtUtc <= weekAgo),
            g.Count(c => c.Stage == IssuanceStage.MakingFailed),
            g.Count(c => c.ComparedAtUtc <= weekAgo),
            g.Count(c => c.Stage != IssuanceStage.Compared && c.Stage != IssuanceStage.Deceased),
            g.Count(c => c.Stage != IssuanceStage.Compared && c.Stage != IssuanceStage.Deceased && (c.VerifiedAtUtc ?? c.ComparedAtUtc) <= weekAgo),
            g.Count(c => c.MadeAtUtc != null && c.Stage != IssuanceStage.Deceased), // a card made for someone found deceased later is counted as deceased
            g.Count(c => c.MadeAtUtc <= weekAgo && c.Stage != IssuanceStage.Deceased),
            g.Count(c => c.IssuedAtUtc != null),
            g.Count(c => c.IssuedAtUtc <= weekAgo),
            g.Count(c => c.ActivatedAtUtc != null),
            g.Count(c => c.ActivatedAtUtc <= weekAgo))).ToListAsync(ct);
        var figures = rows.GroupBy(r => r.VillageId).ToDictionary(g => g.Key, g => IssuanceFigures.Sum(g.Select(r => r.Figures)));
        var applying = rows.Where(r => r.Unit is not null).GroupBy(r => r.Unit!)
            .Select(g => new IssuanceLine(g.Key, IssuanceFigures.Sum(g.Select(r => r.Figures)))).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();

        var villageIds = campaign.Villages.Select(v => v.VillageId).ToList();
        var units = await db.OrgUnits.Where(u => villageIds.Contains(u.Id) || campaign.Villages.Select(v => v.TownId).Contains(u.Id))
            .Where(u => u.Code.StartsWith(actor.Scope.UnitCode))
            .ToDictionaryAsync(u => u.Id, ct);
        var empty = new IssuanceFigures(0, 0, 0, new int[5], new int[5]);
        var towns = campaign.Villages.Where(v => units.ContainsKey(v.VillageId)).GroupBy(v => v.TownId)
            .Select(g =>
            {
                var villages = g.Select(v => new IssuanceLine(units[v.VillageId].Name, figures.GetValueOrDefault(v.VillageId) ?? empty, v.VillageId))
                    .OrderBy(l => units[l.UnitId!.Value].Code).ToList();
                return (Town: new IssuanceLine(units[g.Key].Name, IssuanceFigures.Sum(villages.Select(v => v.Figures)), g.Key), (IReadOnlyList<IssuanceLine>)villages);
            })
            .OrderBy(t => units[t.Town.UnitId!.Value].Code).ToList();
        var total = new IssuanceLine(actor.Scope.Role == Roles.TownOffice && towns.Count == 1 ? $"{towns[0].Town.Name}合计" : "全县合计",
            IssuanceFigures.Sum(towns.Select(t => t.Town.Figures)));
        return new IssuanceProgressReport(campaign.Name, campaign.Plan!, countyClock.Today, now, towns, total, applying);
    }

    /// <summary>One group's counts now and a week ago; a deceased person counts as done in every phase.</summary>
    private sealed record Row(int VillageId, string? Unit, int Total, int Deceased, int DeceasedBefore, int Failures, int ComparedBefore,
        int Verified, int VerifiedBefore, int Made, int MadeBefore, int Issued, int IssuedBefore, int Activated, int ActivatedBefore)
    {
        public IssuanceFigures Figures => new(Total, Deceased, Failures,
            [Total, Verified + Deceased, Made + Deceased, Issued + Deceased, Activated + Deceased],
            [ComparedBefore, VerifiedBefore + DeceasedBefore, MadeBefore + DeceasedBefore, IssuedBefore + DeceasedBefore, ActivatedBefore + DeceasedBefore]);
    }
}
