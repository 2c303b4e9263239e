using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Data.Protection;

namespace SocialCardAudit.Data;

public static class ServiceRegistration
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, Database database) =>
        // Options are a singleton so background work can open a context for a given tenant (see FixedTenant).
        services.AddDbContext<AppDbContext>(database.Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);

    /// <summary>The services of command-line verbs and tests outside the web app: database and Identity, no tenant.</summary>
    public static ServiceProvider BuildStandalone(Database database, PersonalDataKeys? keys = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new PersonalDataProtector(keys ?? PersonalDataKeys.Development));
        services.AddLogging();
        services.AddSingleton<ITenantContext>(new FixedTenant(null));
        services.AddAppDatabase(database);
        services.AddIdentityCore<AppUser>(AppIdentity.Configure).AddRoles<IdentityRole>().AddAppStores();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The Identity stores over <see cref="AppDbContext"/>, with the tenant-aware user store, Chinese messages and the
    /// password policy (history and age).
    /// </summary>
    public static IdentityBuilder AddAppStores(this IdentityBuilder identity)
    {
        identity.Services.TryAddSingleton(TimeProvider.System);
        identity.Services.TryAddSingleton<PasswordPolicy>();
        return identity
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddUserManager<AppUserManager>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
    }
}
