using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
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
        var csv = SyntheticCanonicalCsv.Generate(rows);
        var items = BenchData.ParseAll(csv);
        var directory = Path.Combine(Path.GetTempPath(), "trucewatch-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            // TRUCEWATCH_PROBE_DB names another store to probe (e.g. an empty PostgreSQL database); by default a new SQLite file.
            var path = Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_DB") is { Length: > 0 } other ? other : Path.Combine(directory, "probe.db");
            await using var store = await StoreFactory.OpenAsync(path, TimeProvider.System);
            await ApplyExperimentalPragmasAsync(path, output);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long count = stage switch
            {
                "parse" => BenchData.ParseAll(csv).Count,
                "import" => (await store.ImportAsync(new ImportRequest("probe.csv", "canonical"), items)).Accepted,
                _ => throw new ArgumentException($"unknown stage '{stage}' (parse, import)", nameof(stage)),
            };
            clock.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            output.WriteLine($"{stage}: {count:N0} rows in {clock.Elapsed.TotalSeconds:F2} s wall ({count / clock.Elapsed.TotalSeconds:N0} rows/s), " +
                $"{cpuUsed.TotalSeconds:F2} s CPU ({count / cpuUsed.TotalSeconds:N0} rows/CPU-s)");
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
