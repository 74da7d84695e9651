using System.CommandLine;
using System.Security.Cryptography;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch verify</c>: recomputes the ledger (of the store, or of an export without any store) and names the first entry that
/// does not fit; with a signed checkpoint, also checks that the history it vouches for is still there, unchanged.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var export = new Option<string?>("--export") { Description = "Verify an exported ledger (JSON Lines from trucewatch export --ledger) instead of a store." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A signed checkpoint (from trucewatch checkpoint) the ledger must agree with." };
        var publicKey = new Option<string?>("--public-key") { Description = "The public key (NAME.pub) the checkpoint must be signed with." };
        var command = new Command("verify", "Verify the ledger: every entry's hash and its link to the one before; optionally against a signed checkpoint.")
        {
            db, export, checkpoint, publicKey,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(export), parse.GetValue(checkpoint), parse.GetValue(publicKey), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string db, string? export, string? checkpointPath, string? publicKeyPath, CancellationToken cancellationToken)
    {
        LedgerCheckpoint? checkpoint = null;
        if (checkpointPath is not null || publicKeyPath is not null)
        {
            if (checkpointPath is null || publicKeyPath is null)
            {
                return CommonOptions.Fail("--checkpoint and --public-key go together: the checkpoint is only worth its signature");
            }

            checkpoint = CheckpointFile.Read(checkpointPath, out var readError);
            if (checkpoint is null)
            {
                return CommonOptions.Fail(readError!);
            }

            using var key = CheckpointFile.LoadKey(publicKeyPath, out var keyError);
            if (key is null)
            {
                return CommonOptions.Fail(keyError!);
            }

            if (!checkpoint.IsSignedBy(key))
            {
                Console.WriteLine($"checkpoint {checkpointPath} is NOT signed by {publicKeyPath} (key {LedgerCheckpoint.KeyIdOf(key)}; the checkpoint names {checkpoint.KeyId})");
                return 1;
            }
        }

        LedgerVerification result;
        string? hashAtCheckpoint;
        if (export is not null)
        {
            if (!File.Exists(export))
            {
                return CommonOptions.Fail($"{export}: no such file");
            }

            using var reader = new StreamReader(export);
            var verified = await LedgerExport.VerifyAsync(reader, checkpoint?.Sequence ?? 0, cancellationToken).ConfigureAwait(false);
            (result, hashAtCheckpoint) = (verified.Chain, verified.RememberedHash);
        }
        else
        {
            // Opening a store creates it; verifying one that does not exist is a mistake to point out, not an empty ledger to bless.
            if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
            {
                return CommonOptions.Fail($"{db}: no such store");
            }

            await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            result = await store.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
            hashAtCheckpoint = checkpoint is null || !result.IsIntact ? null : await HashAtAsync(store, checkpoint.Sequence, cancellationToken).ConfigureAwait(false);
        }

        if (!result.IsIntact)
        {
            Console.WriteLine($"ledger broken at entry {result.BrokenAt}: {result.Reason}");
            return 1;
        }

        if (checkpoint?.Disagreement(result.Verified, hashAtCheckpoint) is { } disagreement)
        {
            Console.WriteLine($"ledger disagrees with the signed checkpoint: {disagreement}");
            return 1;
        }

        Console.WriteLine($"ledger intact: {result.Verified} entries, head {result.HeadHash}");
        if (checkpoint is not null)
        {
            Console.WriteLine($"agrees with the checkpoint of {checkpoint.AtText} signed by key {checkpoint.KeyId}: entry {checkpoint.Sequence} is {checkpoint.Head}");
        }

        return 0;
    }

    private static async Task<string?> HashAtAsync(IReportStore store, long sequence, CancellationToken cancellationToken)
    {
        await foreach (var e in store.LedgerAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Sequence == sequence)
            {
                return e.Hash;
            }
        }

        return null;
    }
}
