using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>A real SQLite file with the schema migrated and the demo counties seeded, for handler tests.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sca-usecases-").FullName;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Services = ServiceRegistration.BuildStandalone(Database.SqliteFile(Path.Combine(_folder, "app.db")));
        await DatabaseInitializer.MigrateAsync(Services);
        await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(Services);
    }

    /// <summary>A context as the account's county sees it.</summary>
    public AppDbContext Db(int tenantId) => new(Services.GetRequiredService<DbContextOptions<AppDbContext>>(), new FixedTenant(tenantId));

    /// <summary>The demo account as the one who acts.</summary>
    public async Task<Actor> ActorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var role = (await users.GetRolesAsync(user)).Single();
        await using var db = Db(user.TenantId);
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == user.OrgUnitId);
        return new Actor(new UserScope(user.TenantId, role, unit.Id, unit.Code), user.Id, user.FullName);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
