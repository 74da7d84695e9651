using BenchmarkDotNet.Attributes;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Storage;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Importing 1M rows into a fresh SQLite store (file in the temp folder, WAL, the store's own batching): pre-parsed items, so the store
/// is measured alone, against parse-and-store end to end. Each iteration gets a new, migrated, empty database.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ImportBenchmarks
{
    private static readonly ImportRequest Request = new("bench.csv", "canonical");
    private string _csv = "";
    private List<ImportItem> _items = [];
    private string _directory = "";
    private IReportStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        _csv = SyntheticCanonicalCsv.Generate(BenchData.Rows);
        _items = BenchData.ParseAll(_csv);
    }

    [IterationSetup]
    public void OpenFreshStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "trucewatch-bench-" + Guid.NewGuid().ToString("N"));
        _store = StoreFactory.OpenAsync(Path.Combine(_directory, "bench.db"), TimeProvider.System).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropStore()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _store = null;
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchData.Rows)]
    public async Task<long> ImportPreParsed()
    {
        var summary = await _store!.ImportAsync(Request, _items);
        return Check(summary).Accepted;
    }

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public async Task<long> ParseAndImport()
    {
        var summary = await _store!.ImportAsync(Request, BenchData.Format.Read(new StringReader(_csv)));
        return Check(summary).Accepted;
    }

    private static ImportSummary Check(ImportSummary summary) =>
        summary.Accepted == BenchData.Rows ? summary : throw new InvalidOperationException($"expected {BenchData.Rows} accepted rows, got {summary}");
}
