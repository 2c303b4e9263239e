using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace SocialCardAudit.Testing;

/// <summary>
/// The real app over a real database of its own, with the demo data seeded at start-up: a SQLite file, or, when
/// <c>SCA_TEST_POSTGRES</c> names a PostgreSQL server (a connection string without a database), a new database
/// on that server, dropped afterwards.
/// </summary>
/// <param name="shared">Another node's database: this host then runs as a second node of the same app on it.</param>
public class AppFactory(Data.Database? shared = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sca-test-").FullName;
    private readonly string _postgresDatabase = "sca_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The PostgreSQL server the tests run on, or null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("SCA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool OnPostgres => PostgresServer is not null;

    public string DatabasePath => Path.Combine(_folder, "app.db");

    public Data.Database Database => shared ?? (PostgresServer is { } server
        ? new(Data.DatabaseProvider.PostgreSql, $"{server};Database={_postgresDatabase}")
        : Data.Database.SqliteFile(DatabasePath));
    public string LogPath => Path.Combine(_folder, "app-.log");

    /// <summary>Every request the app has received, as "GET /path", in order: what reached the server, whatever the browser showed.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The clock the authentication cookie reads, so idle expiry can be tested without waiting.</summary>
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Progress", "0"); // tests start from open rows; the demo's made-up progress is for people looking
        builder.UseSetting("Logging:File:Path", LogPath);
        builder.UseSetting("Logging:Console", "none"); // the file above keeps everything; test output stays readable
        builder.ConfigureServices(services =>
        {
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RequestRecorder(Requests));
        });
    }

    private sealed class RequestRecorder(System.Collections.Concurrent.ConcurrentQueue<string> requests) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (context, then) =>
            {
                requests.Enqueue(context.Request.Method + " " + context.Request.Path);
                return then(context);
            });
            next(app);
        };
    }

    /// <summary>All text the app has logged so far.</summary>
    public string ReadLogs() =>
        string.Concat(Directory.GetFiles(_folder, "app-*.log").Select(f =>
        {
            using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(s).ReadToEnd();
        }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (PostgresServer is { } server && shared is null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
                connection.Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
                drop.ExecuteNonQuery();
            }
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // a log file still held open by the logger: the temp folder is cleaned by the OS
            }
        }
    }
}

public sealed class ManualClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}

/// <summary>A clock that stands still at one instant.</summary>
public sealed class FixedTime(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
