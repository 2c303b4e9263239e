using Microsoft.EntityFrameworkCore.Design;
using SocialCardAudit.Data;

namespace SocialCardAudit.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SqlServer model without the web app; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        SchemaContext.For(new Database(DatabaseProvider.SqlServer, "Server=localhost;Database=SocialCardAudit;Trusted_Connection=True;TrustServerCertificate=True"));
}
