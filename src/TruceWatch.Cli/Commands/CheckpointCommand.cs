using System.CommandLine;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch checkpoint</c>: verifies the ledger, then signs its length and head for publishing.</summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var key = new Option<string>("--key") { Description = "The private key (NAME.key from trucewatch keygen).", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the checkpoint to this file instead of standard output." };
        var command = new Command("checkpoint", "Sign the ledger's current length and head (run daily; publish the file with the public key).") { db, key, output };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(key)!, parse.GetValue(output), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string db, string keyPath, string? output, CancellationToken cancellationToken)
    {
        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        using var key = CheckpointFile.LoadKey(keyPath, out var keyError);
        if (key is null)
        {
            return CommonOptions.Fail(keyError!);
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var ledger = await store.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (!ledger.IsIntact)
        {
            return CommonOptions.Fail($"the ledger is broken at entry {ledger.BrokenAt} ({ledger.Reason}); a broken ledger is not signed");
        }

        if (ledger.Verified == 0)
        {
            return CommonOptions.Fail("the ledger is empty; there is nothing to vouch for yet");
        }

        LedgerCheckpoint checkpoint;
        try
        {
            checkpoint = LedgerCheckpoint.Sign(ledger.Verified, ledger.HeadHash, TimeProvider.System.GetUtcNow(), key);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            return CommonOptions.Fail($"{keyPath} cannot sign ({e.Message}); pass the private key (.key), not the public one");
        }

        await using (var target = output is null ? Console.OpenStandardOutput() : File.Create(output))
        {
            CheckpointFile.Write(checkpoint, target);
        }

        if (output is not null)
        {
            Console.WriteLine($"Signed checkpoint: entry {checkpoint.Sequence}, head {checkpoint.Head}, at {checkpoint.AtText}, key {checkpoint.KeyId}; written to {output}");
        }

        return 0;
    }
}
