using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Obligations;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Exchanges;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Statements;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch obligations</c>: where each agreement's positive duties stand — prisoner exchanges, the cease-fire line.</summary>
internal static class ObligationsCommand
{
    public static Command Create()
    {
        var agreement = new Option<string?>("--agreement") { Description = "One agreement (id or terms file); default every bundled agreement with obligations." };
        var exchanges = new Option<string?>("--exchanges") { Description = "The exchange table (default: the bundled data/pow-exchanges-2025/exchanges.csv)." };
        var statements = new Option<string[]>("--statements")
        {
            Description = "The parties' statement files notification duties are judged by (default: the bundled MoD and Air Force statements).",
            AllowMultipleArgumentsPerToken = true,
        };
        var on = new Option<string?>("--on") { Description = "Judge as of this date (YYYY-MM-DD; default today, UTC)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("obligations", "Show where each agreement's obligations stand: met, pending, missed.") { agreement, exchanges, statements, on, format };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(agreement), parse.GetValue(exchanges), parse.GetValue(statements), parse.GetValue(on), parse.GetValue(format)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? agreementArg, string? exchangesPath, string[]? statementPaths, string? onText, string format, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        if (onText is not null && !DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            return CommonOptions.Fail($"--on '{onText}' is not a date (YYYY-MM-DD)");
        }

        var library = AgreementLibrary.Bundled();
        List<Agreement> agreements;
        if (agreementArg is not null)
        {
            if (CommonOptions.ResolveTerms(library, agreementArg) is not { } one)
            {
                return 1;
            }

            agreements = [one];
        }
        else
        {
            agreements = [.. library.Agreements.Where(a => a.Obligations.Count > 0)];
        }

        var path = exchangesPath ?? ExchangesCsv.FindBundled();
        if (path is null || !File.Exists(path))
        {
            return CommonOptions.Fail(path is null ? "no exchange table found (pass --exchanges FILE)" : $"{path}: no such file");
        }

        IReadOnlyList<Exchange> table;
        using (var reader = new StreamReader(path))
        {
            var (read, errors) = ExchangesCsv.Read(reader);
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"warning: {path}:{error}");
            }

            table = read;
        }

        // Notification duties are judged by the parties' own daily statements; read only when some agreement has one.
        List<Notification>? notifications = null;
        if (agreements.Any(a => a.Obligations.Any(o => o.Kind == Obligation.Notify)))
        {
            notifications = [];
            foreach (var file in statementPaths is { Length: > 0 } ? statementPaths : StatementNotifications.FindBundled())
            {
                if (!File.Exists(file))
                {
                    return CommonOptions.Fail($"{file}: no such file");
                }

                notifications.AddRange(StatementNotifications.Read(file, cancellationToken));
            }
        }

        var document = ObligationsDocument.Build(agreements, table, MapGeography.Bundled, today, notifications);
        if (format == "json")
        {
            await CommonOptions.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var grid = new Table().AddColumns("agreement", "obligation", "kind", "status", "detail");
        foreach (var r in document.Obligations)
        {
            grid.AddRow(Markup.Escape(r.Agreement), Markup.Escape(r.Obligation), r.Kind, r.Status, Markup.Escape(r.Detail));
        }

        AnsiConsole.MarkupLineInterpolated($"Obligations as of {today:yyyy-MM-dd} (exchanges: {path}; front line: DeepStateMap)");
        AnsiConsole.Write(grid);
        return 0;
    }
}
