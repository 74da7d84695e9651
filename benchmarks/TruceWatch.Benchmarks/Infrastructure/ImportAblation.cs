using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Storage;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Where SQLite import time goes. Replays the store's insert loop (same schema via the store's migrations, same SQL, same batch size,
/// same pragmas, same per-row value formatting) on Microsoft.Data.Sqlite directly, then switches one cost off at a time. A diagnostic,
/// not a benchmark: one pass per variant, wall and CPU time. Keep <see cref="InsertSql"/> in step with
/// <c>src/TruceWatch.Storage/Sqlite/ReportColumns.cs</c>.
/// </summary>
internal static class ImportAblation
{
    private const string InsertSql = """
        INSERT INTO reports (source, source_record_id, import_id, line, reported_at, start_time, end_time, latest_time, time_precision,
            perpetrator, domain, means, means_inferred, weapon, launched, intercepted, hits, country, admin1, place, lat, lon, place_precision,
            targets, killed, injured, description, payload, payload_sha256)
        VALUES ($source, $record, $import, $line, $reported, $start, $end, $latest, $precision,
            $perpetrator, $domain, $means, $inferred, $weapon, $launched, $intercepted, $hits, $country, $admin1, $place, $lat, $lon, $placePrecision,
            $targets, $killed, $injured, $description, $payload, $sha)
        ON CONFLICT (source, source_record_id) DO NOTHING
        """;

    private static readonly string[] Names =
    [
        "$source", "$record", "$import", "$line", "$reported", "$start", "$end", "$latest", "$precision",
        "$perpetrator", "$domain", "$means", "$inferred", "$weapon", "$launched", "$intercepted", "$hits", "$country", "$admin1", "$place",
        "$lat", "$lon", "$placePrecision", "$targets", "$killed", "$injured", "$description", "$payload", "$sha",
    ];

    public static async Task RunAsync(int rows, TextWriter output)
    {
        var items = BenchData.ParseAll(SyntheticCanonicalCsv.Generate(rows));
        var records = items.Select(i => ((ImportItem.Accepted)i).Record).ToArray();
        var precomputed = records.Select(Values).ToArray();

        var slim = precomputed.Select(v => v[..27].Append("").Append("").ToArray()).ToArray();
        Func<int, object[]> perRow = i => Values(records[i]);
        Func<int, object[]> ready = i => precomputed[i];
        const string NoIndex = "DROP INDEX reports_by_time; ";
        const string BigCache = "PRAGMA cache_size=-65536; ";

        // Warm the JIT and SQLite code paths so the first variant is not charged for them.
        await VariantAsync(output, "(warm-up, ignore)", Math.Min(20_000, records.Length), perRow, "");

        await VariantAsync(output, "A store-like: per-row formatting + named binding", records.Length, perRow, "");
        await VariantAsync(output, "B values precomputed (no per-row .NET formatting)", records.Length, ready, "");
        await VariantAsync(output, "C B + cache_size 64 MB", records.Length, ready, BigCache);
        await VariantAsync(output, "D B without the reports_by_time index", records.Length, ready, NoIndex);
        await VariantAsync(output, "E D + cache_size 64 MB", records.Length, ready, NoIndex + BigCache);
        await VariantAsync(output, "F E + payload and payload_sha256 bound as ''", records.Length, i => slim[i], NoIndex + BigCache);
        await VariantAsync(output, "G E + synchronous=OFF, journal_mode=OFF (no durability)", records.Length, ready,
            NoIndex + BigCache + "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        await VariantAsync(output, "H A + cache_size 64 MB", records.Length, perRow, BigCache);

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long sink = 0;
        foreach (var record in records)
        {
            sink += Values(record).Length;
        }

        Report(output, "per-row formatting alone (Time x4, SHA-256, Join, boxing), no SQLite", records.Length, clock, cpu);
        GC.KeepAlive(sink);
    }

    private static async Task VariantAsync(TextWriter output, string name, int rows, Func<int, object[]> values, string setupSql)
    {
        var directory = Path.Combine(Path.GetTempPath(), "trucewatch-ablation-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "a.db");
        try
        {
            // The store creates and migrates the schema, exactly as in production.
            await (await StoreFactory.OpenAsync(path, TimeProvider.System)).DisposeAsync();
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000; " + setupSql);
            Execute(connection, "INSERT INTO imports (id, file_name, format, started_at) VALUES (1, 'a', 'canonical', '2025-01-01T00:00:00Z')");

            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertSql;
            var p = Names.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            insert.Prepare();
            for (var i = 0; i < rows; i++)
            {
                var v = values(i);
                for (var c = 0; c < v.Length; c++)
                {
                    p[c].Value = v[c];
                }

                insert.ExecuteNonQuery();
                if ((i + 1) % 25_000 == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                }
            }

            transaction.Commit();
            transaction.Dispose();
            Report(output, name, rows, clock, cpu);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Report(TextWriter output, string name, int rows, Stopwatch clock, TimeSpan cpuBefore)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-72} {rows / clock.Elapsed.TotalSeconds,9:N0} rows/s wall {rows / cpu.TotalSeconds,9:N0} rows/CPU-s  {1e6 * cpu.TotalSeconds / rows,6:F1} µs CPU/row"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The 29 column values as ReportColumns.Bind computes them.</summary>
    private static object[] Values(ReportRecord record)
    {
        var r = record.Report;
        return
        [
            r.Key.Source, r.Key.SourceRecordId, 1L, record.Line, Time(r.ReportedAt), Time(r.Time.Start), Time(r.Time.End), Time(r.Time.Latest),
            r.Time.Precision.ToText(), (object?)r.Perpetrator?.Value ?? DBNull.Value, (object?)r.Domain?.ToText() ?? DBNull.Value,
            (object?)r.Means?.Value ?? DBNull.Value, r.MeansInferred ? 1 : 0, (object?)r.Weapon ?? DBNull.Value,
            Int(r.Counts.Launched), Int(r.Counts.Intercepted), Int(r.Counts.Hits), (object?)r.Place.Country ?? DBNull.Value,
            (object?)r.Place.Admin1 ?? DBNull.Value, (object?)r.Place.Name ?? DBNull.Value,
            r.Place.Point is { } point ? point.Lat : DBNull.Value, r.Place.Point is { } point2 ? point2.Lon : DBNull.Value,
            PlacePrecisionText(r.Place.Precision), r.Targets.IsDefaultOrEmpty ? DBNull.Value : string.Join(';', r.Targets),
            Int(r.Harm.Killed), Int(r.Harm.Injured), (object?)r.Description ?? DBNull.Value, record.Payload,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Payload))),
        ];
    }

    private static object Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : DBNull.Value;

    private static string PlacePrecisionText(PlacePrecision precision) => precision switch
    {
        PlacePrecision.Country => "country",
        PlacePrecision.Admin1 => "admin1",
        PlacePrecision.Settlement => "settlement",
        PlacePrecision.Point => "point",
        _ => "unknown",
    };

    private static object Int(int? value) => value is { } v ? v : DBNull.Value;
}
