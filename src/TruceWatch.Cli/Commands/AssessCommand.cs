using System.CommandLine;
using Spectre.Console;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch assess</c>: judges incidents from the store or a file against one agreement and prints the verdicts and scorecard.</summary>
internal static class AssessCommand
{
    public static Command Create()
    {
        var agreement = new Option<string>("--agreement") { Description = "A terms file, or the id of a bundled agreement.", Required = true };
        var db = CommonOptions.Db();
        var reports = new Option<string?>("--reports") { Description = "Judge the reports in this file instead of the store." };
        var from = new Option<string?>("--from") { Description = "Only incidents from this time or date (ISO 8601; a date is a Kyiv day)." };
        var to = new Option<string?>("--to") { Description = "Only incidents before this time, or up to and including this date." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var limit = new Option<int>("--limit") { Description = "Incidents to list in table format (the summary counts all).", DefaultValueFactory = _ => 30 };
        var interpretation = new Option<string?>("--interpretation")
        {
            Description = "Judge under one of the agreement's named interpretations, or 'all' to compare every reading incident by incident.",
        };
        var command = new Command("assess", "Judge incidents against an agreement's terms.") { agreement, db, reports, from, to, format, limit, interpretation };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(agreement)!, parse.GetResult(db) is { Implicit: false } ? parse.GetValue(db) : null, parse.GetValue(db)!, parse.GetValue(reports),
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(format)!, parse.GetValue(limit), parse.GetValue(interpretation), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string agreementArg, string? explicitDb, string db, string? reportsFile, string? from, string? to, string format, int limit, string? reading, CancellationToken cancellationToken)
    {
        if (CommonOptions.ResolveTerms(AgreementLibrary.Bundled(), agreementArg) is not { } agreement)
        {
            return 1;
        }

        if (reading is not null and not "all" and not ReadingsDocument.Base)
        {
            if (agreement.Under(reading) is not { } read)
            {
                var known = agreement.Interpretations.Count == 0 ? "it has none" : "it has " + string.Join(", ", agreement.Interpretations.Select(i => i.Name));
                return CommonOptions.Fail($"{agreement.Id} has no interpretation '{reading}' ({known}; or 'all')");
            }

            agreement = read;
        }

        if (!Period.TryParse(from, to, out var period, out var periodError))
        {
            return CommonOptions.Fail(periodError!);
        }

        var (incidents, inputError) = await IncidentInput.LoadAsync(explicitDb, db, reportsFile, period, cancellationToken).ConfigureAwait(false);
        if (incidents is null)
        {
            return CommonOptions.Fail(inputError!);
        }

        if (reading == "all")
        {
            var readings = ReadingsDocument.Build(agreement, incidents, MapGeography.Bundled);
            if (format == "json")
            {
                await CommonOptions.WriteJsonAsync(readings, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                PrintReadings(readings, limit);
            }

            return 0;
        }

        var document = AssessmentDocument.Build(agreement, incidents, MapGeography.Bundled);
        if (format == "json")
        {
            await CommonOptions.WriteJsonAsync(document, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        PrintTable(agreement, document, limit);
        return 0;
    }

    private static void PrintReadings(ReadingsDocument document, int limit)
    {
        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"[bold]{document.Agreement.Title}[/] ({document.Agreement.Id} {document.Agreement.VersionsText}): {document.Readings.Count} readings, {document.Incidents:N0} incidents, {document.Disagreements.Count:N0} judged differently");
        var table = new Table().AddColumn("reading").AddColumn("party");
        foreach (var verdict in Verdicts.All)
        {
            table.AddColumn(new TableColumn(verdict.ToText()).RightAligned());
        }

        foreach (var r in document.Readings)
        {
            foreach (var (party, counts) in r.Summary)
            {
                table.AddRow([Markup.Escape(r.Name), party, .. Verdicts.All.Select(v => counts[v.ToText()].ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
            }
        }

        console.Write(table);
        if (document.Disagreements.Count == 0 || limit <= 0)
        {
            return;
        }

        var list = new Table().AddColumn("id").AddColumn("occurred").AddColumn("report");
        foreach (var r in document.Readings)
        {
            list.AddColumn(r.Name);
        }

        foreach (var d in document.Disagreements.Take(limit))
        {
            list.AddRow([d.Incident.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Occurred ?? "", Markup.Escape(string.Join(", ", d.Reports)), .. document.Readings.Select(r => d.Verdicts[r.Name])]);
        }

        console.Write(list);
    }

    private static void PrintTable(Agreement agreement, AssessmentDocument document, int limit)
    {
        var console = AnsiConsole.Console;
        console.MarkupLineInterpolated($"[bold]{agreement.Title}[/] ({agreement.Id} {document.Agreement.VersionsText}, {document.Incidents.Count:N0} incidents)");
        var summary = new Table().AddColumn("party");
        foreach (var verdict in Verdicts.All)
        {
            summary.AddColumn(new TableColumn(verdict.ToText()).RightAligned());
        }

        foreach (var (party, counts) in document.Summary)
        {
            summary.AddRow([party, .. Verdicts.All.Select(v => counts[v.ToText()].ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
        }

        console.Write(summary);
        if (limit <= 0 || document.Incidents.Count == 0)
        {
            return;
        }

        // Violations and indeterminate incidents first: they are what a monitor reads.
        var shown = document.Incidents.OrderBy(i => Verdicts.Rank(i.Verdict)).Take(limit).ToList();
        // Amended terms: which version judged each incident.
        var amended = agreement.Amendments.Count > 0;
        var list = new Table().AddColumns(["id", "occurred", "by", "weapon", "place", .. amended ? ["version"] : Array.Empty<string>(), "verdict", "why"]);
        foreach (var i in shown)
        {
            list.AddRow([
                Markup.Escape(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Markup.Escape(i.Occurred?.Start ?? "?"),
                Markup.Escape(i.Perpetrator ?? "?"),
                Markup.Escape(i.Weapon ?? i.Means ?? "?"),
                Markup.Escape(i.Place ?? "?"),
                .. amended ? [$"v{i.Version}"] : Array.Empty<string>(),
                Markup.Escape(i.Verdict),
                Markup.Escape(i.Trace.Reason)]);
        }

        console.Write(list);
        if (document.Incidents.Count > shown.Count)
        {
            console.MarkupLineInterpolated($"[grey]{document.Incidents.Count - shown.Count:N0} more incidents not listed (--limit, or --format json for all)[/]");
        }
    }
}
