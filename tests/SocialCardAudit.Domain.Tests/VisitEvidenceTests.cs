using SocialCardAudit.Domain.Verification;

namespace SocialCardAudit.Domain.Tests;

/// <summary>Whether a finding looks made at the door: far from its village, or one of many made on one spot within minutes.</summary>
public sealed class VisitEvidenceTests
{
    private static readonly DateTime Noon = new(2021, 6, 10, 4, 0, 0, DateTimeKind.Utc);

    // 梅田湖 lies near 28.4°N 112.4°E; at that latitude 0.001° of latitude is about 111 m, of longitude about 98 m.
    private static VisitPlace At(double northMetres, double eastMetres, double accuracy = 10, int minutes = 0) =>
        new(28.4 + (northMetres / 111_195), 112.4 + (eastMetres / 97_800), accuracy, Noon.AddMinutes(minutes));

    private static readonly VisitPlace[] Village = [At(0, 0), At(150, 80), At(-200, 120), At(90, -300), At(-60, -40), At(400, 250)];

    [Fact]
    public void Distances_are_metres_on_the_ground()
    {
        Assert.InRange(At(0, 0).MetersTo(At(1000, 0)), 995, 1005);
        Assert.InRange(At(0, 0).MetersTo(At(0, 1000)), 995, 1005);
        Assert.Equal(0, At(5, 5).MetersTo(At(5, 5)), 6);
    }

    [Fact]
    public void A_finding_made_in_the_village_raises_nothing()
    {
        Assert.Empty(VisitEvidence.Doubts(At(300, -200), Village, []));
    }

    [Fact]
    public void A_finding_made_far_from_the_village_says_how_far()
    {
        var doubt = Assert.Single(VisitEvidence.Doubts(At(12_000, 0), Village, []));
        Assert.Contains("约 12.0 公里", doubt, StringComparison.Ordinal);
        Assert.Contains("本村其他 6 条", doubt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_phone_s_stated_accuracy_is_given_to_it_and_a_few_findings_do_not_make_a_village()
    {
        Assert.Empty(VisitEvidence.Doubts(At(4_000, 0, accuracy: 1_500), Village, [])); // 4 km away, ±1.5 km: could be the edge
        Assert.Empty(VisitEvidence.Doubts(At(12_000, 0), Village.Take(VisitEvidence.VillagePlacesNeeded - 1).ToList(), []));
    }

    [Fact]
    public void The_village_s_centre_is_not_moved_by_a_few_findings_made_elsewhere()
    {
        var centre = VisitEvidence.Centre([.. Village, At(30_000, 0), At(30_000, 0)]);
        Assert.True(centre.MetersTo(At(0, 0)) < 500);
    }

    [Fact]
    public void Five_people_recorded_within_minutes_on_one_spot_is_a_desk_not_their_doors()
    {
        var others = new List<(string, VisitPlace)> { ("张一", At(3, 2, minutes: -8)), ("张二", At(-5, 4, minutes: -6)), ("张三", At(8, -6, minutes: -3)), ("张四", At(1, 1, minutes: -1)) };
        var doubt = Assert.Single(VisitEvidence.Doubts(At(0, 0), Village, others));
        Assert.Equal("10 分钟内在同一地点(相距 30 米以内)记录了 5 户:本户及张一、张二、张三、张四。", doubt);

        Assert.Empty(VisitEvidence.Doubts(At(0, 0), Village, others.Take(3).ToList())); // four: a courtyard of households
        Assert.Empty(VisitEvidence.Doubts(At(0, 0), Village, others.Select(o => (o.Item1, At(0, 0, minutes: -30))).ToList())); // half an hour before
        Assert.Empty(VisitEvidence.Doubts(At(0, 0), Village, others.Select((o, i) => (o.Item1, At(60 * (i + 1), 0))).ToList())); // next doors
        Assert.Empty(VisitEvidence.Doubts(At(0, 0, accuracy: 200), Village, others)); // too coarse to tell doors apart
    }

    [Fact]
    public void Only_places_on_Earth_are_kept()
    {
        Assert.NotNull(VisitPlace.From(28.4, 112.4, 12, Noon));
        Assert.Null(VisitPlace.From(95, 112.4, 12, Noon));
        Assert.Null(VisitPlace.From(28.4, 200, 12, Noon));
        Assert.Null(VisitPlace.From(28.4, 112.4, -1, Noon));
        Assert.Null(VisitPlace.From(28.4, null, 12, Noon));
        Assert.Null(VisitPlace.From(28.4, 112.4, 12, null));
    }
}
