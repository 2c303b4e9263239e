using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCardAudit.Data;
using Testcontainers.MsSql;

namespace SocialCardAudit.SqlServer.Tests;

/// <summary>
/// Migrates and seeds a real SQL Server 2022 in a container, then reads through the tenant filter.
/// Needs a Docker engine; where there is none the test is skipped and says so.
/// </summary>
public sealed class SqlServerContainerTests
{
    private const string Image = "mcr.microsoft.com/mssql/server:2022-latest";
    private const string Password = "Sca-Test-2021!";

    [SkippableFact]
    public async Task Migrations_and_demo_data_apply_on_a_real_SQL_Server()
    {
        Skip.IfNot(DockerIsAvailable(), "没有可用的 Docker 引擎(Docker engine unavailable): SQL Server 集成测试跳过。CI and developer machines here have no Docker; run it where one exists.");

        await using var container = new MsSqlBuilder(Image).WithPassword(Password).Build();
        await container.StartAsync();

        var connection = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(container.GetConnectionString()) { InitialCatalog = "sca" }.ConnectionString;
        var database = new Database(DatabaseProvider.SqlServer, connection);
        await using (var services = ServiceRegistration.BuildStandalone(database))
        {
            await DatabaseInitializer.MigrateAsync(services);
            Assert.True(await SocialCardAudit.UseCases.Demo.DemoData.SeedAsync(services));
        }

        await using var system = SchemaContext.For(database);
        var demo2 = await system.Tenants.Where(t => t.Code == "demo2").Select(t => t.Id).SingleAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Configure(options);
        await using var asDemo2 = new AppDbContext(options.Options, new FixedTenant(demo2));
        var units = await asDemo2.OrgUnits.ToListAsync();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal(demo2, u.TenantId));
    }

    private static bool DockerIsAvailable()
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception e) when (e is DockerUnavailableException or InvalidOperationException)
        {
            return false;
        }
    }
}
