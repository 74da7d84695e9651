using BenchmarkDotNet.Attributes;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Acled;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Storage;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Issue 5's target: an ACLED export imported into SQLite at ≥ 200k rows/s (parse, normalize, store, ledger; a fresh store per
/// iteration), beside parsing alone and storing the parsed rows alone, so the ratio shows which side bounds it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class AcledImportBenchmarks : FreshStoreBenchmark
{
    public const int Rows = 100_000;

    private static readonly ImportRequest Request = new("acled.csv", "acled");
    private readonly AcledFormat _format = new(WeaponCatalog.Bundled, OblastGazetteer.Bundled);
    private string _csv = "";
    private List<ImportItem> _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _csv = SyntheticAcledCsv.Generate(Rows);
        _items = [.. _format.Read(new StringReader(_csv))];
        var rejected = _items.OfType<ImportItem.Rejected>().FirstOrDefault();
        if (rejected is not null)
        {
            throw new InvalidOperationException($"synthetic ACLED row rejected: {rejected.Row.Reason}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task<long> AcledParseAndImport() => Check(await Store.ImportAsync(Request, _format.Read(new StringReader(_csv))));

    [Benchmark(OperationsPerInvoke = Rows)]
    public async Task<long> AcledImportPreParsed() => Check(await Store.ImportAsync(Request, _items));

    [Benchmark(OperationsPerInvoke = Rows)]
    public int AcledParseOnly()
    {
        var n = 0;
        foreach (var item in _format.Read(new StringReader(_csv)))
        {
            n += item is ImportItem.Accepted ? 1 : 0;
        }

        return n == Rows ? n : throw new InvalidOperationException($"expected {Rows} rows, parsed {n}");
    }

    private static long Check(ImportSummary summary) =>
        summary.Accepted == Rows ? summary.Accepted : throw new InvalidOperationException($"expected {Rows} accepted rows, got {summary}");
}
