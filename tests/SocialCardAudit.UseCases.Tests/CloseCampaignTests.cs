using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>Ending a campaign, as its page does it.</summary>
public sealed class CloseCampaignTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Only_its_managers_end_a_campaign_and_an_ended_one_takes_no_findings()
    {
        var town = await demo.ActorAsync("demo.town");
        await using var db = demo.Db(town.Scope.TenantId);
        var campaign = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        var handler = new Campaigns.CloseCampaign(db, TimeProvider.System);
        Assert.Equal(Result.Denied, await handler.HandleAsync(await demo.ActorAsync("demo.clerk1"), campaign, default));
        Assert.Equal(Result.NotFound, await handler.HandleAsync(town, int.MaxValue, default));
        Assert.Equal(Status.Done, (await handler.HandleAsync(town, campaign, default)).Status);
        Assert.Equal(Status.Refused, (await handler.HandleAsync(town, campaign, default)).Status); // already ended

        var verifier = await demo.ActorAsync("demo.verifier1");
        await using var later = demo.Db(town.Scope.TenantId);
        var row = await later.TaskRows.Where(Access.Access.AssignedTo(verifier.Scope, verifier.UserId)).Select(r => r.Id).FirstAsync();
        var finding = DemoProgress.Sample(Domain.Verification.Outcome.ReceivedInUse, Domain.Organization.CountyClock.BeijingTime.Now.AddHours(-1));
        var result = await new Verification.RecordFinding(later, demo.Services.GetRequiredService<Data.Protection.PersonalDataProtector>(), TimeProvider.System)
            .HandleAsync(verifier, new(row, finding, 0, Guid.NewGuid()), default);
        Assert.Equal(Verification.RecordOutcome.Closed, result.Outcome);
    }
}
