using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data.Identity;

namespace SocialCardAudit.Data;

public static class ServiceRegistration
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, Database database) =>
        services.AddDbContext<AppDbContext>(database.Configure);

    /// <summary>The Identity stores over <see cref="AppDbContext"/>, with the tenant-aware user store and Chinese messages.</summary>
    public static IdentityBuilder AddAppStores(this IdentityBuilder identity) =>
        identity
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
}
