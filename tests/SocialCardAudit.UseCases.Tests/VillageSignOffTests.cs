using Microsoft.EntityFrameworkCore;
using SocialCardAudit.Data;
using SocialCardAudit.Domain.SignOff;
using SocialCardAudit.UseCases.Access;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.SignOff;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>A village's statistics from the clerk's signature to the town's, called as the pages call them, on a real database file.</summary>
public sealed class VillageSignOffTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static Task<string?> Signed() => Task.FromResult<string?>(null);

    private async Task<(int Campaign, int Village, Actor Clerk, Actor Town)> SanheAsync()
    {
        var clerk = await demo.ActorAsync("demo.clerk2");
        await using var db = demo.Db(clerk.Scope.TenantId);
        var campaign = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        return (campaign, clerk.Scope.UnitId, clerk, await demo.ActorAsync("demo.town"));
    }

    private async Task<VillageSubmission> SubmissionAsync(AppDbContext db, int campaign, int village) =>
        await db.VillageSubmissions.Include(v => v.Steps).ThenInclude(s => s.Rows).SingleAsync(v => v.CampaignId == campaign && v.VillageId == village);

    [Fact]
    public async Task Clerk_signs_town_returns_a_selection_clerk_signs_again_town_approves_and_reopens()
    {
        var (campaign, village, clerk, town) = await SanheAsync();
        var tenant = clerk.Scope.TenantId;
        Result Run(Func<AppDbContext, TimeProvider, Task<Result>> call)
        {
            using var db = demo.Db(tenant);
            return call(db, TimeProvider.System).GetAwaiter().GetResult();
        }

        // Not the password: nothing signed. No reasons for the unverified: refused, naming how many.
        var wrong = Run((db, t) => new SubmitVillage(db, t).HandleAsync(clerk, new(campaign, village, null, null), () => Task.FromResult<string?>("密码不正确,未签字。"), default));
        Assert.Equal(new Result(Status.Refused, "密码不正确,未签字。"), wrong);
        var unexplained = Run((db, t) => new SubmitVillage(db, t).HandleAsync(clerk, new(campaign, village, null, null), Signed, default));
        Assert.Equal(Status.Refused, unexplained.Status);
        Assert.Contains("人未核查且未说明原因", unexplained.Message, StringComparison.Ordinal);

        // Another village's clerk may not; the town may not sign for the clerk; another county does not see it.
        var otherClerk = await demo.ActorAsync("demo.clerk1");
        Assert.Equal(Result.Denied, Run((db, t) => new SubmitVillage(db, t).HandleAsync(otherClerk, new(campaign, village, null, "外出"), Signed, default)));
        Assert.Equal(Result.Denied, Run((db, t) => new SubmitVillage(db, t).HandleAsync(town, new(campaign, village, null, "外出"), Signed, default)));
        var otherCounty = await demo.ActorAsync("demo2.clerk1");
        await using (var foreign = demo.Db(otherCounty.Scope.TenantId))
        {
            Assert.Equal(Result.NotFound, await new SubmitVillage(foreign, TimeProvider.System).HandleAsync(otherCounty, new(campaign, village, null, "外出"), Signed, default));
        }

        Assert.Equal(Status.Done, Run((db, t) => new SubmitVillage(db, t).HandleAsync(clerk, new(campaign, village, null, "外出务工"), Signed, default)).Status);
        List<long> open;
        await using (var db = demo.Db(tenant))
        {
            var submitted = await SubmissionAsync(db, campaign, village);
            Assert.Equal(SubmissionState.Submitted, submitted.State);
            Assert.Matches("^[0-9a-f]{64}$", submitted.SignedDigest);
            open = [.. submitted.OpenReasons.Keys.Order().Take(3)];
        }

        // The clerk cannot approve; the town returns three people ticked in its list with one reason.
        Assert.Equal(Result.Denied, Run((db, t) => new ApproveVillage(db, t).HandleAsync(clerk, new(campaign, village), Signed, default)));
        var returned = Run((db, t) => new ReturnVillage(db, t).HandleAsync(town, new(campaign, village, null, null, open, "请补充证明"), default));
        Assert.Equal(Status.Done, returned.Status);
        await using (var db = demo.Db(tenant))
        {
            var back = await SubmissionAsync(db, campaign, village);
            Assert.Equal(SubmissionState.Returned, back.State);
            Assert.Equal(open, back.ReturnedRows.Select(r => r.TaskRowId).Order());
            Assert.All(back.ReturnedRows, r => Assert.Equal("请补充证明", r.Reason));
        }

        Assert.Equal(Status.Done, Run((db, t) => new SubmitVillage(db, t).HandleAsync(clerk, new(campaign, village, null, "外出务工"), Signed, default)).Status);
        Assert.Equal(Status.Done, Run((db, t) => new ApproveVillage(db, t).HandleAsync(town, new(campaign, village, DigestAlgorithm.Sm3), Signed, default)).Status);
        Assert.Equal(Status.Refused, Run((db, t) => new ReopenVillage(db, t).HandleAsync(town, new(campaign, village, " "), default)).Status);
        Assert.Equal(Status.Done, Run((db, t) => new ReopenVillage(db, t).HandleAsync(town, new(campaign, village, "核对数据"), default)).Status);
        await using (var db = demo.Db(tenant))
        {
            var reopened = await SubmissionAsync(db, campaign, village);
            Assert.Equal(SubmissionState.InProgress, reopened.State);
            Assert.StartsWith("sm3:", reopened.Steps.Single(s => s.To == SubmissionState.Approved).Digest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_town_total_is_signed_only_by_the_town_and_only_when_every_village_is_approved()
    {
        var (campaign, _, clerk, town) = await SanheAsync();
        await using var db = demo.Db(clerk.Scope.TenantId);
        var handler = new SignTownTotal(db, TimeProvider.System);
        Assert.Equal(Result.Denied, await handler.HandleAsync(clerk, campaign, DigestAlgorithm.Sha256, Signed, default));
        Assert.Equal(Result.NotFound, await handler.HandleAsync(town, int.MaxValue, DigestAlgorithm.Sha256, Signed, default));
        Assert.Equal(Result.Refused("密码不正确,未签字。"), await handler.HandleAsync(town, campaign, DigestAlgorithm.Sha256, () => Task.FromResult<string?>("密码不正确,未签字。"), default));
        var early = await handler.HandleAsync(town, campaign, DigestAlgorithm.Sha256, Signed, default);
        Assert.Equal(Status.Refused, early.Status); // villages still open
        Assert.False(await db.TownSignatures.AnyAsync(t => t.CampaignId == campaign));
    }
}
