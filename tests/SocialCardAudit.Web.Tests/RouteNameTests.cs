using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialCardAudit.Web.Tests;

/// <summary>
/// Links and redirects name their route instead of spelling its address, so a changed address changes in one
/// place. A name that is no route would give a link without an address, so every name used must exist.
/// </summary>
public sealed partial class RouteNameTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [GeneratedRegex(""""asp-route="([^"@]+)"|RouteUrl\("([^"]+)"|RedirectToRoute(?:Result)?\("([^"]+)"|RouteLink\("([^"]+)"""")]
    private static partial Regex RouteNameUse();

    [GeneratedRegex(""""\b(?:href|action)="/[^"]*"|Redirect\(\$?"/"""")]
    private static partial Regex LiteralAddress();

    private static string WebSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialCardAudit.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("SocialCardAudit.sln not found"), "src", "SocialCardAudit.Web");
    }

    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(WebSource(), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(WebSource(), f), File.ReadAllText(f)));

    [Fact]
    public void Every_route_name_used_in_a_view_or_a_controller_is_a_route_of_the_app()
    {
        var names = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<RouteNameMetadata>()?.RouteName).OfType<string>().ToHashSet();
        Assert.True(names.Count > 90, $"only {names.Count} named routes");
        var used = Sources().SelectMany(s => RouteNameUse().Matches(s.Text)
                .Select(m => (s.File, Name: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .ToList();
        Assert.True(used.Count > 200, $"only {used.Count} uses of route names found");
        Assert.Empty(used.Where(u => !names.Contains(u.Name)).Select(u => $"{u.File}: {u.Name}"));
    }

    [Fact]
    public void No_view_or_controller_spells_an_address_of_the_app()
    {
        // The page for a request too large is answered by a middleware before MVC, as plain HTML with the home link.
        Assert.Empty(Sources().Where(s => s.File != Path.Combine("Infrastructure", "RequestLimits.cs"))
            .SelectMany(s => LiteralAddress().Matches(s.Text).Select(m => $"{s.File}: {m.Value}")));
    }
}
