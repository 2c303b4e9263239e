using Microsoft.EntityFrameworkCore;

namespace SocialCardAudit.Data;

public static class SchemaContext
{
    /// <summary>A context with no tenant, for schema work: migrations, scripts, design time.</summary>
    public static AppDbContext For(Database database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Configure(options);
        return new AppDbContext(options.Options, new FixedTenant(null));
    }
}
