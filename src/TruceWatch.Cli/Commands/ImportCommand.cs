using System.CommandLine;
using Spectre.Console;
using TruceWatch.Core.Reports;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch import FILE</c>: reads a file of reports into the store; bad rows go to quarantine, good rows go in, re-runs add nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The file to import." };
        var format = new Option<string>("--format")
        {
            Description = "Input format: auto (from the first line), canonical, missile-attacks-daily, acled, cir-events, jsonl, geojson, ru-mod-statements, ua-airforce-statements.",
            DefaultValueFactory = _ => "auto",
        };
        var db = CommonOptions.Db();
        var command = new Command("import", "Import a file of strike reports into the store.") { file, format, db };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(db)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string formatName, string db, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return CommonOptions.Fail($"{path}: no such file");
        }

        var format = ReportFiles.Choose(path, formatName, out var error);
        if (format is null)
        {
            return CommonOptions.Fail(error!);
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var size = new FileInfo(path).Length;
        // The file's bytes name the import, so a run killed part-way is continued by the next run of the same file, from its checkpoint.
        string contentSha256;
        await using (var bytes = File.OpenRead(path))
        {
            contentSha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(bytes, cancellationToken).ConfigureAwait(false));
        }

        ImportSummary summary;
        using (var reader = ReportFiles.Open(path))
        {
            var items = format.Read(reader, cancellationToken);
            var request = new ImportRequest(Path.GetFileName(path), format.Name, contentSha256);
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                summary = null!;
                await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Importing {Path.GetFileName(path)}", maxValue: Math.Max(1, size));
                    var progress = new Progress<ImportProgress>(_ => task.Value = reader.BaseStream.Position);
                    summary = await store.ImportAsync(request, items, progress, cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);
            }
            else
            {
                var progress = new Progress<ImportProgress>(p => Console.Error.WriteLine($"  … {p.RowsRead:N0} rows read"));
                summary = await store.ImportAsync(request, items, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        if (summary.ResumedAt is { } resumedAt)
        {
            Console.WriteLine($"Continued import {summary.ImportId} of {path}, left unfinished by an earlier run, from row {resumedAt:N0}; the counts below are the whole import's.");
        }

        Console.WriteLine($"Imported {path} as {format.Name} into {db}: {summary.Accepted:N0} new, {summary.Duplicates:N0} already present, {summary.Quarantined:N0} quarantined" +
            (summary.Skipped.Count > 0 ? $", {summary.Skipped.Values.Sum():N0} skipped." : "."));
        foreach (var (reason, count) in summary.Skipped)
        {
            Console.WriteLine($"  skipped: {count:N0} {reason}");
        }

        foreach (var row in summary.Rejected.Take(20))
        {
            Console.WriteLine($"  quarantined {path}, {row.Reason}");
        }

        if (summary.Quarantined > 20)
        {
            Console.WriteLine($"  … and {summary.Quarantined - 20:N0} more in the quarantine table");
        }

        // A file none of whose rows could be read is an error; a file with some bad rows is a normal import.
        return summary.Accepted + summary.Duplicates == 0 && summary.Quarantined > 0 ? 1 : 0;
    }
}
