using System.CommandLine;
using TruceWatch.Storage.Transfer;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch copy --from FILE --to DB</c>: moves a whole SQLite store into an empty PostgreSQL store, ledger included.</summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The SQLite store to copy.", Required = true };
        var to = new Option<string>("--to") { Description = "An empty PostgreSQL store: postgres://user@host/db or Host=…;Database=…", Required = true };
        var command = new Command("copy", "Copy a whole SQLite store into an empty PostgreSQL store (ids and ledger kept; verified after).") { from, to };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(from)!, parse.GetValue(to)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string from, string to, CancellationToken cancellationToken)
    {
        var progress = new Progress<CopyProgress>(p => Console.Error.WriteLine($"  … {p.Reports:N0} reports copied"));
        try
        {
            var result = await StoreCopy.CopyAsync(from, to, TimeProvider.System, progress, cancellationToken).ConfigureAwait(false);
            var c = result.Copied;
            Console.WriteLine($"Copied {from}: {c.Imports:N0} imports, {c.Reports:N0} reports, {c.Quarantined:N0} quarantined rows, " +
                $"{c.LedgerEntries:N0} ledger entries; the copy's ledger verifies to head {(c.LedgerEntries == 0 ? "(empty)" : result.LedgerHead)}");
            return 0;
        }
        catch (StoreCopyException e)
        {
            return CommonOptions.Fail(e.Message);
        }
        catch (InvalidOperationException e) when (e.InnerException is Npgsql.NpgsqlException)
        {
            return CommonOptions.Fail(e.Message);
        }
    }
}
