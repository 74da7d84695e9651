using TruceWatch.Ingest.Canonical;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary>What a quarantined row must be wrapped in to be read again on its own: formats whose rows describe themselves can be.</summary>
internal static class Retry
{
    /// <summary>The text to read, or <c>null</c> when the row needs its file's header (ACLED, CIR, missile-attacks-daily).</summary>
    public static string? Text(QuarantineEntry row) => row.Format switch
    {
        "canonical" => CanonicalColumns.Header + "\n" + row.Payload,
        "jsonl" => row.Payload,
        "geojson" => "{\"type\":\"FeatureCollection\",\"features\":[" + row.Payload + "]}",
        _ => null,
    };
}
