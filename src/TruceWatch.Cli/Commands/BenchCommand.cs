using System.CommandLine;
using TruceWatch.Bench.Run;
using TruceWatch.Bench.Workload;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>trucewatch bench</c>: the end-to-end benchmark (docs/benchmarks.md). <c>generate</c> writes a synthetic workload; <c>run</c> times
/// TruceWatch on it side by side with DuckDB and PostgreSQL doing the same classification in SQL, and checks that they agree.
/// </summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "The end-to-end benchmark: generate a workload, run it against TruceWatch, DuckDB and PostgreSQL.")
    {
        Generate(),
        RunCommand(),
    };

    private static Command Generate()
    {
        var reports = new Option<long>("--reports") { Description = "How many reports (rows) to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed always writes the same bytes.", DefaultValueFactory = _ => SyntheticReports.DefaultSeed };
        var output = new Option<string>("--out") { Description = "The CSV file to write (replaced).", Required = true };
        var command = new Command("generate", "Write a realistic synthetic canonical report CSV, deterministic by seed, streamed.") { reports, seed, output };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(reports);
            if (n < 0)
            {
                return CommonOptions.Fail("--reports must be ≥ 0");
            }

            var path = parse.GetValue(output)!;
            SyntheticReports.WriteFile(path, n, parse.GetValue(seed));
            Console.WriteLine($"Wrote {n:N0} reports to {path} ({new FileInfo(path).Length:N0} bytes).");
            return 0;
        });
        return command;
    }

    private static Command RunCommand()
    {
        var reports = new Option<string>("--reports") { Description = "The canonical CSV to run on (see bench generate).", Required = true };
        var store = new Option<string>("--store") { Description = "Also import into a store: none, sqlite or postgres.", DefaultValueFactory = _ => "none" };
        store.AcceptOnlyFromAmong("none", "sqlite", "postgres");
        var sql = new Option<string>("--sql") { Description = "SQL engines to compare with: duckdb,postgres (comma-separated) or none.", DefaultValueFactory = _ => "duckdb,postgres" };
        var pg = new Option<string?>("--pg") { Description = "PostgreSQL server (Host=…;Username=…); default $TRUCEWATCH_TEST_PG. A scratch database is made and dropped." };
        var streaming = new Option<bool>("--streaming") { Description = "Streaming only: skip the in-memory stages (for 10M rows in bounded memory)." };
        var command = new Command("run", "Time parse → judge → aggregate on TruceWatch, DuckDB and PostgreSQL; check equal results; print ratios.")
        {
            reports, store, sql, pg, streaming,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var file = parse.GetValue(reports)!;
            if (!File.Exists(file))
            {
                return Task.FromResult(CommonOptions.Fail($"{file}: no such file"));
            }

            var engines = (parse.GetValue(sql) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new BenchOptions(
                file,
                parse.GetValue(store)!,
                engines.Contains("duckdb"),
                engines.Contains("postgres"),
                parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("TRUCEWATCH_TEST_PG"),
                parse.GetValue(streaming));
            return BenchRunner.RunAsync(options, Console.Out, TimeProvider.System, cancellationToken);
        });
        return command;
    }
}
