using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using TruceWatch.Ingest.Statements;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// The JSON <c>trucewatch extract</c> prints: <c>{ "kind": "interception-report"|"other", "claims": [ { "perpetrator", "window_start", "window_end",
/// "means", "weapon", "region", "launched", "intercepted", "hit" } ] }</c>. Every key is always there; unknown values are null. Window bounds are
/// ISO 8601 in the statement's own clock (Moscow or Kyiv); region is an ISO 3166-2 code or the name as the statement gives it.
/// </summary>
internal static class ExtractJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Region names are Cyrillic: print them as they are, not as \u escapes. The output goes to a terminal or a program, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ReadOnlyMemory<byte> Write(ExtractedStatement read)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("kind", read.Kind == StatementKind.StrikeReport ? "interception-report" : "other");
            json.WriteStartArray("claims");
            foreach (var claim in read.Claims)
            {
                json.WriteStartObject();
                json.WriteString("perpetrator", claim.Perpetrator.Value);
                WriteTime(json, "window_start", read.Window.Start, read.Window.Zone);
                WriteTime(json, "window_end", read.Window.End, read.Window.Zone);
                json.WriteString("means", claim.Means?.Value);
                json.WriteString("weapon", claim.Weapon);
                json.WriteString("region", claim.Region?.Key);
                WriteCount(json, "launched", claim.Launched);
                WriteCount(json, "intercepted", claim.Intercepted);
                WriteCount(json, "hit", claim.Hit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenMemory;
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time, TimeZoneInfo zone)
    {
        if (time is { } t)
        {
            json.WriteString(name, TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteCount(Utf8JsonWriter json, string name, int? count)
    {
        if (count is { } n)
        {
            json.WriteNumber(name, n);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
