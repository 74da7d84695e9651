using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Acled;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Storage;

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

    public static async Task RunAsync(string stage, int rows, TextWriter output)
    {
        var acled = stage.StartsWith("acled", StringComparison.Ordinal);
        var acledFormat = new AcledFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled);
        var csv = acled ? SyntheticAcledCsv.Generate(rows) : SyntheticCanonicalCsv.Generate(rows);
        // Parsed ahead only for the stages that store parsed rows, so a profile of the others holds no parsing of set-up.
        var items = new Lazy<List<ImportItem>>(() => acled ? [.. acledFormat.Read(new StringReader(csv))] : BenchData.ParseAll(csv));
        if (stage is "import" or "acled-store")
        {
            _ = items.Value; // before the clock starts
        }
        // TRUCEWATCH_PROBE_REPEAT runs the stage that many times (a fresh store each), so a profiler sees the stage and not the set-up.
        var repeat = int.TryParse(Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_REPEAT"), out var n) && n > 0 ? n : 1;
        var directory = Path.Combine(Path.GetTempPath(), "trucewatch-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var round = 1; round <= repeat; round++)
            {
                // TRUCEWATCH_PROBE_DB names another store to probe (e.g. an empty PostgreSQL database); by default a new SQLite file.
                var path = Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_DB") is { Length: > 0 } other ? other : Path.Combine(directory, $"probe{round}.db");
                await using var store = await StoreFactory.OpenAsync(path, TimeProvider.System);
                await ApplyExperimentalPragmasAsync(path, output);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                var clock = Stopwatch.StartNew();
                long count = stage switch
                {
                    "parse" => BenchData.ParseAll(csv).Count,
                    "import" => (await store.ImportAsync(new ImportRequest("probe.csv", "canonical"), items.Value)).Accepted,
                    "acled-parse" => acledFormat.Read(new StringReader(csv)).Count(i => i is ImportItem.Accepted),
                    "acled-store" => (await store.ImportAsync(new ImportRequest("acled.csv", "acled"), items.Value)).Accepted,
                    "acled-import" => (await store.ImportAsync(new ImportRequest("acled.csv", "acled"), acledFormat.Read(new StringReader(csv)))).Accepted,
                    _ => throw new ArgumentException($"unknown stage '{stage}' (parse, import, acled-parse, acled-store, acled-import)", nameof(stage)),
                };
                clock.Stop();
                var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                output.WriteLine($"{stage} #{round}: {count:N0} rows in {clock.Elapsed.TotalSeconds:F2} s wall ({count / clock.Elapsed.TotalSeconds:N0} rows/s), " +
                    $"{cpuUsed.TotalSeconds:F2} s CPU ({count / cpuUsed.TotalSeconds:N0} rows/CPU-s), " +
                    $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}");
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
