using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Domain.Archive;
using SocialCardAudit.UseCases.Archive;
using SocialCardAudit.UseCases.Campaigns;
using SocialCardAudit.UseCases.Demo;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>A closed campaign's archive on a real database file: compiled once, numbered, and verified against its own hashes.</summary>
public sealed class ArchiveTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private PersonalDataProtector Protector => demo.Services.GetRequiredService<PersonalDataProtector>();

    [Fact]
    public async Task A_closed_campaign_is_archived_once_numbered_by_the_scheme_and_a_changed_file_fails_verification()
    {
        var town = await demo.ActorAsync("demo.town");
        int id;
        await using (var db = demo.Db(town.Scope.TenantId))
        {
            id = await db.Campaigns.Where(c => c.Code == DemoData.CampaignCode).Select(c => c.Id).SingleAsync();
        }
        CompileArchive Compile() => new(demo.Db(town.Scope.TenantId), Protector, TimeProvider.System);
        static string Url(int village) => $"https://example.org/verify/{village}";

        Assert.Equal(Result.Refused("专项清查“梅田湖镇城乡居民社会保障卡专项清查”尚未结束:结束后才能归档。"), await Compile().HandleAsync(town, id, Url, default));
        Assert.Equal(Status.Done, (await new CloseCampaign(demo.Db(town.Scope.TenantId), TimeProvider.System).HandleAsync(town, id, default)).Status);
        Assert.Equal(Result.Denied, await Compile().HandleAsync(await demo.ActorAsync("demo.clerk1"), id, Url, default));

        var done = await Compile().HandleAsync(town, id, Url, default);
        Assert.Equal(Status.Done, done.Status);
        Assert.StartsWith("已归档:1 卷,12 份文件", done.Message, StringComparison.Ordinal);
        Assert.Equal(Status.Refused, (await Compile().HandleAsync(town, id, Url, default)).Status); // the archive does not change

        await using var check = demo.Db(town.Scope.TenantId);
        var volume = await check.ArchiveVolumes.Include(v => v.Files).SingleAsync(v => v.CampaignId == id);
        var year = CountyYear(volume.CompiledAtUtc);
        Assert.Equal((year, "GL", "待遇领取资格验证材料", 1, Retention.Years50), (volume.Year, volume.Category, volume.BusinessLink, volume.Number, volume.Retention));
        Assert.Equal(new DateOnly(year + 50, 12, 31), volume.KeptUntil);
        var files = volume.Files.OrderBy(f => f.Sequence).ToList();
        Assert.Equal($"{year}-GL-待遇领取资格验证材料-1-1-C", files[0].FileNumber);
        Assert.Equal($"{year}-GL-待遇领取资格验证材料-1-{1 + files[0].Pages}-C", files[1].FileNumber); // pages run on through the volume
        Assert.Equal(volume.Pages, files.Sum(f => f.Pages));
        var first = Protector.UnprotectBytes(files[0].Cipher, Purposes.ArchivedFile);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4));
        Assert.Empty(await VerifyArchive.ProblemsAsync(check, Protector, id, default));

        // One byte of one file changed in the database: verification names it.
        var changed = (byte[])first.Clone();
        changed[^10] ^= 0x01;
        files[3].Cipher = Protector.Protect(changed, Purposes.ArchivedFile);
        await check.SaveChangesAsync();
        var problems = await VerifyArchive.ProblemsAsync(check, Protector, id, default);
        Assert.Equal([$"{files[3].FileNumber}“{files[3].Title}”与归档时不符。"], problems);
    }

    private static int CountyYear(DateTime utc) => Domain.Organization.CountyClock.For(TimeProvider.System, null).Local(utc).Year;
}
