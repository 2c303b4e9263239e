using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Documents;
using SocialCardAudit.UseCases.Reports;

namespace SocialCardAudit.Web.Features.Reports;

/// <summary>Freezes the week that ended for every open campaign: at start-up, then every hour (cheap when already done).</summary>
public sealed class WeeklyFreezingService(DbContextOptions<AppDbContext> options, TimeProvider clock, ILogger<WeeklyFreezingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var frozen = await WeeklyFreezing.FreezeEndedWeeksAsync(options, clock, stoppingToken);
                if (frozen > 0)
                {
                    log.LogInformation("Froze last week's figures of {Campaigns} campaigns", frozen);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Weekly freezing failed; it is tried again within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
