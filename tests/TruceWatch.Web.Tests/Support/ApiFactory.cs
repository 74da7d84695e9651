using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace TruceWatch.Web.Tests.Support;

/// <summary>The web app in memory over a given store file and agreements folder.</summary>
internal sealed class ApiFactory(string dbPath, string agreementsDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TruceWatch:Db", dbPath);
        builder.UseSetting("TruceWatch:Agreements", agreementsDirectory);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

/// <summary>One app per test class over a fresh store holding <see cref="PreciseReports"/> and the bundled agreements.</summary>
public sealed class PreciseApiFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ApiFactory? _factory;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var db = _folder.File("precise.db");
        var summary = await TestStore.ImportTextAsync(db, "precise.csv", "canonical", PreciseReports.Csv, CancellationToken.None);
        if (summary.Accepted != 6 || summary.Quarantined != 0)
        {
            throw new InvalidOperationException(
                $"The precise fixture should import 6 rows cleanly; got {summary.Accepted} accepted, {summary.Quarantined} quarantined: "
                + string.Join(" | ", summary.Rejected.Select(r => r.ToString())));
        }

        _factory = new ApiFactory(db, Repo.Agreements);
        Client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _folder.Dispose();
    }
}
