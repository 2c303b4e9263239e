using System.Globalization;

namespace SocialCardAudit.Domain.Verification;

/// <summary>
/// Where and when the phone was as a finding was made (the browser's geolocation, with the verifier's consent):
/// degrees WGS-84 as the browser gives them, the accuracy it states, and the moment of the fix on the phone's clock.
/// </summary>
public sealed record VisitPlace(double Latitude, double Longitude, double AccuracyMeters, DateTime AtUtc)
{
    /// <summary>A place as sent by a phone, or null when it is missing or not a place on Earth.</summary>
    public static VisitPlace? From(double? latitude, double? longitude, double? accuracy, DateTime? atUtc) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && accuracy is >= 0 and < 100_000 && atUtc is { } at
            ? new VisitPlace(latitude.Value, longitude.Value, accuracy.Value, DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : null;

    /// <summary>Great-circle distance in metres (haversine): exact enough over a county.</summary>
    public double MetersTo(VisitPlace other)
    {
        const double EarthRadius = 6_371_000;
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.00000}, {Longitude:0.00000}(精度约 {AccuracyMeters:0} 米)");
}

/// <summary>
/// Whether a finding looks made at the door (必须上门到户地实施、据实填报). No map is needed: a village is where its
/// findings are made, so its centre is the median of their places; a finding far from it, or many findings of
/// different people made within minutes on one spot (a desk, not doors), raise a 疑点 with the facts for the
/// village clerk and the town. A 疑点 asks for a look; it decides nothing.
/// </summary>
public static class VisitEvidence
{
    public const string Reason = "上门位置存疑";

    /// <summary>Farther than this from the village's centre (after the phone's own stated accuracy) is outside the village.</summary>
    public const double FarMeters = 3_000;

    /// <summary>The village's centre is taken once this many of its other findings carry a place.</summary>
    public const int VillagePlacesNeeded = 5;

    /// <summary>Findings of different people within this distance of each other are on one spot.</summary>
    public const double OneSpotMeters = 30;

    /// <summary>A fix less accurate than this cannot tell one spot from the next house, so it is not judged for it.</summary>
    public const double OneSpotAccuracyMeters = 50;

    /// <summary>This many findings (this one included) on one spot within <see cref="OneSpotWindow"/> raise the doubt.</summary>
    public const int OneSpotCount = 5;

    public static readonly TimeSpan OneSpotWindow = TimeSpan.FromMinutes(10);

    /// <param name="place">Where this finding was made.</param>
    /// <param name="village">Where the village's other findings were made.</param>
    /// <param name="recent">The same verifier's findings for other people, by name, with their places.</param>
    /// <returns>The doubts, each a sentence of facts; empty when the place raises none.</returns>
    public static IReadOnlyList<string> Doubts(VisitPlace place, IReadOnlyCollection<VisitPlace> village, IReadOnlyCollection<(string Name, VisitPlace Place)> recent)
    {
        var doubts = new List<string>();
        if (village.Count >= VillagePlacesNeeded)
        {
            var centre = Centre(village);
            var away = place.MetersTo(centre) - place.AccuracyMeters;
            if (away > FarMeters)
            {
                doubts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"记录位置距本村其他 {village.Count} 条核查记录的中心约 {place.MetersTo(centre) / 1000:0.0} 公里(手机定位精度约 {place.AccuracyMeters:0} 米)。"));
            }
        }
        if (place.AccuracyMeters <= OneSpotAccuracyMeters)
        {
            var near = recent
                .Where(r => r.Place.AccuracyMeters <= OneSpotAccuracyMeters && (r.Place.AtUtc - place.AtUtc).Duration() <= OneSpotWindow
                    && r.Place.MetersTo(place) <= OneSpotMeters)
                .OrderBy(r => r.Place.AtUtc).ToList();
            if (near.Count + 1 >= OneSpotCount)
            {
                var names = string.Join("、", near.Take(8).Select(r => r.Name)) + (near.Count > 8 ? "等" : "");
                doubts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{OneSpotWindow.TotalMinutes:0} 分钟内在同一地点(相距 {OneSpotMeters:0} 米以内)记录了 {near.Count + 1} 户:本户及{names}。"));
            }
        }
        return doubts;
    }

    /// <summary>The median of latitudes and of longitudes: a few findings made elsewhere do not move it.</summary>
    public static VisitPlace Centre(IReadOnlyCollection<VisitPlace> places)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
        return new VisitPlace(Median(places.Select(p => p.Latitude)), Median(places.Select(p => p.Longitude)), 0, default);
    }
}
