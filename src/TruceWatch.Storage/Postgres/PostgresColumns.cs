using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Storage.Postgres;

/// <summary>Maps reports to and from the columns of the <c>reports</c> table, and stages them for a binary COPY.</summary>
internal static class PostgresColumns
{
    /// <summary>The report columns an import writes, in COPY order (after the staging table's <c>ord</c>).</summary>
    private const string Columns = """
        source, source_record_id, line, reported_at, reported_at_ticks, start_time, start_time_ticks, end_time, end_time_ticks,
        latest_time, latest_time_ticks, time_precision, perpetrator, domain, means, means_inferred, weapon, launched, intercepted, hits,
        country, admin1, place, lat, lon, place_precision, targets, killed, injured, description, payload, payload_sha256
        """;

    /// <summary>One batch's rows, in file order (<c>ord</c>); dropped when the batch commits or rolls back.</summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE report_staging (
            ord integer NOT NULL, source text NOT NULL, source_record_id text NOT NULL, line bigint NOT NULL,
            reported_at timestamptz, reported_at_ticks smallint NOT NULL, start_time timestamptz, start_time_ticks smallint NOT NULL,
            end_time timestamptz, end_time_ticks smallint NOT NULL, latest_time timestamptz, latest_time_ticks smallint NOT NULL,
            time_precision text NOT NULL, perpetrator text, domain text, means text, means_inferred boolean NOT NULL, weapon text,
            launched integer, intercepted integer, hits integer, country text, admin1 text, place text,
            lat double precision, lon double precision, place_precision text NOT NULL, targets text[] NOT NULL,
            killed integer, injured integer, description text, payload text NOT NULL, payload_sha256 text NOT NULL
        ) ON COMMIT DROP
        """;

    public const string Copy = "COPY report_staging (ord, " + Columns + ") FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Moves the staged batch into <c>reports</c>: of rows sharing a key only the first in the file is offered, in file order (so ids
    /// follow the file, as in SQLite), and a key already stored is left alone. It returns the rows it inserted, for the ledger.
    /// </summary>
    public const string InsertFromStaging = "INSERT INTO reports (import_id, " + Columns + ")\n" +
        "SELECT $1, " + Columns + "\n" +
        "FROM (SELECT DISTINCT ON (source, source_record_id) * FROM report_staging ORDER BY source, source_record_id, ord) AS first_by_key\n" +
        "ORDER BY ord\n" +
        "ON CONFLICT (source, source_record_id) DO NOTHING\n" +
        "RETURNING id, source, source_record_id, line, payload_sha256";

    /// <summary>How many columns <see cref="Select"/> reads; whatever a query adds after them starts here.</summary>
    public const int SelectCount = 30;

    public const string Select = """
        SELECT id, source, source_record_id, reported_at, reported_at_ticks, start_time, start_time_ticks, end_time, end_time_ticks,
            time_precision, latest_time, latest_time_ticks, perpetrator, domain, means, means_inferred, weapon, launched, intercepted, hits,
            country, admin1, place, lat, lon, place_precision, targets, killed, injured, description
        FROM reports
        """;

    /// <summary>Copying whole rows into <c>reports</c> with their ids, as a store copy does (the import goes through staging).</summary>
    public const string CopyWithIds = "COPY reports (id, import_id, " + Columns + ") FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Writes one report as a row of the staging table. The row writers are synchronous: the importer buffers rows and only touches the
    /// network when its buffer fills, and an awaited call per field cost more than the rest of the import (docs/benchmarks.md).
    /// </summary>
    public static void Write(NpgsqlBinaryImporter writer, int ord, ReportRecord record)
    {
        writer.StartRow();
        writer.Write(ord, NpgsqlDbType.Integer);
        WriteColumns(writer, record);
    }

    /// <summary>Copying new rows straight into <c>reports</c>, ids from the identity (the import's fast path).</summary>
    public const string CopyDirect = "COPY reports (import_id, " + Columns + ") FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes one report as a row of <see cref="CopyDirect"/>; returns its payload's SHA-256, for the ledger.</summary>
    public static string WriteDirect(NpgsqlBinaryImporter writer, long importId, ReportRecord record)
    {
        writer.StartRow();
        writer.Write(importId, NpgsqlDbType.Bigint);
        return WriteColumns(writer, record);
    }

    /// <summary>Writes one report as a row of <see cref="CopyWithIds"/>.</summary>
    public static void WriteWithIds(NpgsqlBinaryImporter writer, long id, long importId, ReportRecord record)
    {
        writer.StartRow();
        writer.Write(id, NpgsqlDbType.Bigint);
        writer.Write(importId, NpgsqlDbType.Bigint);
        WriteColumns(writer, record);
    }

    /// <summary>The report's <see cref="Columns"/>, in order; returns the payload's SHA-256 it wrote.</summary>
    private static string WriteColumns(NpgsqlBinaryImporter writer, ReportRecord record)
    {
        var r = record.Report;
        writer.Write(r.Key.Source, NpgsqlDbType.Text);
        writer.Write(r.Key.SourceRecordId, NpgsqlDbType.Text);
        writer.Write(record.Line, NpgsqlDbType.Bigint);
        WriteTime(writer, r.ReportedAt);
        WriteTime(writer, r.Time.Start);
        WriteTime(writer, r.Time.End);
        WriteTime(writer, r.Time.Latest);
        writer.Write(r.Time.Precision.ToText(), NpgsqlDbType.Text);
        WriteText(writer, r.Perpetrator?.Value);
        WriteText(writer, r.Domain?.ToText());
        WriteText(writer, r.Means?.Value);
        writer.Write(r.MeansInferred, NpgsqlDbType.Boolean);
        WriteText(writer, r.Weapon);
        WriteInt(writer, r.Counts.Launched);
        WriteInt(writer, r.Counts.Intercepted);
        WriteInt(writer, r.Counts.Hits);
        WriteText(writer, r.Place.Country);
        WriteText(writer, r.Place.Admin1);
        WriteText(writer, r.Place.Name);
        WriteDouble(writer, r.Place.Point?.Lat);
        WriteDouble(writer, r.Place.Point?.Lon);
        writer.Write(PlacePrecisions.ToText(r.Place.Precision), NpgsqlDbType.Text);
        writer.Write(Targets(r.Targets), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteInt(writer, r.Harm.Killed);
        WriteInt(writer, r.Harm.Injured);
        WriteText(writer, r.Description);
        writer.Write(record.Payload, NpgsqlDbType.Text);
        var sha = Sha256(record.Payload);
        writer.Write(sha, NpgsqlDbType.Text);
        return sha;
    }

    public static StoredReport Read(NpgsqlDataReader row)
    {
        var precision = TimePrecisions.Parse(row.GetString(9));
        var start = OptionalTime(row, 5);
        var time = start is { } s && precision != TimePrecision.Unknown && OptionalTime(row, 10) is { } latest
            ? ReportedTime.Restore(s, OptionalTime(row, 7), precision, latest)
            : ReportedTime.Unknown;
        var targets = row.GetFieldValue<string[]>(26);
        var report = new Report
        {
            Key = new ReportKey(row.GetString(1), row.GetString(2)),
            ReportedAt = OptionalTime(row, 3),
            Time = time,
            Perpetrator = row.IsDBNull(12) ? null : PartyCode.Parse(row.GetString(12)),
            Domain = row.IsDBNull(13) ? null : StrikeDomains.TryParse(row.GetString(13), out var d) ? d : null,
            Means = row.IsDBNull(14) ? null : TaxonomyPath.Parse(row.GetString(14)),
            MeansInferred = row.GetBoolean(15),
            Weapon = OptionalString(row, 16),
            Counts = new StrikeCounts(OptionalInt(row, 17), OptionalInt(row, 18), OptionalInt(row, 19)),
            Place = new Place(OptionalString(row, 20), OptionalString(row, 21), OptionalString(row, 22),
                row.IsDBNull(23) || row.IsDBNull(24) ? null : new GeoPoint(row.GetDouble(23), row.GetDouble(24)),
                PlacePrecisions.Parse(row.GetString(25))),
            Targets = targets.Length == 0 ? ImmutableArray<TaxonomyPath>.Empty : [.. targets.Select(TaxonomyPath.Parse)],
            Harm = new Harm(OptionalInt(row, 27), OptionalInt(row, 28)),
            Description = OptionalString(row, 29),
        };
        return new StoredReport(row.GetInt64(0), report);
    }

    /// <summary>
    /// An instant as timestamptz (whole microseconds, UTC) and the 100 ns ticks below that, which timestamptz cannot hold but the
    /// instant has: a day-precision report's latest moment is the next day's start minus one tick.
    /// </summary>
    public static (DateTime Micros, short Ticks) Split(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        var below = ticks % TimeSpan.TicksPerMicrosecond;
        return (new DateTime(ticks - below, DateTimeKind.Utc), (short)below);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteTime(NpgsqlBinaryImporter writer, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            var (micros, ticks) = Split(v);
            writer.Write(micros, NpgsqlDbType.TimestampTz);
            writer.Write(ticks, NpgsqlDbType.Smallint);
        }
        else
        {
            writer.WriteNull();
            writer.Write((short)0, NpgsqlDbType.Smallint);
        }
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteInt(NpgsqlBinaryImporter writer, int? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteDouble(NpgsqlBinaryImporter writer, double? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static string[] Targets(ImmutableArray<TaxonomyPath> targets)
    {
        if (targets.IsDefaultOrEmpty)
        {
            return [];
        }

        var texts = new string[targets.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = targets[i].Value;
        }

        return texts;
    }

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader row, int i) =>
        row.IsDBNull(i) ? null : new DateTimeOffset(row.GetFieldValue<DateTime>(i).Ticks + row.GetInt16(i + 1), TimeSpan.Zero);

    private static string? OptionalString(NpgsqlDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    private static int? OptionalInt(NpgsqlDataReader row, int i) => row.IsDBNull(i) ? null : row.GetInt32(i);
}
