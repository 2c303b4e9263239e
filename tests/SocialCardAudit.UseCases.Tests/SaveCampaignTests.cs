using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Domain.Campaigns;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Setting up and changing a campaign, and freezing a week of it, as the pages do.</summary>
public sealed class SaveCampaignTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static CampaignTerms Terms(string code, IReadOnlyCollection<int> villages) =>
        new(code, "二〇二二年清查", "梅政办〔2022〕3号", new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 30), villages, []);

    [Fact]
    public async Task The_town_sets_up_a_campaign_of_its_own_villages_with_a_code_of_its_own_and_cannot_drop_a_village_with_rows()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var villages = await db.OrgUnits.Where(u => u.ParentId == town.Scope.UnitId && u.Level == OrgLevel.Village).OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync();
        var save = new SaveCampaign(db);

        Assert.Equal(Result.Denied, (await save.CreateAsync(await demo.ActorAsync("demo.clerk1"), town.Scope.UnitId, Terms("QC-2022", villages), default)).Result);
        Assert.Equal(Result.Refused("所选村(社区)须属于梅田湖镇。", "VillageIds"), (await save.CreateAsync(town, null, Terms("QC-2022", [int.MaxValue]), default)).Result);
        Assert.Equal(Result.Refused($"代码“{DemoData.CampaignCode}”已被本县其他专项清查使用。", "Code"),
            (await save.CreateAsync(town, town.Scope.UnitId, Terms(DemoData.CampaignCode, villages), default)).Result);

        // A town office's campaign is its town's even when the form asks for the county.
        var (created, campaign) = await save.CreateAsync(town, null, Terms("QC-2022", villages), default);
        Assert.Equal(Status.Done, created.Status);
        Assert.Equal(town.Scope.UnitId, campaign!.TownId);

        var edited = await save.EditAsync(town, campaign.Id, Terms("QC-2022", [villages[0]]) with { Name = "二〇二二年清查(调整)" }, default);
        Assert.Equal(Result.Done("已保存。"), edited);
        Assert.Equal(Result.Denied, await save.EditAsync(await demo.ActorAsync("demo.clerk1"), campaign.Id, Terms("QC-2022", villages), default));
        Assert.Equal(Result.NotFound, await save.EditAsync(town, int.MaxValue, Terms("QC-2022", villages), default));

        var demoCampaign = await db.Campaigns.Include(c => c.Villages).SingleAsync(c => c.Code == DemoData.CampaignCode);
        var withRows = await db.TaskRows.Where(r => r.CampaignId == demoCampaign.Id).Select(r => r.VillageId).FirstAsync();
        var fewer = demoCampaign.Villages.Select(v => v.VillageId).Where(v => v != withRows).ToList();
        Assert.Equal(Result.Refused("已有任务数据的村(社区)不能移出清查范围。", "VillageIds"),
            await save.EditAsync(town, demoCampaign.Id, Terms(DemoData.CampaignCode, fewer), default));
    }

    [Fact]
    public async Task Only_the_county_freezes_a_week_and_a_frozen_week_is_not_taken_again()
    {
        var county = await demo.ActorAsync("demo.county");
        await using var db = demo.Db(county.Scope.TenantId);
        var campaign = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        var freeze = new FreezeWeek(db, TimeProvider.System);
        Assert.Equal(Result.Denied, await freeze.HandleAsync(await demo.ActorAsync("demo.town"), campaign, "2021-W25", default));
        Assert.Equal(Status.Refused, (await freeze.HandleAsync(county, campaign, "第25周", default)).Status);
        Assert.Equal(Status.Done, (await freeze.HandleAsync(county, campaign, "2021-W25", default)).Status);
        Assert.Equal(1, await db.WeeklySnapshots.CountAsync(s => s.CampaignId == campaign && s.Year == 2021 && s.Week == 25));
        Assert.Equal(Status.Refused, (await new FreezeWeek(demo.Db(county.Scope.TenantId), TimeProvider.System).HandleAsync(county, campaign, "2021-W25", default)).Status);
    }
}
