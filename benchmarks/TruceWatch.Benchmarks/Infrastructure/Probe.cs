using Microsoft.Data.Sqlite;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Acled;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Storage;
using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Benchmarks;

/// <summary>
/// One timed pass of a stage outside BenchmarkDotNet, printing wall and CPU time: for running under a profiler
/// (<c>DOTNET_PerfMapEnabled=1 perf record -g dotnet TruceWatch.Benchmarks.dll --probe import</c>) and for sanity checks on a busy machine.
/// </summary>
internal static class Probe
{
    /// <summary>
    /// For what-if runs only: the store opens pooled connections, so pragmas set here on a connection with the store's exact connection
    /// string (e.g. <c>TRUCEWATCH_PROBE_PRAGMAS="PRAGMA cache_size=-65536"</c>) stay on the connection the import then takes from the pool.
    /// </summary>
    private static async Task ApplyExperimentalPragmasAsync(string path, TextWriter output)
    {
        var pragmas = Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_PRAGMAS");
        if (string.IsNullOrWhiteSpace(pragmas))
        {
            return;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true, DefaultTimeout = 60 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync();
        output.WriteLine($"what-if pragmas on the pooled connection: {pragmas}");
    }

    /// <summary>
    /// SQLite's own floor for the import's rows: the reports table of a migrated store (its unique key kept, its time index built at the
    /// end, as an import into an empty store does), the store's connection and bulk-import settings, rows encoded ahead and inserted with
    /// the import's own inserter in the import's batches; no ledger, no import checkpoints, no parsing.
    /// </summary>
    private static long Floor(string path, List<(ReportRecord Record, Encoded Encoded)> rows)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false }.ToString());
        connection.Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = SqliteReportStore.ConnectionPragmas;
        setup.ExecuteNonQuery();
        setup.CommandText = "PRAGMA page_size";
        var pageSize = Convert.ToInt64(setup.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        // What-if pragmas (TRUCEWATCH_PROBE_PRAGMAS) apply here too, after the store's own.
        setup.CommandText = $"{SqliteReportStore.BulkPragmas(pageSize)}; {SqliteReportStore.DropTimeIndex}; " +
            Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_PRAGMAS");
        setup.ExecuteNonQuery();
        setup.CommandText = "INSERT INTO imports (file_name, format, started_at) VALUES ('floor', 'acled', 'now') RETURNING id";
        var importId = Convert.ToInt64(setup.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var transaction = connection.BeginTransaction(deferred: false);
        long inserted = 0;
        using (var inserter = new RawReportInserter(connection))
        {
            foreach (var (record, encoded) in rows)
            {
                inserted += inserter.Insert(importId, record, encoded) ? 1 : 0;
                if (inserted % SqliteReportStore.BatchSize == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction(deferred: false);
                }
            }
        }

        using (var index = connection.CreateCommand())
        {
            index.Transaction = transaction;
            index.CommandText = SqliteReportStore.CreateTimeIndex;
            index.ExecuteNonQuery();
        }

        transaction.Commit();
        transaction.Dispose();
        return inserted;
    }

    public static async Task RunAsync(string stage, int rows, TextWriter output)
    {
        var acled = stage.StartsWith("acled", StringComparison.Ordinal);
        var acledFormat = new AcledFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled);
        var csv = acled ? SyntheticAcledCsv.Generate(rows) : SyntheticCanonicalCsv.Generate(rows);
        // Parsed ahead only for the stages that store parsed rows, so a profile of the others holds no parsing of set-up.
        var items = new Lazy<List<ImportItem>>(() => acled ? [.. acledFormat.Read(new StringReader(csv))] : BenchData.ParseAll(csv));
        if (stage is "import" or "acled-store" or "acled-floor")
        {
            _ = items.Value; // before the clock starts
        }

        // The floor: the same rows, encoded ahead, outside the clock.
        var encoded = stage == "acled-floor"
            ? new Lazy<List<(ReportRecord, Encoded)>>(() => [.. items.Value.OfType<ImportItem.Accepted>().Select(a => (a.Record, RawReportInserter.Encode(a.Record)))])
            : null;
        _ = encoded?.Value;
        // TRUCEWATCH_PROBE_REPEAT runs the stage that many times (a fresh store each), so a profiler sees the stage and not the set-up.
        var repeat = ProbeClock.Repeat;
        var directory = Path.Combine(Path.GetTempPath(), "trucewatch-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var round = 1; round <= repeat; round++)
            {
                // TRUCEWATCH_PROBE_DB names another store to probe (e.g. an empty PostgreSQL database); by default a new SQLite file.
                var path = Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_DB") is { Length: > 0 } other ? other : Path.Combine(directory, $"probe{round}.db");
                await using var store = await StoreFactory.OpenAsync(path, TimeProvider.System);
                await ApplyExperimentalPragmasAsync(path, output);
                var clock = ProbeClock.Start();
                long count = stage switch
                {
                    "parse" => BenchData.ParseAll(csv).Count,
                    "import" => (await store.ImportAsync(new ImportRequest("probe.csv", "canonical"), items.Value)).Accepted,
                    "acled-parse" => acledFormat.Read(new StringReader(csv)).Count(i => i is ImportItem.Accepted),
                    "acled-store" => (await store.ImportAsync(new ImportRequest("acled.csv", "acled"), items.Value)).Accepted,
                    "acled-import" => (await store.ImportAsync(new ImportRequest("acled.csv", "acled"), acledFormat.Read(new StringReader(csv)))).Accepted,
                    "acled-floor" => Floor(path, encoded!.Value),
                    _ => throw new ArgumentException($"unknown stage '{stage}' (parse, import, acled-parse, acled-store, acled-import, acled-floor)", nameof(stage)),
                };
                var (wall, cpuUsed) = (clock.Wall, clock.Cpu);
                output.WriteLine($"{stage} #{round}: {count:N0} rows in {wall.TotalSeconds:F2} s wall ({count / wall.TotalSeconds:N0} rows/s), " +
                    $"{cpuUsed.TotalSeconds:F2} s CPU ({count / cpuUsed.TotalSeconds:N0} rows/CPU-s), GCs {clock.Collections}");
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
