using System.Globalization;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using TruceWatch.Ingest.Statements;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Statement extraction (docs/extraction.md) over the real posts bundled in data/: the Russian MoD's Telegram posts (5,887, every kind: air-defence
/// reports, front-line news, digests) and the Ukrainian Air Force's "ЗНИЩЕНО" posts (285). One operation is one statement: its text read into
/// claims by <see cref="StatementExtractor.Extract"/>. The posts are read from the files once, outside the timed part; each benchmark walks them in
/// file order, round and round, for a fixed number of statements.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExtractBenchmarks
{
    public const int Statements = 12_000;

    private Statement[] _ministry = [];
    private Statement[] _airForce = [];
    private Statement[] _all = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot.Find();
        _ministry = Read(Path.Combine(root, "data", "russia-mod-statements", "mod_russia_clean.csv"), StatementSource.RussianMod, "datetime", "text_snippet");
        _airForce = Read(Path.Combine(root, "data", "ua-airforce-statements", "statements_uk.csv"), StatementSource.UkrainianAirForce, "posted_at", "text_uk");
        _all = [.. _ministry, .. _airForce];
    }

    /// <summary>Both channels' posts, as a monitor's nightly load would mix them.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Statements)]
    public int All() => Extract(_all);

    [Benchmark(OperationsPerInvoke = Statements)]
    public int Ministry() => Extract(_ministry);

    [Benchmark(OperationsPerInvoke = Statements)]
    public int AirForce() => Extract(_airForce);

    private static int Extract(Statement[] posts)
    {
        var claims = 0;
        var extractor = StatementExtractor.Default;
        for (var i = 0; i < Statements; i++)
        {
            claims += extractor.Extract(posts[i % posts.Length]).Claims.Length;
        }

        return claims;
    }

    private static Statement[] Read(string path, StatementSource source, string timeColumn, string textColumn)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var time = reader.Header.IndexOf(timeColumn);
        var text = reader.Header.IndexOf(textColumn);
        var posts = new List<Statement>();
        foreach (var row in reader)
        {
            var posted = DateTime.ParseExact(row[time].Span.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
            posts.Add(new Statement(source, row[text].ToString(), new DateTimeOffset(posted, TimeSpan.Zero)));
        }

        return [.. posts];
    }
}
