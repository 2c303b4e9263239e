using Microsoft.EntityFrameworkCore.Design;
using SocialCardAudit.Data;

namespace SocialCardAudit.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without the web app; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        SchemaContext.For(new Database(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time"));
}
