using SocialCardAudit.Domain;
using SocialCardAudit.Domain.Organization;

namespace SocialCardAudit.Domain.Tests;

public sealed class OrganizationTests
{
    private static (OrgUnit County, OrgUnit Town, OrgUnit Village, OrgUnit Sibling, OrgUnit OtherTown) Tree()
    {
        var county = OrgUnit.NewCounty(1, "430999", "演示县");
        var town = county.AddChild("梅田湖镇", []);
        var otherTown = county.AddChild("测试镇", [town]);
        var village = town.AddChild("迎丰社区", []);
        var sibling = town.AddChild("三合村", [village]);
        return (county, town, village, sibling, otherTown);
    }

    [Fact]
    public void Children_get_the_parent_s_code_plus_a_three_digit_sequence()
    {
        var (county, town, village, sibling, otherTown) = Tree();
        Assert.Equal("430999", county.Code);
        Assert.Equal("430999001", town.Code);
        Assert.Equal("430999002", otherTown.Code);
        Assert.Equal("430999001001", village.Code);
        Assert.Equal("430999001002", sibling.Code);
        Assert.Equal(OrgLevel.Village, village.Level);
    }

    [Fact]
    public void The_next_code_follows_the_highest_sibling_even_with_gaps()
    {
        Assert.Equal("430999006", OrgCode.NextChild("430999", ["430999001", "430999005", "430999002007"]));
        Assert.Equal("430999001", OrgCode.NextChild("430999", []));
        Assert.Throws<DomainException>(() => OrgCode.NextChild("430999", ["430999999"]));
    }

    [Fact]
    public void A_resident_group_has_no_children()
    {
        var (_, _, village, _, _) = Tree();
        var group = village.AddChild("第一居民小组", []);
        Assert.Equal(OrgLevel.ResidentGroup, group.Level);
        var e = Assert.Throws<DomainException>(() => group.AddChild("x", []));
        Assert.Contains("居民小组下不能再设下级单位", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Unit_names_are_required_and_at_most_50_characters(string name)
    {
        var (_, town, _, _, _) = Tree();
        Assert.Throws<DomainException>(() => town.AddChild(name, []));
    }

    [Fact]
    public void Sibling_names_are_unique_but_a_unit_may_keep_its_own_name()
    {
        var (_, _, village, sibling, _) = Tree();
        var e = Assert.Throws<DomainException>(() => sibling.Rename("迎丰社区", [village, sibling]));
        Assert.Contains("迎丰社区", e.Message, StringComparison.Ordinal);
        village.Rename(" 迎丰社区 ", [village, sibling]);
        Assert.Equal("迎丰社区", village.Name);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("43a999")]
    public void A_county_code_is_six_digits(string code) =>
        Assert.Throws<DomainException>(() => OrgUnit.NewCounty(1, code, "县"));

    [Theory]
    [InlineData(Roles.CountySupervisor, OrgLevel.County)]
    [InlineData(Roles.TenantAdmin, OrgLevel.County)]
    [InlineData(Roles.TownOffice, OrgLevel.Town)]
    [InlineData(Roles.VillageClerk, OrgLevel.Village)]
    [InlineData(Roles.Verifier, OrgLevel.Village)]
    public void Each_role_sits_on_exactly_one_level(string role, OrgLevel level)
    {
        Roles.EnsureCanHold(role, level);
        foreach (var other in Enum.GetValues<OrgLevel>().Where(l => l != level))
        {
            Assert.Throws<DomainException>(() => Roles.EnsureCanHold(role, other));
        }
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        Assert.False(Roles.IsKnown("Admin"));
        Assert.False(Roles.IsKnown(null));
        Assert.Throws<DomainException>(() => Roles.UnitLevel("Admin"));
    }

    [Fact]
    public void County_scope_covers_every_unit_of_its_own_tenant_only()
    {
        var (county, town, village, sibling, otherTown) = Tree();
        var scope = new UserScope(1, Roles.CountySupervisor, 1, county.Code);
        Assert.True(scope.IsCountyWide);
        Assert.All(new[] { county, town, village, sibling, otherTown }, u => Assert.True(scope.Covers(1, u.Code)));
        Assert.False(scope.Covers(2, village.Code));
    }

    [Fact]
    public void Town_scope_covers_its_villages_but_not_the_county_or_another_town()
    {
        var (county, town, village, sibling, otherTown) = Tree();
        var scope = new UserScope(1, Roles.TownOffice, 2, town.Code);
        Assert.True(scope.Covers(1, town.Code));
        Assert.True(scope.Covers(1, village.Code));
        Assert.True(scope.Covers(1, sibling.Code));
        Assert.False(scope.Covers(1, county.Code));
        Assert.False(scope.Covers(1, otherTown.Code));
        Assert.False(scope.Covers(1, otherTown.AddChild("测试村", []).Code));
    }

    [Theory]
    [InlineData(Roles.VillageClerk)]
    [InlineData(Roles.Verifier)]
    public void Village_scope_covers_its_village_and_groups_only(string role)
    {
        var (_, town, village, sibling, _) = Tree();
        var scope = new UserScope(1, role, 3, village.Code);
        Assert.True(scope.Covers(1, village.Code));
        Assert.True(scope.Covers(1, village.AddChild("第一居民小组", []).Code));
        Assert.False(scope.Covers(1, sibling.Code));
        Assert.False(scope.Covers(1, sibling.AddChild("第一村民小组", []).Code));
        Assert.False(scope.Covers(1, town.Code));
        Assert.False(scope.Covers(2, village.Code));
    }
}
