using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

public sealed class BenchCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trucewatch-bench-").FullName;

    [Fact]
    public async Task The_same_seed_writes_the_same_bytes_and_another_seed_other_bytes()
    {
        var a = await Trucewatch.RunAsync(_dir, "bench", "generate", "--reports", "5000", "--seed", "7", "--out", "a.csv");
        var b = await Trucewatch.RunAsync(_dir, "bench", "generate", "--reports", "5000", "--seed", "7", "--out", "b.csv");
        var c = await Trucewatch.RunAsync(_dir, "bench", "generate", "--reports", "5000", "--seed", "8", "--out", "c.csv");

        a.ExitCode.ShouldBe(0, a.ToString());
        b.ExitCode.ShouldBe(0, b.ToString());
        c.ExitCode.ShouldBe(0, c.ToString());
        var bytesA = await File.ReadAllBytesAsync(Path.Combine(_dir, "a.csv"), TestContext.Current.CancellationToken);
        bytesA.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(_dir, "b.csv"), TestContext.Current.CancellationToken));
        bytesA.ShouldNotBe(await File.ReadAllBytesAsync(Path.Combine(_dir, "c.csv"), TestContext.Current.CancellationToken));
        File.ReadLines(Path.Combine(_dir, "a.csv")).Count().ShouldBe(5001);
    }

    [Fact]
    public async Task A_generated_workload_is_all_valid_and_both_parties_strike_in_both_windows()
    {
        await Trucewatch.RunAsync(_dir, "bench", "generate", "--reports", "20000", "--seed", "3", "--out", "w.csv");

        var replay = await Trucewatch.RunAsync(_dir, "replay", "--reports", "w.csv", "--from", "2025-03-18", "--to", "2025-04-16");

        replay.ExitCode.ShouldBe(0, replay.ToString());
        replay.Stderr.ShouldNotContain("row skipped");
        replay.Stdout.ShouldContain("│ UA ");
        replay.Stdout.ShouldContain("│ RU ");
    }

    [Fact]
    public async Task Bench_run_on_100k_reports_gives_duckdb_and_the_full_reader_the_same_counts_as_the_judge_only_path()
    {
        await Trucewatch.RunAsync(_dir, "bench", "generate", "--reports", "100000", "--seed", "11", "--out", "w.csv");

        var run = await Trucewatch.RunAsync(_dir, "bench", "run", "--reports", "w.csv", "--sql", "duckdb", "--streaming");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("check: duckdb equals trucewatch on the known-facts subset");
        run.Stdout.ShouldContain("check: the judge-only reader equals the full reader with Decide per report on every report (100,000 reports");
        run.Stdout.ShouldContain("100,000 accepted, 0 rejected");
    }

    [Fact]
    public async Task Bench_run_fails_when_duckdb_counts_a_row_trucewatch_rejects()
    {
        // A fully known strike whose latitude is out of range: TruceWatch quarantines the row, the SQL reads only the columns it needs.
        await File.WriteAllTextAsync(Path.Combine(_dir, "w.csv"),
            "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
            "t,1,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,48.1,35.0,energy.grid.substation,,,\n" +
            "t,2,,2025-03-20T04:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,999,35.0,energy.grid.substation,,,\n",
            TestContext.Current.CancellationToken);

        var run = await Trucewatch.RunAsync(_dir, "bench", "run", "--reports", "w.csv", "--sql", "duckdb", "--streaming");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stdout.ShouldContain("check: duckdb DIFFERS from trucewatch");
        run.Stdout.ShouldContain("scorecard|energy-moratorium-2025|RU|violation: trucewatch 1, duckdb 2");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
