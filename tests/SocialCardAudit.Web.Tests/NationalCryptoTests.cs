using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Tasks;
using SocialCardAudit.Testing;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Tests;

/// <summary>The app with the national algorithms chosen: SM4-GCM for personal data at rest, HMAC-SM3 for the blind index.</summary>
public sealed class Sm4AppFactory : AppFactory
{
    public static readonly string Sm4Key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PersonalData:ActiveKeyId", "2");
        builder.UseSetting("PersonalData:Sm4Keys:2", Sm4Key);
        builder.UseSetting("PersonalData:IndexKey", Convert.ToBase64String(PersonalDataKeys.Development.IndexKey));
        builder.UseSetting("PersonalData:IndexAlgorithm", "HmacSm3");
        builder.UseSetting("Security:DigestAlgorithm", "Sm3");
    }
}

public sealed class Sm4Fixture : IAsyncLifetime
{
    public Sm4AppFactory App { get; } = new();
    public Scenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = App.Server;
        Scenario = await Scenario.PrepareAsync(App.Services);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class NationalCryptoTests(Sm4Fixture fixture) : IClassFixture<Sm4Fixture>
{
    [Fact]
    public void SM4_is_the_block_cipher_of_GB_T_32907()
    {
        // The standard's example: key and plaintext 0123456789abcdeffedcba9876543210.
        var engine = new Org.BouncyCastle.Crypto.Engines.SM4Engine();
        var block = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        engine.Init(true, new Org.BouncyCastle.Crypto.Parameters.KeyParameter(block));
        var output = new byte[16];
        engine.ProcessBlock(block, 0, output, 0);
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(output));
    }

    [Fact]
    public void SM4_values_record_their_algorithm_are_bound_to_their_purpose_and_AES_ones_still_read()
    {
        var keys = fixture.App.Services.GetRequiredService<PersonalDataKeys>();
        Assert.Equal(CipherAlgorithm.Sm4Gcm, keys.ActiveAlgorithm);
        var sm4 = new PersonalDataProtector(keys);
        var blob = sm4.Protect("43092119800101123X", Purposes.IdNumber);
        Assert.Equal(CipherAlgorithm.Sm4Gcm, PersonalDataProtector.AlgorithmOf(blob));
        Assert.Equal(2, PersonalDataProtector.KeyIdOf(blob));
        Assert.Equal("43092119800101123X", sm4.Unprotect(blob, Purposes.IdNumber));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => sm4.Unprotect(blob, Purposes.BankCard));
        blob[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => sm4.Unprotect(blob, Purposes.IdNumber));
        // The index differs from the SHA-256 one, so an installation switching must re-protect (sca reprotect).
        Assert.NotEqual(new PersonalDataProtector(PersonalDataKeys.Development).Hash("43092119800101123X", Purposes.IdNumber), sm4.Hash("43092119800101123X", Purposes.IdNumber));
    }

    [Fact]
    public async Task Under_SM4_rows_are_stored_revealed_found_again_as_duplicates_and_signed_and_verified()
    {
        var options = fixture.App.Services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var protector = fixture.App.Services.GetRequiredService<PersonalDataProtector>();
        await using var db = new AppDbContext(options, new FixedTenant(null));
        var stored = await db.TaskRows.IgnoreQueryFilters().Select(r => r.IdNumberCipher).ToListAsync();
        Assert.All(stored, c => Assert.Equal(CipherAlgorithm.Sm4Gcm, PersonalDataProtector.AlgorithmOf(c)));

        // Revealed in full to the town.
        var row = fixture.Scenario.Own.RowId;
        var town = await fixture.App.SignedInAsync("demo.town");
        var html = await (await town.PostFormAsync($"/rows/{row}/reveal", await town.TokenAsync($"/rows/{row}"), [])).Content.ReadAsStringAsync();
        var full = Regex.Match(html, @"<code id=""id-number"">(\d{17}[\dX])</code>").Groups[1].Value;
        Assert.Equal(protector.Unprotect(await db.TaskRows.IgnoreQueryFilters().Where(r => r.Id == row).Select(r => r.IdNumberCipher).SingleAsync(), Purposes.IdNumber), full);

        // The demo's own people imported again are found by the SM3 index: nobody is added twice.
        var demo = await db.Tenants.SingleAsync(t => t.Code == "demo");
        await using var tenantDb = new AppDbContext(options, new FixedTenant(demo.Id));
        var campaign = await tenantDb.Campaigns.SingleAsync(c => c.Code == DemoData.CampaignCode);
        using var file = new MemoryStream();
        SyntheticTaskList.WriteXlsx(file, SyntheticTaskList.Rows(12, DemoData.MeitianhuVillages));
        var job = new TaskImport { CampaignId = campaign.Id, FileName = "again.xlsx", Sha256 = new string('0', 64), UserId = "test", UserName = "test", CreatedAtUtc = DateTime.UtcNow };
        tenantDb.TaskImports.Add(job);
        await tenantDb.SaveChangesAsync();
        file.Position = 0;
        await new TaskImporter(tenantDb, protector, TimeProvider.System, NullLogger<TaskImporter>.Instance).RunAsync(job, file, null, default);
        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(0, job.Imported);
        Assert.Equal(12, job.AlreadyPresent);

        // Signed by the clerk, verified by the town.
        var page = $"/campaigns/{fixture.Scenario.Own.CampaignId}/villages/{fixture.Scenario.Own.UnitId}";
        var clerk = await fixture.App.SignedInAsync("demo.clerk1");
        await clerk.PostFormAsync($"{page}/submit", await clerk.TokenAsync($"{page}/signoff"), new() { ["reasonForRest"] = "外出务工", ["password"] = DemoData.Password });
        var signed = await town.GetStringAsync($"{page}/signoff/verify");
        Assert.Contains("核验通过", signed, StringComparison.Ordinal);
        Assert.Matches(@"<code class=""digest"">sm3:[0-9a-f]{64}</code>", signed); // signed with SM3, and says so

        // The security events are chained with SM3 as well.
        Assert.All(await db.SecurityEvents.IgnoreQueryFilters().Where(e => e.Sequence > 0).Select(e => e.Hash).ToListAsync(),
            h => Assert.StartsWith("sm3:", h, StringComparison.Ordinal));
    }
}
