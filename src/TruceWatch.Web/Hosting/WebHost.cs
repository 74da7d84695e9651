using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;
using TruceWatch.Web.Apis;

namespace TruceWatch.Web.Hosting;

/// <summary>Builds the web app: the store, the agreements, the API and the dashboard's static files.</summary>
public static class WebHost
{
    /// <summary>The bundled exchange table (data/pow-exchanges-2025), or none when it cannot be found; bad rows are left out.</summary>
    /// <summary>The parties' bundled daily statements as notifications, read on the first question about a notification duty.</summary>
    private static IReadOnlyList<Core.Obligations.Notification> LoadNotifications() =>
        [.. Ingest.Statements.StatementNotifications.FindBundled().SelectMany(file => Ingest.Statements.StatementNotifications.Read(file))];

    private static ExchangeTable LoadExchanges()
    {
        if (Ingest.Exchanges.ExchangesCsv.FindBundled() is not { } path || !File.Exists(path))
        {
            return new ExchangeTable([]);
        }

        using var reader = new StreamReader(path);
        return new ExchangeTable(Ingest.Exchanges.ExchangesCsv.Read(reader).Exchanges);
    }

    public static async Task<WebApplication> CreateAsync(string[] args, WebSettings settings, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        // Configuration (e.g. from tests) may override what the caller passed.
        var db = builder.Configuration["TruceWatch:Db"] is { Length: > 0 } configuredDb ? configuredDb : settings.Db;
        var agreementsDir = builder.Configuration["TruceWatch:Agreements"] is { Length: > 0 } configuredDir
            ? configuredDir
            : settings.AgreementsDirectory ?? AgreementLibrary.FindBundledDirectory();

        var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(AgreementLibrary.Load(agreementsDir));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Core.Geography.IGeography>(Ingest.Geography.MapGeography.Bundled);
        builder.Services.AddSingleton(LoadExchanges());
        builder.Services.AddSingleton(new NotificationTable(new Lazy<IReadOnlyList<Core.Obligations.Notification>>(LoadNotifications)));
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();

        // Stored verdicts are kept current in the background unless switched off (tests that want a still store; a node that only serves).
        if (builder.Configuration["TruceWatch:Judging"] is not { } judging ? settings.Judging : !string.Equals(judging, "false", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHostedService<JudgingService>();
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapAgreementsApi();
        app.MapAssessmentsApi();
        app.MapReplayApi();
        app.MapQuarantineApi();
        app.MapJudgingApi();
        app.MapObligationsApi();
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return app;
    }
}
