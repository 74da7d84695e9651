using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Benchmarks;

/// <summary>
/// The ledger on its own, 200k small entries (quarantine-decision-sized payloads): appending them through the SQLite store's appender,
/// and verifying them from the store, from an export, and in memory (the hashing alone, the limit).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class LedgerBenchmarks
{
    public const int Entries = 200_000;

    /// <summary>Entries per transaction when appending, as an import commits.</summary>
    private const int Batch = 25_000;

    private static readonly DateTimeOffset T0 = new(2025, 3, 18, 0, 0, 0, TimeSpan.Zero);

    private readonly List<LedgerEvent> _chain = [];
    private string _export = "";
    private string _directory = "";
    private string _verifyStore = "";
    private string _appendStore = "";
    private IReportStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        LedgerEvent? last = null;
        for (var i = 0; i < Entries; i++)
        {
            last = LedgerChain.Next(last, T0.AddSeconds(i), "quarantine.decision", $"quarantine:{i}", Payload(i));
            _chain.Add(last);
        }

        _directory = Path.Combine(Path.GetTempPath(), "trucewatch-bench-ledger-" + Guid.NewGuid().ToString("N"));
        _verifyStore = Path.Combine(_directory, "verify.db");
        Append(_verifyStore);
        _store = StoreFactory.OpenAsync(_verifyStore, TimeProvider.System).GetAwaiter().GetResult();
        using var export = new MemoryStream();
        LedgerExport.WriteAsync(_store.LedgerAsync(), export).GetAwaiter().GetResult();
        _export = System.Text.Encoding.UTF8.GetString(export.ToArray());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(AppendSqlite))]
    public void FreshAppendStore() => _appendStore = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public bool VerifyInMemory() => LedgerChain.Verify(_chain).IsIntact;

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<bool> VerifySqlite() => Check(await _store!.VerifyLedgerAsync());

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<bool> VerifyExport() => Check((await LedgerExport.VerifyAsync(new StringReader(_export))).Chain);

    [Benchmark(OperationsPerInvoke = Entries)]
    public long AppendSqlite() => Append(_appendStore);

    /// <summary>Appends <see cref="Entries"/> entries to a new store through the store's own appender, in transactions of <see cref="Batch"/>.</summary>
    private static long Append(string path)
    {
        StoreFactory.OpenAsync(path, TimeProvider.System).GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL";
            pragma.ExecuteNonQuery();
        }

        using var ledger = new SqliteLedger(connection, TimeProvider.System);
        long appended = 0;
        while (appended < Entries)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            ledger.ReadHead();
            for (var i = 0; i < Batch && appended < Entries; i++, appended++)
            {
                ledger.Append(new LedgerChange("quarantine.decision", $"quarantine:{appended}", Payload((int)appended)));
            }

            transaction.Commit();
        }

        return appended;
    }

    private static string Payload(int i) => $"{{\"version\":2,\"status\":\"dismissed\",\"by\":\"analyst-{i % 7}\",\"note\":\"not a strike report\"}}";

    private static bool Check(LedgerVerification result) =>
        result.IsIntact && result.Verified == Entries ? true : throw new InvalidOperationException($"The benchmark ledger does not verify: {result.Reason}");
}
