using TruceWatch.Bench.Measure;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Storage;

namespace TruceWatch.Bench.Pipeline;

/// <summary>
/// TruceWatch's stages on the file: parse + normalize alone (the full reader an import uses) and the judge-only read alone; the streaming
/// end to end (judge-only read → judge every agreement through a <see cref="Core.Reporting.VerdictMemo"/> → scorecard and daily series)
/// on every core and on one, and the same with the full reader and <see cref="Core.Judgement.Judge.Decide"/> per report, whose counts
/// must equal it; optionally the in-memory split (load, then judge + aggregate) and an import into a store. The streaming path is the
/// one <c>trucewatch replay --reports</c> runs (<see cref="PartitionedFile"/>, <see cref="CanonicalFactsReader"/>).
/// </summary>
public static class TruceWatchEngine
{
    public static async Task<(List<StageResult> Stages, Scorecard Scorecard, Scorecard FullReader)> RunAsync(
        string file, IReadOnlyList<Agreement> agreements, bool streamingOnly, string store, TimeProvider time, CancellationToken cancellationToken)
    {
        var format = new CanonicalCsvFormat(WeaponCatalog.Bundled);
        var lean = new CanonicalFactsReader(WeaponCatalog.Bundled);
        var cores = Environment.ProcessorCount;
        var stages = new List<StageResult>();

        // Untimed warm-up on the first few MB until the JIT is done with both readers and the judging (see WarmUp), so no timed stage
        // carries the JIT (DuckDB's first query is cold too, but its code is native). `replay` is timed cold, apart (docs/benchmarks.md).
        WarmUp.Until(() =>
        {
            using (var head = WarmUp.Head(file))
            {
                var warm = new Scorecard(agreements);
                foreach (var item in format.Read(head, cancellationToken))
                {
                    warm.Add(item);
                }
            }

            using (var head = WarmUp.Head(file))
            {
                lean.Read(head, new Scorecard(agreements), cancellationToken);
            }
        });

        var (parse, _) = await Meter.RunAsync("trucewatch", $"parse + normalize ({cores} parts)", () =>
        {
            var parts = PartitionedFile.Fold(file, format, cores, () => new long[1], static (n, item) => n[0] += item is ImportItem.Accepted ? 1 : 0, cancellationToken);
            return Task.FromResult((0, parts.Sum(p => p[0])));
        }).ConfigureAwait(false);
        stages.Add(parse);

        var (leanRead, _) = await Meter.RunAsync("trucewatch", $"judge-only read ({cores} parts)", () =>
        {
            var parts = PartitionedFile.ForEachPart(file, cores, () => new Tally(), (tally, reader, _) => lean.Read(reader, tally, cancellationToken), cancellationToken);
            return Task.FromResult((0, parts.Sum(p => p.Accepted)));
        }).ConfigureAwait(false);
        stages.Add(leanRead);

        var (e2e, scorecard) = await Meter.RunAsync("trucewatch", $"end to end, streaming ({cores} parts)", () => Task.FromResult(EndToEnd(file, lean, agreements, cores, cancellationToken))).ConfigureAwait(false);
        stages.Add(e2e);

        var (single, _) = await Meter.RunAsync("trucewatch", "end to end, streaming (1 part)", () => Task.FromResult(EndToEnd(file, lean, agreements, 1, cancellationToken))).ConfigureAwait(false);
        stages.Add(single);

        var (fullE2e, fullCard) = await Meter.RunAsync("trucewatch", $"end to end, full reader, Decide per report ({cores} parts)", () => Task.FromResult(EndToEnd(file, format, agreements, cores, cancellationToken))).ConfigureAwait(false);
        stages.Add(fullE2e);

        if (!streamingOnly)
        {
            var (load, loaded) = await Meter.RunAsync("trucewatch", $"in memory: load incidents ({cores} parts)", () =>
            {
                var parts = PartitionedFile.Fold(file, format, cores, () => new List<(Incident, bool)>(), static (list, item) =>
                {
                    if (item is ImportItem.Accepted a)
                    {
                        list.Add((Incident.FromReport(new IncidentId(list.Count + 1), a.Record.Report), KnownFacts.Holds(a.Record.Report)));
                    }
                }, cancellationToken);
                var all = parts.SelectMany(p => p).ToList();
                return Task.FromResult((all, (long)all.Count));
            }).ConfigureAwait(false);
            stages.Add(load);

            var (judge, _) = await Meter.RunAsync("trucewatch", "in memory: judge + aggregate (1 core)", () =>
            {
                var card = new Scorecard(agreements);
                foreach (var (incident, known) in loaded)
                {
                    card.Add(incident, known);
                }

                return Task.FromResult((card, card.Reports));
            }).ConfigureAwait(false);
            stages.Add(judge);
            loaded.Clear();
        }

        if (store != "none")
        {
            stages.Add(await ImportAsync(file, format, store, time, cancellationToken).ConfigureAwait(false));
        }

        return (stages, scorecard, fullCard);
    }

    private static (Scorecard, long) EndToEnd(string file, CanonicalFactsReader lean, IReadOnlyList<Agreement> agreements, int parts, CancellationToken cancellationToken)
    {
        var cards = PartitionedFile.ForEachPart(file, parts, () => new Scorecard(agreements), (card, reader, _) => lean.Read(reader, card, cancellationToken), cancellationToken);
        for (var i = 1; i < cards.Length; i++)
        {
            cards[0].Merge(cards[i]);
        }

        return (cards[0], cards[0].Reports);
    }

    private static (Scorecard, long) EndToEnd(string file, IReportFormat format, IReadOnlyList<Agreement> agreements, int parts, CancellationToken cancellationToken)
    {
        var cards = PartitionedFile.Fold(file, format, parts, () => new Scorecard(agreements), static (card, item) => card.Add(item), cancellationToken);
        for (var i = 1; i < cards.Length; i++)
        {
            cards[0].Merge(cards[i]);
        }

        return (cards[0], cards[0].Reports);
    }

    private static async Task<StageResult> ImportAsync(string file, IReportFormat format, string store, TimeProvider time, CancellationToken cancellationToken)
    {
        var location = store == "sqlite"
            ? Path.Combine(Path.GetTempPath(), $"trucewatch-bench-{Environment.ProcessId}.db")
            : Environment.GetEnvironmentVariable("TRUCEWATCH_BENCH_STORE") ?? throw new InvalidOperationException("--store postgres needs TRUCEWATCH_BENCH_STORE (a connection string to a scratch database)");
        try
        {
            var (result, _) = await Meter.RunAsync("trucewatch", $"import into {store} (parse + store)", async () =>
            {
                await using var reportStore = await StoreFactory.OpenAsync(location, time, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(file);
                var summary = await reportStore.ImportAsync(new ImportRequest(file, format.Name), format.Read(reader, cancellationToken), null, cancellationToken).ConfigureAwait(false);
                return (0, summary.Accepted);
            }).ConfigureAwait(false);
            return result;
        }
        finally
        {
            if (store == "sqlite")
            {
                foreach (var path in new[] { location, location + "-wal", location + "-shm" })
                {
                    File.Delete(path);
                }
            }
        }
    }

    /// <summary>Counts what the judge-only reader reads, and nothing more: its cost alone.</summary>
    private sealed class Tally : IFactsSink
    {
        public long Accepted { get; private set; }

        public void Add(in ReportFacts facts) => Accepted++;

        public void Reject(QuarantinedRow row)
        {
        }
    }
}
