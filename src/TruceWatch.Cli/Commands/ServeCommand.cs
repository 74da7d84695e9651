using System.CommandLine;
using Microsoft.Extensions.Hosting;
using TruceWatch.Web.Hosting;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch serve</c>: the dashboard and the web API on a local port.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to bind (127.0.0.1 keeps it local; 0.0.0.0 for all).", DefaultValueFactory = _ => "127.0.0.1" };
        var noJudging = new Option<bool>("--no-judging") { Description = "Do not judge in the background (another node or trucewatch work does)." };
        var command = new Command("serve", "Serve the dashboard and the web API; keeps stored verdicts current in the background.") { db, port, host, noJudging };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(port), parse.GetValue(host)!, !parse.GetValue(noJudging), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string db, int port, string host, bool judging, CancellationToken cancellationToken)
    {
        var url = $"http://{host}:{port}";
        var app = await WebHost.CreateAsync(["--urls", url], new WebSettings(db, null, judging), cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var shown = host is "0.0.0.0" or "*" ? $"http://127.0.0.1:{port}" : url;
        Console.WriteLine($"TruceWatch dashboard: {shown}/  (API: {shown}/api/assessments?agreement=ID, OpenAPI: {shown}/openapi/v1.json; store: {db})");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
