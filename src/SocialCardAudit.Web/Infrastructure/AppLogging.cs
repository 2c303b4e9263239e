using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SocialCardAudit.Web.Infrastructure;

public static partial class AppLogging
{
    public static void Configure(LoggerConfiguration log, IConfiguration configuration)
    {
        log.MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.With<PersonalDataRedactor>();
        if (!string.Equals(configuration["Logging:Console"], "none", StringComparison.OrdinalIgnoreCase))
        {
            log.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        var file = configuration["Logging:File:Path"] ?? "logs/socialcardaudit-.log";
        if (!string.Equals(file, "none", StringComparison.OrdinalIgnoreCase))
        {
            log.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 60,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // 15–19 digits (old and new ID numbers, bank card numbers), optionally ending in X.
    [GeneratedRegex(@"(?<!\d)\d{6}\d{8,12}[\dXx](?!\d)")]
    internal static partial Regex LongNumber();

    internal static string Redact(string s) => LongNumber().Replace(s, m => m.Value[..4] + new string('*', m.Length - 4));
}

/// <summary>
/// A last line of defence: an ID or bank card number that reaches a log property is masked before any
/// sink sees it. Code should not log them in the first place.
/// </summary>
public sealed class PersonalDataRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string s } && AppLogging.LongNumber().IsMatch(s))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(AppLogging.Redact(s))));
            }
        }
    }
}
