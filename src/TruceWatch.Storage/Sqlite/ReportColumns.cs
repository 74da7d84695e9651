using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Storage.Sqlite;

/// <summary>Maps reports to and from the columns of the <c>reports</c> table.</summary>
internal static class ReportColumns
{
    private const string InsertInto = """
        INSERT INTO reports (source, source_record_id, import_id, line, reported_at, start_time, end_time, latest_time, time_precision,
            perpetrator, domain, means, means_inferred, weapon, launched, intercepted, hits, country, admin1, place, lat, lon, place_precision,
            targets, killed, injured, description, payload, payload_sha256)
        VALUES
        """;

    public const string Select = """
        SELECT id, source, source_record_id, reported_at, start_time, end_time, time_precision, latest_time, perpetrator, domain, means, means_inferred,
            weapon, launched, intercepted, hits, country, admin1, place, lat, lon, place_precision, targets, killed, injured, description
        FROM reports
        """;

    /// <summary><see cref="Select"/> plus, after its columns, <c>import_id</c>, <c>line</c> and <c>payload</c>: a whole row, for copying a store.</summary>
    public static readonly string SelectWhole = Select.Replace("\nFROM reports", ", import_id, line, payload\nFROM reports", StringComparison.Ordinal);

    /// <summary>Where <see cref="SelectWhole"/> puts the columns it adds.</summary>
    public const int WholeImportId = 26, WholeLine = 27, WholePayload = 28;

    /// <summary>The insert with positional parameters (?1 … ?29 in column order), for <see cref="RawReportInserter"/>.</summary>
    public static readonly string InsertPositional =
        InsertInto + "\n(" + string.Join(", ", Enumerable.Range(1, 29).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture))) + ")\nON CONFLICT (source, source_record_id) DO NOTHING";

    public static StoredReport Read(SqliteDataReader row)
    {
        var precision = TimePrecisions.Parse(row.GetString(6));
        var start = OptionalTime(row, 4);
        var time = start is { } s && precision != TimePrecision.Unknown && OptionalTime(row, 7) is { } latest
            ? ReportedTime.Restore(s, OptionalTime(row, 5), precision, latest)
            : ReportedTime.Unknown;
        var targets = row.IsDBNull(22)
            ? ImmutableArray<TaxonomyPath>.Empty
            : [.. row.GetString(22).Split(';').Select(TaxonomyPath.Parse)];
        var report = new Report
        {
            Key = new ReportKey(row.GetString(1), row.GetString(2)),
            ReportedAt = OptionalTime(row, 3),
            Time = time,
            Perpetrator = row.IsDBNull(8) ? null : PartyCode.Parse(row.GetString(8)),
            Domain = row.IsDBNull(9) ? null : StrikeDomains.TryParse(row.GetString(9), out var d) ? d : null,
            Means = row.IsDBNull(10) ? null : TaxonomyPath.Parse(row.GetString(10)),
            MeansInferred = row.GetInt64(11) != 0,
            Weapon = OptionalString(row, 12),
            Counts = new StrikeCounts(OptionalInt(row, 13), OptionalInt(row, 14), OptionalInt(row, 15)),
            Place = new Place(OptionalString(row, 16), OptionalString(row, 17), OptionalString(row, 18),
                row.IsDBNull(19) || row.IsDBNull(20) ? null : new GeoPoint(row.GetDouble(19), row.GetDouble(20)),
                PlacePrecisions.Parse(row.GetString(21))),
            Targets = targets,
            Harm = new Harm(OptionalInt(row, 23), OptionalInt(row, 24)),
            Description = OptionalString(row, 25),
        };
        return new StoredReport(row.GetInt64(0), report);
    }

    /// <summary>A report time as stored: UTC ticks, or NULL when unknown.</summary>
    public static object Time(DateTimeOffset? value) => value is { } v ? v.UtcTicks : DBNull.Value;

    /// <summary>A bookkeeping time (imports, migrations) as stored: UTC ISO 8601 text, for people reading the database.</summary>
    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static DateTimeOffset? OptionalTime(SqliteDataReader row, int i) =>
        row.IsDBNull(i) ? null : new DateTimeOffset(row.GetInt64(i), TimeSpan.Zero);

    private static string? OptionalString(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    private static int? OptionalInt(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetInt32(i);
}
