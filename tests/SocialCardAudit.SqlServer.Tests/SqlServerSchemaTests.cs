using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialCardAudit.Data;

namespace SocialCardAudit.SqlServer.Tests;

/// <summary>The SQL Server side, checked with no server: the model, the migrations, the DBA script.</summary>
public sealed class SqlServerSchemaTests
{
    private static AppDbContext Context() => SchemaContext.For(new Database(DatabaseProvider.SqlServer, "Server=.;Database=none"));

    [Fact]
    public void The_model_builds_for_SQL_Server_with_bounded_columns()
    {
        using var db = Context();
        var script = db.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [OrgUnits]", script, StringComparison.Ordinal);
        Assert.Contains("[Code] nvarchar(32) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_OrgUnits_TenantId_Code]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [SecurityEvents]", script, StringComparison.Ordinal);
        Assert.Contains("[FullName] nvarchar(50) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migrations_match_the_model()
    {
        using var db = Context();
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: add a migration to db/SqlServer");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_committed_idempotent_script_is_current()
    {
        using var db = Context();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "db", "SqlServer", "Scripts", "migrate-idempotent.sql"));
        Assert.True(Normalize(generated) == Normalize(committed),
            "db/SqlServer/Scripts/migrate-idempotent.sql is stale: regenerate it with `sca sql-script --out db/SqlServer/Scripts/migrate-idempotent.sql`");
        Assert.Contains("IF NOT EXISTS", committed, StringComparison.Ordinal);
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialCardAudit.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SocialCardAudit.sln not found above the test folder");
    }
}
