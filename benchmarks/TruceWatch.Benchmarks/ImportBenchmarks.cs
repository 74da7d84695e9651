using BenchmarkDotNet.Attributes;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Storage;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Importing 100k rows into a fresh SQLite store (file in the temp folder, WAL, the store's own batching): pre-parsed items, so the store
/// is measured alone, against parse-and-store end to end. Each iteration gets a new, migrated, empty database.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ImportBenchmarks : FreshStoreBenchmark
{
    /// <summary>100k, not 1M: an import of 1M rows takes most of a minute at the store's current speed, and the suite must fit in ten minutes.</summary>
    public const int Rows = 100_000;

    private static readonly ImportRequest Request = new("bench.csv", "canonical");
    private string _csv = "";
    private List<ImportItem> _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _csv = SyntheticCanonicalCsv.Generate(Rows);
        _items = BenchData.ParseAll(_csv);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task<long> ImportPreParsed()
    {
        var summary = await Store.ImportAsync(Request, _items);
        return Check(summary).Accepted;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> ParseAndImport()
    {
        var summary = await Store.ImportAsync(Request, BenchData.Format.Read(new StringReader(_csv)));
        return Check(summary).Accepted;
    }

    private static ImportSummary Check(ImportSummary summary) =>
        summary.Accepted == Rows ? summary : throw new InvalidOperationException($"expected {Rows} accepted rows, got {summary}");
}
