using Microsoft.EntityFrameworkCore.Design;
using SocialCardAudit.Data;

namespace SocialCardAudit.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the Sqlite model without the web app; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        SchemaContext.For(new Database(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
