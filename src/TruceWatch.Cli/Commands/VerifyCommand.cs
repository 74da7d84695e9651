using System.CommandLine;
using TruceWatch.Storage;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch verify</c>: recomputes the store's whole ledger and names the first entry that does not fit.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var command = new Command("verify", "Verify the store's ledger: every entry's hash and its link to the one before.") { db };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string db, CancellationToken cancellationToken)
    {
        // Opening a store creates it; verifying one that does not exist is a mistake to point out, not an empty ledger to bless.
        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var result = await store.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsIntact)
        {
            Console.WriteLine($"ledger intact: {result.Verified} entries, head {result.HeadHash}");
            return 0;
        }

        Console.WriteLine($"ledger broken at entry {result.BrokenAt}: {result.Reason}");
        return 1;
    }
}
