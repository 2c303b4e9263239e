using SocialCardAudit.Testing;

namespace SocialCardAudit.Web.Tests;

/// <summary>One app and database for a test class, with the targets of <see cref="Scenario"/> in place.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public Scenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = App.Server; // starts the app: migrates and seeds
        Scenario = await Scenario.PrepareAsync(App.Services);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
