using BenchmarkDotNet.Attributes;
using TruceWatch.Storage;

namespace TruceWatch.Benchmarks;

/// <summary>A benchmark that imports into a new, migrated, empty SQLite store each iteration (a file in the temp folder, removed after).</summary>
public abstract class FreshStoreBenchmark
{
    private string _directory = "";

    /// <summary>The store of the current iteration.</summary>
    protected IReportStore Store { get; private set; } = null!;

    [IterationSetup]
    public void OpenFreshStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "trucewatch-bench-" + Guid.NewGuid().ToString("N"));
        Store = StoreFactory.OpenAsync(Path.Combine(_directory, "bench.db"), TimeProvider.System).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropStore()
    {
        Store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Store = null!;
        Directory.Delete(_directory, recursive: true);
    }
}
