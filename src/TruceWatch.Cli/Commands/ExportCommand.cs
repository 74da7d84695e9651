using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using TruceWatch.Storage;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch export --ledger</c>: the store's ledger as JSON Lines, one entry a line, in the form the script in docs/ledger.md
/// checks without TruceWatch.
/// </summary>
internal static class ExportCommand
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        long count = 0;
        var head = "";
        var target = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        try
        {
            await using (var buffered = new BufferedStream(target, 1 << 16))
            await using (var writer = new Utf8JsonWriter(buffered, Json))
            {
                await foreach (var e in store.LedgerAsync(cancellationToken).ConfigureAwait(false))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("sequence", e.Sequence);
                    writer.WriteString("at", e.AtText);
                    writer.WriteString("kind", e.Kind);
                    writer.WriteString("subject", e.Subject);
                    writer.WriteString("payload", e.Payload);
                    writer.WriteString("previous_hash", e.PreviousHash);
                    writer.WriteString("hash", e.Hash);
                    writer.WriteEndObject();
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    writer.Reset();
                    buffered.WriteByte((byte)'\n');
                    count++;
                    head = e.Hash;
                }
            }
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
