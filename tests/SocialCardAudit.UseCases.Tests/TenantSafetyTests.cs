using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Cards;
using SocialCardAudit.Domain.Reports;
using SocialCardAudit.Domain.SignOff;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Tenant safety that does not depend on how a query is written: every county's table carries the county and is filtered by it.</summary>
public sealed class TenantSafetyTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    /// <summary>Tables that are not a county's data: the counties themselves, the banks list, accounts' sign-in machinery, the app's cookie keys.</summary>
    private static readonly string[] NotACountys =
    [
        "Tenant", "Bank", "IdentityRole", "IdentityRoleClaim`1", "IdentityUserRole`1", "IdentityUserClaim`1", "IdentityUserLogin`1",
        "IdentityUserToken`1", "EndedSession", "PasswordHistory", "DataProtectionKey",
    ];

    [Fact]
    public void Every_table_of_county_data_carries_the_tenant_and_has_the_tenant_filter()
    {
        using var db = demo.Db(1);
        var unguarded = db.Model.GetEntityTypes()
            .Where(t => !NotACountys.Contains(t.ClrType.Name))
            .Where(t => !t.IsOwned()) // a value kept in its owner's row (a version's place) is guarded by the owner's filter
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.ClrType.Name != "SecurityEvent" || t.GetRootType().GetDeclaredQueryFilters().Count == 0) // a table shared by several types is filtered on its root
            .Select(t => t.ClrType.Name).ToList();
        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task Child_rows_queried_on_their_own_show_only_the_own_county_s()
    {
        int demoId, demo2Id;
        await using (var system = demo.Db(0))
        {
            demoId = await system.Tenants.Where(t => t.Code == "demo").Select(t => t.Id).SingleAsync();
            demo2Id = await system.Tenants.Where(t => t.Code == "demo2").Select(t => t.Id).SingleAsync();
        }
        await using var demoDb = demo.Db(demoId);
        await using var demo2Db = demo.Db(demo2Id);
        Assert.NotEmpty(await demoDb.Set<CampaignVillage>().ToListAsync());
        Assert.All(await demo2Db.Set<CampaignVillage>().ToListAsync(), v => Assert.Equal(demo2Id, v.TenantId));
        Assert.All(await demo2Db.Set<CardEvent>().ToListAsync(), e => Assert.Equal(demo2Id, e.TenantId));
        Assert.All(await demo2Db.Set<SnapshotLine>().ToListAsync(), l => Assert.Equal(demo2Id, l.TenantId));
        Assert.All(await demo2Db.Set<SubmissionStep>().ToListAsync(), s => Assert.Equal(demo2Id, s.TenantId));
        var demoVillages = await demoDb.Set<CampaignVillage>().Select(v => v.VillageId).ToListAsync();
        Assert.DoesNotContain(await demo2Db.Set<CampaignVillage>().Select(v => v.VillageId).ToListAsync(), demoVillages.Contains);
    }
}
