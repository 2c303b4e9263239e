using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Campaigns;

namespace SocialCardAudit.Domain.Tests;

/// <summary>Whose villages a campaign may take: a town's its own, the county's any town's, each village keeping its town.</summary>
public sealed class CampaignTests
{
    private const int TownA = 10, TownB = 20;
    private static readonly Dictionary<int, int> Towns = new() { [1] = TownA, [2] = TownA, [3] = TownB };

    private static CampaignTerms Terms(params int[] villages) =>
        new("C-1", "清查", "文号", new DateOnly(2021, 6, 8), new DateOnly(2021, 6, 30), villages, []);

    [Fact]
    public void A_towns_campaign_refuses_a_village_of_another_town()
    {
        var e = Assert.Throws<DomainException>(() => Campaign.Create(1, TownA, Terms(1, 3), Towns));
        Assert.Contains("只能包含本乡镇的村(社区)", e.Message, StringComparison.Ordinal);
        var campaign = Campaign.Create(1, TownA, Terms(1, 2), Towns);
        Assert.Throws<DomainException>(() => campaign.Update(Terms(1, 2, 3), Towns));
        Assert.Equal([1, 2], campaign.VillagesOf(null).Order());
    }

    [Fact]
    public void A_county_campaign_takes_villages_of_several_towns_and_knows_each_towns_part()
    {
        var campaign = Campaign.Create(1, null, Terms(1, 2, 3), Towns);
        Assert.True(campaign.IsCountyWide);
        Assert.Equal([TownA, TownB], campaign.TownIds.Order());
        Assert.Equal([1, 2], campaign.VillagesOf(TownA).Order());
        Assert.Equal([3], campaign.VillagesOf(TownB));
        Assert.True(campaign.CoversTown(TownB));
        Assert.False(campaign.CoversTown(30));

        campaign.Update(Terms(1, 2), Towns);
        Assert.False(campaign.CoversTown(TownB));
    }

    [Fact]
    public void A_village_outside_the_county_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => Campaign.Create(1, null, Terms(1, 99), Towns));
        Assert.Contains("不在本县", e.Message, StringComparison.Ordinal);
    }
}
