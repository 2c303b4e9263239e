using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace SocialCardAudit.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>PostgreSQL, and the path to the PostgreSQL-derived domestic databases (see docs/operations.md).</summary>
    PostgreSql,
}

/// <summary>Chooses the provider from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Default</c>).</summary>
public sealed record Database(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/socialcardaudit.db";

    public static Database FromConfiguration(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException($"Database:Provider must be Sqlite, SqlServer or PostgreSql, not '{providerName}'.");
        var connection = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException($"ConnectionStrings:Default is required for {provider}.");
        }
        return new Database(provider, connection);
    }

    public static Database SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("SocialCardAudit.Migrations.Sqlite"))
                    .AddInterceptors(SqliteWriteGate.For(new SqliteConnectionStringBuilder(ConnectionString).DataSource));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(ConnectionString, o => o.MigrationsAssembly("SocialCardAudit.Migrations.SqlServer"));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("SocialCardAudit.Migrations.PostgreSql"));
                break;
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
