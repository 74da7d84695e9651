using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch replay</c>: a counterfactual. Judges past incidents under several sets of terms as if each had been in force for the
/// period, side by side: per party, how many incidents each would have prohibited, permitted or left indeterminate.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var agreements = new Option<string[]>("--agreement")
        {
            Description = "Terms to replay (file or bundled id); repeat for several. Default: every bundled agreement.",
            AllowMultipleArgumentsPerToken = false,
        };
        var db = CommonOptions.Db();
        var reports = new Option<string?>("--reports") { Description = "Replay over the reports in this file instead of the store." };
        var from = new Option<string?>("--from") { Description = "Start of the replayed period (ISO 8601 time, or a date = that Kyiv day)." };
        var to = new Option<string?>("--to") { Description = "End of the period: a time (exclusive) or a date (inclusive)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var interpretation = new Option<string?>("--interpretation")
        {
            Description = "Replay under the named interpretation of each agreement that has it, or 'all' for every reading side by side with the incidents they judge differently (the period stands in for every reading's dates).",
        };
        var command = new Command("replay", "Replay terms over past incidents as if they had been in force, side by side.") { agreements, db, reports, from, to, format, interpretation };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(agreements) ?? [], parse.GetResult(db) is { Implicit: false } ? parse.GetValue(db) : null, parse.GetValue(db)!,
            parse.GetValue(reports), parse.GetValue(from), parse.GetValue(to), parse.GetValue(format)!, parse.GetValue(interpretation), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] agreementArgs, string? explicitDb, string db, string? reportsFile, string? from, string? to, string format, string? reading, CancellationToken cancellationToken)
    {
        var library = AgreementLibrary.Bundled();
        var terms = new List<Agreement>();
        if (agreementArgs.Length == 0)
        {
            terms.AddRange(library.Agreements);
        }

        foreach (var arg in agreementArgs)
        {
            if (CommonOptions.ResolveTerms(library, arg) is not { } agreement)
            {
                return 1;
            }

            terms.Add(agreement);
        }

        if (terms.Count == 0)
        {
            return CommonOptions.Fail("no agreements to replay (pass --agreement)");
        }

        if (reading is not null and not "all" && terms.All(t => t.Under(reading) is null))
        {
            return CommonOptions.Fail($"no agreement replayed has an interpretation '{reading}' (they have: " +
                $"{string.Join(", ", terms.SelectMany(t => t.Interpretations.Select(i => i.Name)).Distinct().DefaultIfEmpty("none"))}; or 'all')");
        }

        if (!Period.TryParse(from, to, out var period, out var periodError))
        {
            return CommonOptions.Fail(periodError!);
        }

        ReplayDocument document;
        if (reportsFile is not null && explicitDb is null && reading is null)
        {
            // A file is replayed as it streams by, in parts on every core: nothing is held but the counts (and, under conditional
            // reciprocity, the times of violations and indeterminate incidents, which is all the suspensions need).
            if (ReportFileReplay.Run(reportsFile, terms, period, cancellationToken) is not { } replayed)
            {
                return 1;
            }

            document = replayed;
        }
        else
        {
            var (incidents, inputError) = await IncidentInput.LoadAsync(explicitDb, db, reportsFile, period, cancellationToken).ConfigureAwait(false);
            if (incidents is null)
            {
                return CommonOptions.Fail(inputError!);
            }

            document = reading is null
                ? ReplayDocument.Build(terms, incidents, period.From, period.To, MapGeography.Bundled)
                : ReplayDocument.BuildUnder(reading, terms, incidents, period.From, period.To, MapGeography.Bundled);
        }

        if (format == "json")
        {
            await CommonOptions.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"Replay of {document.Agreements.Count} agreement(s) over {document.Incidents:N0} incidents, {document.From ?? "all time"} → {document.To ?? "open"}, each as if in force:");
        var readings = document.Agreements.Any(c => c.Reading is not null);
        var table = new Table().AddColumns(["agreement", .. readings ? ["reading"] : Array.Empty<string>(), "party"]);
        foreach (var verdict in Verdicts.All)
        {
            table.AddColumn(new TableColumn(verdict.ToText()).RightAligned());
        }

        foreach (var column in document.Agreements)
        {
            foreach (var (party, counts) in column.Summary)
            {
                table.AddRow([
                    Markup.Escape(column.Agreement.Id), .. readings ? [Markup.Escape(column.Reading ?? "")] : Array.Empty<string>(), party,
                    .. Verdicts.All.Select(v => counts[v.ToText()].ToString("N0", CultureInfo.InvariantCulture))]);
            }
        }

        AnsiConsole.Write(table);
        foreach (var agreement in document.Readings)
        {
            AnsiConsole.MarkupLineInterpolated($"{agreement.Agreement}: {agreement.Incidents.Count:N0} incident(s) judged differently by its readings");
            if (agreement.Incidents.Count == 0)
            {
                continue;
            }

            var names = agreement.Incidents[0].Verdicts.Keys.ToList();
            var list = new Table().AddColumns(["id", "occurred", "report", .. names]);
            foreach (var d in agreement.Incidents.Take(30))
            {
                list.AddRow([d.Incident.ToString(CultureInfo.InvariantCulture), d.Occurred ?? "", Markup.Escape(string.Join(", ", d.Reports)), .. names.Select(n => d.Verdicts[n])]);
            }

            AnsiConsole.Write(list);
        }
        return 0;
    }
}
