using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TruceWatch.Core.Reports;

namespace TruceWatch.Storage.Ledger;

/// <summary>
/// The ledger entries an import makes, the same on every backend: <c>import</c> when it starts, <c>reports</c> naming the reports it
/// stored (up to <see cref="ReportsEntry.Capacity"/> an entry, see <see cref="ReportsEntry"/>), one <c>quarantine</c> per row it
/// quarantined, <c>import.resumed</c> when a re-run continues it after a crash, <c>import.finished</c> with the counts. Payloads are compact JSON.
/// </summary>
internal static class ImportChanges
{
    public const string ImportKind = "import";
    public const string ReportsKind = "reports";
    public const string QuarantineKind = "quarantine";
    public const string FinishedKind = "import.finished";
    public const string ResumedKind = "import.resumed";

    /// <summary>Readable JSON: non-ASCII text (Ukrainian and Russian reasons, file names) stays as it is rather than \u-escaped.</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static LedgerChange Started(long importId, ImportRequest request) =>
        new(ImportKind, Subject(importId), Write(w =>
        {
            w.WriteString("file", request.FileName);
            w.WriteString("format", request.Format);
        }));

    public static LedgerChange Quarantined(long importId, long line, string reason, string payloadSha256) =>
        new(QuarantineKind, string.Create(CultureInfo.InvariantCulture, $"import:{importId}:line:{line}"), Write(w =>
        {
            w.WriteString("reason", reason);
            w.WriteString("payload_sha256", payloadSha256);
        }));

    /// <summary>A re-run continued an unfinished import from its checkpoint: the rows before it were already stored, counted and chained.</summary>
    public static LedgerChange Resumed(long importId, long rowsRead) =>
        new(ResumedKind, Subject(importId), Write(w => w.WriteNumber("from_row", rowsRead)));

    public static LedgerChange Finished(long importId, ImportProgress totals) =>
        new(FinishedKind, Subject(importId), Write(w =>
        {
            w.WriteNumber("rows", totals.RowsRead);
            w.WriteNumber("accepted", totals.Accepted);
            w.WriteNumber("duplicates", totals.Duplicates);
            w.WriteNumber("quarantined", totals.Quarantined);
        }));

    private static string Subject(long importId) => string.Create(CultureInfo.InvariantCulture, $"import:{importId}");

    /// <summary>A compact JSON object of the properties <paramref name="properties"/> writes.</summary>
    public static string Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
