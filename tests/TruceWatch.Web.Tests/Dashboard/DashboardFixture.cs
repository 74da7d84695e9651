using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using TruceWatch.Web.Hosting;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Dashboard;

/// <summary>
/// The real app on Kestrel (a browser cannot reach the in-memory TestServer) over a store holding both bundled real data files, and a
/// headless system Chromium. Playwright never downloads a browser here.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempFolder _folder = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Api { get; } = new();

    public IBrowser? Browser { get; private set; }

    /// <summary>Where screenshots go: a folder under the test output directory.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var db = _folder.File("real.db");
        foreach (var file in new[] { Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv"), Repo.Data("ua-strikes-on-russian-energy", "reports.csv") })
        {
            var summary = await TestStore.ImportFileAsync(db, file, CancellationToken.None);
            if (summary.Accepted == 0)
            {
                throw new InvalidOperationException($"{file} imported no reports ({summary.Quarantined} quarantined).");
            }
        }

        _app = await WebHost.CreateAsync(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning"],
            new WebSettings(db, Repo.Agreements));
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
        Api.BaseAddress = new Uri(BaseUrl);

        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The browser, or the test ends: failed on CI (where Chromium must be installed), skipped elsewhere.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is { } browser)
        {
            return browser;
        }

        var message = $"Dashboard tests need the system Chromium at {ChromiumPath} (apt-get install chromium); it is missing.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
