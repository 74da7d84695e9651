using System.Globalization;
using TruceWatch.Bench.Measure;
using TruceWatch.Bench.Pipeline;
using TruceWatch.Bench.Sql;
using TruceWatch.Core.Agreements;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Bench.Run;

/// <summary>
/// Runs every engine on the same file in one process, one after the other, prints a table of stages and the ratios TruceWatch / DuckDB
/// and TruceWatch / PostgreSQL, and checks that the SQL engines' counts equal TruceWatch's on the known-facts subset. Exit code 0 when
/// they agree, 2 when they do not.
/// </summary>
public static class BenchRunner
{
    private const int DifferencesShown = 20;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var library = AgreementLibrary.Bundled();
        IReadOnlyList<Agreement> agreements = [.. library.Agreements];
        if (agreements.Count == 0)
        {
            await Console.Error.WriteLineAsync("error: no bundled agreements found (set TRUCEWATCH_AGREEMENTS)").ConfigureAwait(false);
            return 1;
        }

        var size = new FileInfo(options.File).Length;
        output.WriteLine($"bench run: {options.File} ({size:N0} bytes), agreements: {string.Join(", ", agreements.Select(a => a.Id))}");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start: {Meter.LoadAverage()}");

        var stages = new List<StageResult>();
        stages.AddRange(await PhysicalLimit.RunAsync(options.File, cancellationToken).ConfigureAwait(false));
        var (tw, scorecard, fullReader) = await TruceWatchEngine.RunAsync(options.File, agreements, options.StreamingOnly, options.Store, time, cancellationToken).ConfigureAwait(false);
        stages.AddRange(tw);
        var peakAfterTruceWatch = Meter.PeakResidentBytes();

        // SQL cannot answer a place condition (a sea, a distance from the front line): without the map TruceWatch judges it unknown and
        // SQL would ignore it, so agreements with one are judged and timed as usual but left out of the check.
        IReadOnlyList<Agreement> checkable = [.. agreements.Where(a => !HasPlaceCondition(a))];
        var expected = scorecard.ToCounts(knownFactsOnly: true);
        foreach (var key in expected.Values.Keys.Where(k => !checkable.Any(a => k.Contains($"|{a.Id}|", StringComparison.Ordinal))).ToList())
        {
            expected.Values.Remove(key);
        }

        var checks = new List<(string Engine, List<string> Differences)>
        {
            // The judge-only path must count exactly what the full reader with Decide per report counts, on every report.
            ("the full reader with Decide per report", Counts.Differences(fullReader.ToCounts(knownFactsOnly: false), scorecard.ToCounts(knownFactsOnly: false), "full reader", "judge-only reader")),
        };
        if (fullReader.Rejected != scorecard.Rejected)
        {
            checks[0].Differences.Add($"rejected rows: full reader {fullReader.Rejected}, judge-only reader {scorecard.Rejected}");
        }
        if (options.DuckDb)
        {
            var (duck, counts) = await DuckDbEngine.RunAsync(options.File, checkable, cancellationToken).ConfigureAwait(false);
            stages.AddRange(duck);
            checks.Add(("duckdb", Counts.Differences(expected, counts, "trucewatch", "duckdb")));
        }

        if (options.Postgres)
        {
            if (options.PostgresServer is not { Length: > 0 } server)
            {
                output.WriteLine("postgres: skipped (no --pg and no TRUCEWATCH_TEST_PG)");
            }
            else
            {
                var (pg, counts) = await PostgresEngine.RunAsync(server, options.File, checkable, time, cancellationToken).ConfigureAwait(false);
                stages.AddRange(pg);
                checks.Add(("postgres", Counts.Differences(expected, counts, "trucewatch", "postgres")));
            }
        }

        output.WriteLine($"load average at end: {Meter.LoadAverage()}");
        output.WriteLine();
        WriteStages(output, stages);
        output.WriteLine();
        output.WriteLine($"reports: {scorecard.Reports:N0} accepted, {scorecard.Rejected:N0} rejected; known-facts subset (checked against SQL): {scorecard.KnownFactsReports:N0}");
        if (checkable.Count < agreements.Count)
        {
            output.WriteLine($"not checked against SQL (place conditions SQL cannot answer): {string.Join(", ", agreements.Except(checkable).Select(a => a.Id))}");
        }

        output.WriteLine($"peak resident memory of the process after the TruceWatch stages: {Mb(peakAfterTruceWatch)}");
        WriteScorecard(output, scorecard.ToCounts(knownFactsOnly: false));
        WriteRatios(output, stages);

        var failed = false;
        foreach (var (engine, differences) in checks)
        {
            if (differences.Count == 0 && engine.StartsWith("the full reader", StringComparison.Ordinal))
            {
                output.WriteLine($"check: the judge-only reader equals {engine} on every report ({scorecard.Reports:N0} reports, {fullReader.Rejected:N0} rejected by both)");
                continue;
            }

            if (differences.Count == 0)
            {
                output.WriteLine($"check: {engine} equals trucewatch on the known-facts subset ({expected.Values.Count:N0} counts, {scorecard.KnownFactsReports:N0} reports)");
                continue;
            }

            failed = true;
            output.WriteLine($"check: {engine} DIFFERS from trucewatch in {differences.Count:N0} count(s):");
            foreach (var difference in differences.Take(DifferencesShown))
            {
                output.WriteLine($"  {difference}");
            }
        }

        return failed ? 2 : 0;
    }

    private static bool HasPlaceCondition(Agreement agreement) =>
        agreement.Clauses.Any(c => c.Prohibits.Where is not null || c.Except.Any(e => e.Where is not null))
        || agreement.Amendments.Any(a => a.Apply(agreement).Clauses.Any(c => c.Prohibits.Where is not null || c.Except.Any(e => e.Where is not null)));

    private static void WriteStages(TextWriter output, List<StageResult> stages)
    {
        output.WriteLine($"{"engine",-10} {"stage",-44} {"rows",12} {"wall s",8} {"cpu s",7} {"rows/s",12} {"peak RSS",10} {"peak GC heap",12} {"alloc/row",10}");
        foreach (var s in stages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Engine,-10} {s.Stage,-44} {s.Rows,12:N0} {s.Wall.TotalSeconds,8:F3} {s.Cpu.TotalSeconds,7:F2} {s.RowsPerSecond,12:N0} {Mb(s.PeakWorkingSet),10} {Mb(s.PeakGcHeap),12} {s.AllocatedPerRow,8:N0} B"));
        }
    }

    private static void WriteScorecard(TextWriter output, Counts counts)
    {
        output.WriteLine("scorecard (all reports): agreement | party | verdict = count");
        foreach (var (key, n) in counts.Values)
        {
            if (key.StartsWith("scorecard|", StringComparison.Ordinal))
            {
                output.WriteLine($"  {key["scorecard|".Length..].Replace("|", " | ", StringComparison.Ordinal)} = {n:N0}");
            }
        }

        output.WriteLine($"daily series: {counts.Values.Keys.Count(k => k.StartsWith("daily|", StringComparison.Ordinal)):N0} (agreement, day, party, verdict) cells");
    }

    private static void WriteRatios(TextWriter output, List<StageResult> stages)
    {
        StageResult? Find(string engine, string prefix) => stages.FirstOrDefault(s => s.Engine == engine && s.Stage.StartsWith(prefix, StringComparison.Ordinal));
        var tw = Find("trucewatch", "end to end, streaming (" + Environment.ProcessorCount);
        var parse = Find("trucewatch", "parse");
        var judge = Find("trucewatch", "in memory: judge");
        if (tw is null)
        {
            return;
        }

        output.WriteLine("ratios (wall time, < 1 means TruceWatch is faster):");
        void Ratio(string label, StageResult? a, StageResult? b)
        {
            if (a is not null && b is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-64} {a.Wall.TotalSeconds / b.Wall.TotalSeconds,6:F2}×"));
            }
        }

        Ratio("TruceWatch end to end / cat FILE", tw, Find("limit", "cat"));
        Ratio("TruceWatch end to end / the same with the full reader and Decide per report", tw, Find("trucewatch", "end to end, full reader"));
        Ratio("TruceWatch end to end / no-op Sep pass (1 core)", tw, Find("limit", "no-op Sep pass (1"));
        Ratio("TruceWatch end to end / no-op Sep pass (all cores)", tw, Find("limit", "no-op Sep pass (" + Environment.ProcessorCount));
        Ratio("TruceWatch end to end / DuckDB one query over read_csv", tw, Find("duckdb", "end to end"));
        Ratio("TruceWatch parse + normalize / DuckDB load", parse, Find("duckdb", "load"));
        Ratio("TruceWatch judge + aggregate (in memory) / DuckDB classify + aggregate", judge, Find("duckdb", "classify"));
        Ratio("TruceWatch end to end / PostgreSQL COPY + query", tw, Find("postgres", "end to end"));
        Ratio("TruceWatch parse + normalize / PostgreSQL COPY", parse, Find("postgres", "load"));
        Ratio("TruceWatch judge + aggregate (in memory) / PostgreSQL classify + aggregate", judge, Find("postgres", "classify"));
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MB");
}
