using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Protection;
using SocialCardAudit.Data.Security;
using SocialCardAudit.Documents;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases;
using SocialCardAudit.UseCases.Demo;
using SocialCardAudit.UseCases.Imports;
using SocialCardAudit.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var database = Database.FromConfiguration(config);

// Each host keeps its own logger (tests run several hosts in one process).
builder.Services.AddSerilog((_, log) => AppLogging.Configure(log, config), preserveStaticLogger: true);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ITenantContext, HttpTenantContext>();
// The county's clock for the signed-in account (Beijing time for anonymous pages): see CountyClock.
builder.Services.AddScoped(sp => CountyClock.For(sp.GetRequiredService<TimeProvider>(),
    sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.FindFirstValue(AppClaims.TimeZone)));
builder.Services.AddAppDatabase(database);
builder.Services.AddScoped<SecurityEvents>();
builder.Services.AddSingleton(TimeProvider.System);
// Real keys come from configuration; the public development keys only ever serve a Development database.
builder.Services.AddSingleton(PersonalDataKeys.FromConfiguration(config, allowDevelopmentKeys: builder.Environment.IsDevelopment()));
CjkFont.Configure(config["Documents:CjkFont"]);
builder.Services.AddSingleton<PersonalDataProtector>();
// The upload limit and the import lease: the same on every node.
var importDefaults = new SocialCardAudit.UseCases.Imports.ImportSettings();
var imports = importDefaults with
{
    MaxFileBytes = config.GetValue<long?>("Imports:MaxFileMegabytes") is { } mb and > 0 ? mb * 1024 * 1024 : importDefaults.MaxFileBytes,
    Lease = config.GetValue<int?>("Imports:LeaseSeconds") is { } lease and >= 3 ? TimeSpan.FromSeconds(lease) : importDefaults.Lease,
};
builder.Services.AddSingleton(imports);
builder.Services.AddUseCases();
builder.Services.AddHostedService<SocialCardAudit.Web.Features.Import.ImportWorker>();
builder.Services.AddHostedService<SocialCardAudit.Web.Features.Reports.WeeklyFreezingService>();

builder.Services.AddIdentity<AppUser, IdentityRole>(AppIdentity.Configure)
    .AddAppStores()
    .AddSignInManager<AppSignInManager>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();

builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "sca.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:IdleTimeoutMinutes", 30));
    o.SlidingExpiration = true;
    // Every request re-checks the security stamp, so a disabled account or a changed role takes effect at once.
    o.Events.OnValidatePrincipal = SecurityStampCheck.ValidateAsync;
    o.Events.OnRedirectToAccessDenied = async ctx =>
    {
        // Answer 403 with the Chinese status page (no redirect), and keep a record of the attempt.
        await ctx.HttpContext.RequestServices.GetRequiredService<SecurityEvents>()
            .RecordAsync(SecurityEventKind.AccessDenied, ctx.HttpContext.User);
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
    };
});
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.TenantAdmin, p => p.RequireRole(Roles.TenantAdmin))
    .AddPolicy(Policies.CampaignStaff, p => p.RequireRole(Roles.CountySupervisor, Roles.TownOffice, Roles.VillageClerk, Roles.Verifier))
    .AddPolicy(Policies.CampaignManagers, p => p.RequireRole(Roles.CountySupervisor, Roles.TownOffice));
builder.Services.AddSingleton<IAuthorizationHandler, InScopeHandler>();

// The cookie and antiforgery keys: in the database by default, so every node of the app reads what another
// issued and a restart signs nobody out; in a folder when one is named.
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SocialCardAudit");
if (config["DataProtection:KeysPath"] is { Length: > 0 } keys)
{
    dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
}
else
{
    dataProtection.PersistKeysToDbContext<AppDbContext>();
}

builder.Services.AddControllersWithViews(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Filters.Add<MustChangePasswordFilter>();
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true; // validators say what is required, in Chinese
        ChineseModelBinding.Apply(o.ModelBindingMessageProvider);
        o.MaxModelBindingCollectionSize = RequestLimits.MaxFormValues; // a village's list of people, ticked and with reasons
    })
    .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
    .AddRazorOptions(o =>
    {
        // Feature folders: a controller's views sit beside it.
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Admin/{1}/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    });
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
// Chinese text goes out as it is, not as &#x...; entities: pages stay readable and small.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    var zh = new CultureInfo("zh-CN");
    o.DefaultRequestCulture = new RequestCulture(zh);
    o.SupportedCultures = o.SupportedUICultures = [zh];
});

var maxBodyBytes = RequestLimits.MaxBodyBytes(imports);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBodyBytes);
// With a public address configured and no explicit AllowedHosts, only that host (and the machine itself) is served:
// a forged Host header gets 400 instead of a page or a document that links elsewhere.
if (config["App:PublicUrl"] is { Length: > 0 } publicUrl && (config["AllowedHosts"] ?? "*") == "*")
{
    builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
        o.AllowedHosts = [new Uri(publicUrl).Host, "localhost", "127.0.0.1"]);
}
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
{
    o.MultipartBodyLengthLimit = maxBodyBytes;
    o.ValueCountLimit = RequestLimits.MaxFormValues;
});

var app = builder.Build();

await DatabaseInitializer.MigrateAsync(app.Services);
var seedDemo = config.GetValue("Demo:Seed", false);
if (seedDemo && app.Environment.IsProduction())
{
    app.Logger.LogWarning("Demo:Seed is ignored in Production: demo accounts are never created there.");
    seedDemo = false;
}
if (seedDemo && await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(app.Services) && config.GetValue("Demo:Progress", 0.0) is > 0 and var share)
{
    // A share of the demo campaign's rows verified over its weeks, so the dashboard and the weekly report show something.
    await DemoData.AddProgressAsync(app.Services, share, CancellationToken.None);
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseRequestLimits(maxBodyBytes);
app.UseRequestLocalization();
app.UseStaticFiles(new StaticFileOptions
{
    // Links carry a content hash (asp-append-version), so a versioned asset never changes: phones keep it.
    OnPrepareResponse = ctx =>
    {
        if (ctx.Context.Request.Query.ContainsKey("v"))
        {
            ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        }
    },
});
// Through this host's own logger: the static one stays silent (preserveStaticLogger above), so without this no
// request was ever logged.
app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapControllers();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var urls = string.Join(", ", app.Urls);
    app.Logger.LogInformation("社会保障卡专项清查系统已启动:{Urls}  数据库:{Provider}", urls, database.Provider);
    if (seedDemo)
    {
        app.Logger.LogInformation("演示账号(密码均为 {Password}):{Accounts}", DemoData.Password,
            string.Join(", ", DemoData.Core.Select(a => $"{a.UserName}({Roles.DisplayName(a.Role)})")) + ";另有 demo.clerk3–12、demo.verifier3–12(其余十个村)");
    }
});

await app.RunAsync();

/// <summary>The web entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
