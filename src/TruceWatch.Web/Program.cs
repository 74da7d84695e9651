using TruceWatch.Web.Hosting;

// Runs the web app on its own (the CLI's `trucewatch serve` is the usual way in). Settings: TruceWatch:Db, TruceWatch:Agreements, --urls.
var app = await WebHost.CreateAsync(args, WebSettings.FromEnvironment()).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The web app's entry point, named for WebApplicationFactory.</summary>
public partial class Program;
