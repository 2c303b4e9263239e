namespace SocialCardAudit.Data.Documents;

/// <summary>Times on paper are Beijing time, whatever the server's own time zone.</summary>
public static class DocumentTime
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone : TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "北京时间", "北京时间");

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing);

    public static string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => Local(utc).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
