using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using SocialCardAudit.Data.Identity;
using SocialCardAudit.Domain.Organization;
using SocialCardAudit.UseCases.Access;

namespace SocialCardAudit.UseCases.Tests;

/// <summary>
/// A real database with the schema migrated and the demo counties seeded, for handler tests: a SQLite file, or a
/// new database on the PostgreSQL server that <c>SCA_TEST_POSTGRES</c> names, dropped afterwards.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sca-usecases-").FullName;
    private readonly string _postgresDatabase = "sca_usecases_" + Guid.NewGuid().ToString("N")[..12];

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Services = ServiceRegistration.BuildStandalone(Environment.GetEnvironmentVariable("SCA_TEST_POSTGRES") is { Length: > 0 } server
            ? new Database(DatabaseProvider.PostgreSql, $"{server};Database={_postgresDatabase}")
            : Database.SqliteFile(Path.Combine(_folder, "app.db")));
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
        if (Environment.GetEnvironmentVariable("SCA_TEST_POSTGRES") is { Length: > 0 } server)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
