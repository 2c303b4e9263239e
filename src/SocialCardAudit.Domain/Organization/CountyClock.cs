using System.Globalization;

namespace SocialCardAudit.Domain.Organization;

/// <summary>
/// The one clock the system reads: instants are stored in UTC (the …AtUtc fields); what a page or a document shows,
/// what a form pre-fills and accepts, "today", and the days and weeks that are counted are the county's own time
/// (a tenant setting, Asia/Shanghai unless a county says otherwise), whatever the server's time zone.
/// Civil times written on paper (a visit's time on the 附件2 sheet) are kept as written, in the county's time.
/// </summary>
public sealed class CountyClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Shanghai";

    // Every Linux and Windows server knows Asia/Shanghai; a fixed UTC+8 stands in where no zone data is installed.
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.TryFindSystemTimeZoneById(DefaultZoneId, out var z)
        ? z : TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "北京时间", "北京时间");

    /// <summary>The county's clock for a tenant's setting; an unknown or empty zone is Beijing time.</summary>
    public static CountyClock For(TimeProvider time, string? zoneId) =>
        new(time, !string.IsNullOrWhiteSpace(zoneId) && zoneId != DefaultZoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : Beijing);

    /// <summary>Beijing time on the system clock: for what runs outside any county (tests, the CLI's defaults).</summary>
    public static CountyClock BeijingTime { get; } = new(TimeProvider.System, Beijing);

    /// <summary>A clock stopped at one instant: for replaying what happened then (demo data, tests).</summary>
    public static CountyClock At(DateTime utc, string? zoneId = null) => For(new Stopped(utc), zoneId);

    private sealed class Stopped(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }

    public static bool IsKnownZone(string zoneId) => TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    public TimeZoneInfo Zone => zone;

    public TimeProvider Time => time;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>The county's wall-clock time now.</summary>
    public DateTime Now => Local(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The instant of a wall-clock time in the county.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>The county's day an instant falls on.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    /// <summary>Midnight at the end of a county day, as an instant: e.g. the end of a report week.</summary>
    public DateTime EndOfDayUtc(DateOnly day) => ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Minute(DateTime? utc) => utc is { } u ? Minute(u) : "";

    public string Second(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Month, day and time, for lists where the year is plain.</summary>
    public string Short(DateTime utc) => Local(utc).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The date as written on a form: 2021年6月10日.</summary>
    public string Day(DateTime utc) => Local(utc).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
