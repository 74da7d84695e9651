using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TruceWatch.Core.Reports;

namespace TruceWatch.Storage.Ledger;

/// <summary>
/// Gathers the reports an import stores, in file order, into <c>reports</c> ledger entries of up to <see cref="Capacity"/> each. Every
/// stored report is named in exactly one entry with its key, line and the SHA-256 of its verbatim row, so the ledger records each one
/// as a per-report entry would; one entry per run of reports costs one chained row instead of a thousand (docs/benchmarks.md, run 7).
/// </summary>
/// <remarks>
/// A run ends at <see cref="Capacity"/> reports, before a quarantine entry (so entries stay in file order) and before a transaction
/// commits (so an entry is stored with the reports it names). Payload: <c>{"import":7,"reports":[{"key":"src:id","line":2,
/// "payload_sha256":"…"},…]}</c>; subject: <c>import:7:lines:2-1001</c>.
/// </remarks>
internal sealed class ReportsEntry
{
    /// <summary>The most reports one entry names: about 150 KB of payload.</summary>
    public const int Capacity = 1000;

    private static readonly JsonEncodedText Import = JsonEncodedText.Encode("import");
    private static readonly JsonEncodedText Reports = JsonEncodedText.Encode("reports");
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Sha = JsonEncodedText.Encode("payload_sha256");

    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly long _importId;
    private long _firstLine;
    private long _lastLine;

    public ReportsEntry(long importId)
    {
        _importId = importId;
        _writer = new Utf8JsonWriter(_buffer, ImportChanges.JsonOptions);
    }

    /// <summary>How many reports the entry being gathered names.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count >= Capacity;

    /// <summary>Adds a stored report to the entry being gathered.</summary>
    public void Add(ReportKey key, long line, ReadOnlySpan<char> payloadSha256)
    {
        if (Count == 0)
        {
            _writer.WriteStartObject();
            _writer.WriteNumber(Import, _importId);
            _writer.WriteStartArray(Reports);
            _firstLine = line;
        }

        _writer.WriteStartObject();
        _writer.WritePropertyName(Key);
        WriteKey(key);
        _writer.WriteNumber(Line, line);
        _writer.WriteString(Sha, payloadSha256);
        _writer.WriteEndObject();
        _lastLine = line;
        Count++;
    }

    /// <summary>The gathered entry as a ledger change, and a fresh start; <c>null</c> when no report was added since the last one.</summary>
    public LedgerChange? Take()
    {
        if (Count == 0)
        {
            return null;
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        var payload = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        var subject = string.Create(CultureInfo.InvariantCulture, $"import:{_importId}:lines:{_firstLine}-{_lastLine}");
        _buffer.ResetWrittenCount();
        _writer.Reset();
        Count = 0;
        return new LedgerChange(ImportChanges.ReportsKind, subject, payload);
    }

    /// <summary><c>source:record_id</c> as one JSON string, written without building the joined string.</summary>
    private void WriteKey(ReportKey key)
    {
        var length = key.Source.Length + 1 + key.SourceRecordId.Length;
        var rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        try
        {
            Span<char> text = rented ?? stackalloc char[256];
            key.Source.AsSpan().CopyTo(text);
            text[key.Source.Length] = ':';
            key.SourceRecordId.AsSpan().CopyTo(text[(key.Source.Length + 1)..]);
            _writer.WriteStringValue(text[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
