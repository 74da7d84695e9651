using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TruceWatch.Core.Ledger;

namespace TruceWatch.Storage.Ledger;

/// <summary>
/// The ledger's export format, JSON Lines with one entry a line (<c>sequence, at, kind, subject, payload, previous_hash, hash</c>):
/// written by <c>trucewatch export --ledger</c>, read back to verify an export without the store (docs/ledger.md).
/// </summary>
public static class LedgerExport
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes every entry to <paramref name="output"/>; the number written and the last hash.</summary>
    public static async Task<(long Count, string Head)> WriteAsync(IAsyncEnumerable<LedgerEvent> entries, Stream output, CancellationToken cancellationToken = default)
    {
        long count = 0;
        var head = "";
        await using var buffered = new BufferedStream(output, 1 << 16);
        await using (var writer = new Utf8JsonWriter(buffered, Json))
        {
            await foreach (var e in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
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

        await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (count, head);
    }

    /// <summary>
    /// Verifies an export line by line, as the store's own verification does, and notes the hash of entry <paramref name="remember"/>
    /// (for a checkpoint). A line that is not an entry breaks the chain there.
    /// </summary>
    public static async Task<ExportVerification> VerifyAsync(TextReader export, long remember = 0, CancellationToken cancellationToken = default)
    {
        var verifier = new LedgerVerifier();
        string? remembered = null;
        var lineNumber = 0;
        while (await export.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (Parse(line) is not { } e)
            {
                return new ExportVerification(verifier.Fail(verifier.Result.Verified + 1, string.Create(CultureInfo.InvariantCulture, $"line {lineNumber} is not a ledger entry")), remembered);
            }

            if (!verifier.Add(e))
            {
                break;
            }

            if (e.Sequence == remember)
            {
                remembered = e.Hash;
            }
        }

        return new ExportVerification(verifier.Result, remembered);
    }

    private static LedgerEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var o = document.RootElement;
            var atText = o.GetProperty("at").GetString() ?? "";
            if (!DateTimeOffset.TryParseExact(atText, LedgerRows.AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return null;
            }

            return new LedgerEvent(o.GetProperty("sequence").GetInt64(), at, Text(o, "kind"), Text(o, "subject"), Text(o, "payload"), Text(o, "previous_hash"), Text(o, "hash"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Text(JsonElement o, string name) => o.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
}

/// <summary>An export's verification, and the hash of the entry asked about (<c>null</c> if the export did not reach it intact).</summary>
public sealed record ExportVerification(LedgerVerification Chain, string? RememberedHash);
