using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>The offline app's two calls over HTTP: the list the phone takes along, and the sync of one finding.</summary>
public sealed class OfflineSyncTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static string Visit() => SocialCardAudit.Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> InUse(int version, Guid request) => new()
    {
        ["Outcome"] = "ReceivedInUse", ["Phone"] = "13800138000", ["VisitedAt"] = Visit(), ["Signature"] = "Self",
        ["Version"] = version.ToString(CultureInfo.InvariantCulture), ["RequestId"] = request.ToString(),
    };

    [Fact]
    public async Task The_list_holds_the_verifier_s_own_rows_with_masked_numbers_only_and_is_never_cached()
    {
        var (day, signed, _, _) = await Scenario.OfflineDayAsync(fixture.App.Services, 12);
        var verifier = await fixture.App.SignedInAsync("demo.verifier11");
        var response = await verifier.GetAsync("/offline/list");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\d{17}[\dX]", text); // no full ID number
        Assert.DoesNotMatch(@"\d{16,19}", text); // no full bank card number
        using var list = JsonDocument.Parse(text);
        var ids = list.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Superset(day.Concat(signed).ToHashSet(), ids.ToHashSet());
        Assert.Equal(480, list.RootElement.GetProperty("offsetMinutes").GetInt32());
        Assert.NotEmpty(list.RootElement.GetProperty("token").GetString()!);

        // Another verifier of the county gets none of these rows.
        var other = await fixture.App.SignedInAsync("demo.verifier1");
        using var theirs = JsonDocument.Parse(await other.GetStringAsync("/offline/list"));
        Assert.DoesNotContain(theirs.RootElement.GetProperty("rows").EnumerateArray(), r => day.Contains(r.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Each_answer_says_what_happened_and_a_resend_records_once()
    {
        var (day, signed, signedCampaign, village) = await Scenario.OfflineDayAsync(fixture.App.Services, 12);
        var verifier = await fixture.App.SignedInAsync("demo.verifier11");
        var token = JsonDocument.Parse(await verifier.GetStringAsync("/offline/list")).RootElement.GetProperty("token").GetString()!;
        async Task<(HttpStatusCode Status, JsonElement Answer)> SyncAsync(long row, Dictionary<string, string> form)
        {
            var response = await verifier.PostFormAsync($"/rows/{row}/finding/sync", token, form);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }

        // Saved, then the same request again (the phone never heard the answer): recorded once.
        var request = Guid.NewGuid();
        var (status, answer) = await SyncAsync(day[1], InUse(0, request));
        Assert.Equal((HttpStatusCode.OK, "saved", 1), (status, answer.GetProperty("outcome").GetString(), answer.GetProperty("version").GetInt32()));
        (status, answer) = await SyncAsync(day[1], InUse(0, request));
        Assert.Equal((HttpStatusCode.OK, "already"), (status, answer.GetProperty("outcome").GetString()));
        await using (var db = Db())
        {
            Assert.Equal(1, await db.VerificationVersions.IgnoreQueryFilters().CountAsync(v => v.TaskRowId == day[1]));
        }

        // From a version that is no longer the latest: refused, with the newer one to show beside the phone's.
        var later = InUse(0, Guid.NewGuid());
        later["Signature"] = "Fingerprint";
        (status, answer) = await SyncAsync(day[1], later);
        Assert.Equal((HttpStatusCode.Conflict, "stale", 1), (status, answer.GetProperty("outcome").GetString(), answer.GetProperty("version").GetInt32()));
        Assert.Equal("ReceivedInUse", answer.GetProperty("current").GetProperty("Outcome").GetString());
        Assert.Equal("谢永强", answer.GetProperty("currentBy").GetString()); // demo.verifier11, from the phone's first sync

        // Against the rules of 附件2: every reason, in Chinese, by field.
        var bad = InUse(0, Guid.NewGuid());
        bad["Phone"] = "12345";
        bad["Outcome"] = "ReceivedDeceased";
        (status, answer) = await SyncAsync(day[2], bad);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "refused"), (status, answer.GetProperty("outcome").GetString()));
        var fields = answer.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(SocialCardAudit.Domain.Verification.FindingRules.Messages.PhoneInvalid, fields["Phone"]);
        Assert.Contains("代为签名", fields["Signature"], StringComparison.Ordinal);

        // A signed village: kept on the phone, and the verifier is told who to see.
        await Scenario.SubmitVillageAsync(fixture.App.Services, signedCampaign, village, "demo.clerk11");
        (status, answer) = await SyncAsync(signed[0], InUse(0, Guid.NewGuid()));
        Assert.Equal((HttpStatusCode.Conflict, "locked"), (status, answer.GetProperty("outcome").GetString()));
        Assert.Contains("村级清查责任人", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        await using (var db = Db())
        {
            Assert.False(await db.VerificationRecords.IgnoreQueryFilters().AnyAsync(r => r.TaskRowId == signed[0] || r.TaskRowId == day[2]));
        }
    }

    [Fact]
    public async Task The_place_goes_with_the_finding_and_one_far_from_the_village_raises_a_doubt_the_clerk_reads()
    {
        var (day, _, _, _) = await Scenario.OfflineDayAsync(fixture.App.Services, 12);
        var verifier = await fixture.App.SignedInAsync("demo.verifier11");
        var token = JsonDocument.Parse(await verifier.GetStringAsync("/offline/list")).RootElement.GetProperty("token").GetString()!;
        var fixedAt = DateTimeOffset.UtcNow.AddMinutes(-50);
        async Task<HttpStatusCode> SyncAsync(long row, double north, int minutes)
        {
            var form = InUse(0, Guid.NewGuid());
            form["PlaceLatitude"] = (28.4 + (north / 111_195)).ToString("R", CultureInfo.InvariantCulture);
            form["PlaceLongitude"] = "112.4";
            form["PlaceAccuracy"] = "12";
            form["PlacedAt"] = fixedAt.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);
            return (await verifier.PostFormAsync($"/rows/{row}/finding/sync", token, form)).StatusCode;
        }

        // Five doors of the village, a quarter of an hour apart, a few hundred metres from each other.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await SyncAsync(day[6 + i], 200 * i, 15 * i));
        }
        // Then one made 20 km away.
        Assert.Equal(HttpStatusCode.OK, await SyncAsync(day[11], 20_000, 80));

        await using (var db = Db())
        {
            var place = (await db.VerificationVersions.IgnoreQueryFilters().SingleAsync(v => v.TaskRowId == day[6])).Place!;
            Assert.Equal((28.4, 112.4, 12.0), (Math.Round(place.Latitude, 6), place.Longitude, place.AccuracyMeters));
            Assert.Equal(fixedAt.UtcDateTime, place.AtUtc, TimeSpan.FromMilliseconds(1));
            var doubts = await db.SuspiciousIssues.IgnoreQueryFilters().Where(i => i.Source == SocialCardAudit.Domain.Verification.IssueSource.Place
                && day.Contains(i.TaskRowId)).ToListAsync();
            var doubt = Assert.Single(doubts);
            Assert.Equal(day[11], doubt.TaskRowId);
            Assert.Contains("中心约 19.6 公里", doubt.Details, StringComparison.Ordinal); // from the middle door, 400 m up
        }

        // The clerk of the village reads the place on the row; a clerk of another village cannot open the row.
        var clerk = await fixture.App.SignedInAsync("demo.clerk11");
        var page = await clerk.GetStringAsync($"/rows/{day[11]}");
        Assert.Contains("上门位置:28.", page, StringComparison.Ordinal);
        var otherClerk = await fixture.App.SignedInAsync("demo.clerk1");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClerk.GetAsync($"/rows/{day[11]}")).StatusCode);
    }

    private AppDbContext Db() => new(fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(null));
}
