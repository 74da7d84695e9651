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
    public const string Insert = """
        INSERT INTO reports (source, source_record_id, import_id, line, reported_at, start_time, end_time, latest_time, time_precision,
            perpetrator, domain, means, means_inferred, weapon, launched, intercepted, hits, country, admin1, place, lat, lon, place_precision,
            targets, killed, injured, description, payload, payload_sha256)
        VALUES ($source, $record, $import, $line, $reported, $start, $end, $latest, $precision,
            $perpetrator, $domain, $means, $inferred, $weapon, $launched, $intercepted, $hits, $country, $admin1, $place, $lat, $lon, $placePrecision,
            $targets, $killed, $injured, $description, $payload, $sha)
        ON CONFLICT (source, source_record_id) DO NOTHING
        """;

    public const string Select = """
        SELECT id, source, source_record_id, reported_at, start_time, end_time, time_precision, latest_time, perpetrator, domain, means, means_inferred,
            weapon, launched, intercepted, hits, country, admin1, place, lat, lon, place_precision, targets, killed, injured, description
        FROM reports
        """;

    private static readonly string[] Names =
    [
        "$source", "$record", "$import", "$line", "$reported", "$start", "$end", "$latest", "$precision",
        "$perpetrator", "$domain", "$means", "$inferred", "$weapon", "$launched", "$intercepted", "$hits", "$country", "$admin1", "$place",
        "$lat", "$lon", "$placePrecision", "$targets", "$killed", "$injured", "$description", "$payload", "$sha",
    ];

    /// <summary>Adds one parameter per column, to be filled per row by <see cref="Bind"/>.</summary>
    public static SqliteParameter[] Prepare(SqliteCommand command)
    {
        command.CommandText = Insert;
        var parameters = new SqliteParameter[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            parameters[i] = command.Parameters.Add(Names[i], SqliteType.Text);
        }

        return parameters;
    }

    public static void Bind(SqliteParameter[] p, long importId, ReportRecord record)
    {
        var r = record.Report;
        p[0].Value = r.Key.Source;
        p[1].Value = r.Key.SourceRecordId;
        p[2].Value = importId;
        p[3].Value = record.Line;
        p[4].Value = Time(r.ReportedAt);
        p[5].Value = Time(r.Time.Start);
        p[6].Value = Time(r.Time.End);
        p[7].Value = Time(r.Time.Latest);
        p[8].Value = r.Time.Precision.ToText();
        p[9].Value = (object?)r.Perpetrator?.Value ?? DBNull.Value;
        p[10].Value = (object?)r.Domain?.ToText() ?? DBNull.Value;
        p[11].Value = (object?)r.Means?.Value ?? DBNull.Value;
        p[12].Value = r.MeansInferred ? 1 : 0;
        p[13].Value = (object?)r.Weapon ?? DBNull.Value;
        p[14].Value = Int(r.Counts.Launched);
        p[15].Value = Int(r.Counts.Intercepted);
        p[16].Value = Int(r.Counts.Hits);
        p[17].Value = (object?)r.Place.Country ?? DBNull.Value;
        p[18].Value = (object?)r.Place.Admin1 ?? DBNull.Value;
        p[19].Value = (object?)r.Place.Name ?? DBNull.Value;
        p[20].Value = r.Place.Point is { } point ? point.Lat : DBNull.Value;
        p[21].Value = r.Place.Point is { } point2 ? point2.Lon : DBNull.Value;
        p[22].Value = PlacePrecisionText(r.Place.Precision);
        p[23].Value = r.Targets.IsDefaultOrEmpty ? DBNull.Value : string.Join(';', r.Targets);
        p[24].Value = Int(r.Harm.Killed);
        p[25].Value = Int(r.Harm.Injured);
        p[26].Value = (object?)r.Description ?? DBNull.Value;
        p[27].Value = record.Payload;
        p[28].Value = Sha256(record.Payload);
    }

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
                ParsePlacePrecision(row.GetString(21))),
            Targets = targets,
            Harm = new Harm(OptionalInt(row, 23), OptionalInt(row, 24)),
            Description = OptionalString(row, 25),
        };
        return new StoredReport(row.GetInt64(0), report);
    }

    public static object Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : DBNull.Value;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Int(int? value) => value is { } v ? v : DBNull.Value;

    private static DateTimeOffset? OptionalTime(SqliteDataReader row, int i) =>
        row.IsDBNull(i) ? null : DateTimeOffset.ParseExact(row.GetString(i), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? OptionalString(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    private static int? OptionalInt(SqliteDataReader row, int i) => row.IsDBNull(i) ? null : row.GetInt32(i);

    private static string PlacePrecisionText(PlacePrecision precision) => precision switch
    {
        PlacePrecision.Country => "country",
        PlacePrecision.Admin1 => "admin1",
        PlacePrecision.Settlement => "settlement",
        PlacePrecision.Point => "point",
        _ => "unknown",
    };

    private static PlacePrecision ParsePlacePrecision(string text) => text switch
    {
        "country" => PlacePrecision.Country,
        "admin1" => PlacePrecision.Admin1,
        "settlement" => PlacePrecision.Settlement,
        "point" => PlacePrecision.Point,
        _ => PlacePrecision.Unknown,
    };
}
