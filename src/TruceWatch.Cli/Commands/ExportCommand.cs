using System.CommandLine;
using TruceWatch.Storage;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch export --ledger</c>: the store's ledger as JSON Lines, one entry a line, in the form the script in docs/ledger.md
/// checks without TruceWatch.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var ledger = new Option<bool>("--ledger") { Description = "Export the ledger (JSON Lines: sequence, at, kind, subject, payload, previous_hash, hash)." };
        var db = CommonOptions.Db();
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export from the store.") { ledger, db, output };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(ledger), parse.GetValue(db)!, parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool ledger, string db, string? outPath, CancellationToken cancellationToken)
    {
        if (!ledger)
        {
            return CommonOptions.Fail("nothing to export: pass --ledger");
        }

        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        long count;
        string head;
        var target = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        try
        {
            (count, head) = await LedgerExport.WriteAsync(store.LedgerAsync(cancellationToken), target, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            if (outPath is not null)
            {
                File.Delete(outPath);
            }

            return CommonOptions.Fail($"{db}: the ledger cannot be exported: {e.Message}");
        }
        finally
        {
            await target.DisposeAsync().ConfigureAwait(false);
        }

        if (outPath is not null)
        {
            Console.WriteLine($"Exported {count} ledger entries to {outPath}; head {(count == 0 ? "(none)" : head)}");
        }

        return 0;
    }
}
