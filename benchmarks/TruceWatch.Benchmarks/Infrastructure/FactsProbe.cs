using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Benchmarks;

/// <summary>
/// The judge-only path of <c>replay --reports</c> on a canonical file, without the map, stage by stage, in one or more parts:
/// <c>read</c> (the judge-only reader, nothing counted) and <c>replay</c> (read, judge every bundled agreement through the memo, count),
/// each <c>TRUCEWATCH_PROBE_REPEAT</c> times, printing wall and CPU time: for a profiler and for comparing a change side by side.
/// </summary>
internal static class FactsProbe
{
    public static void Run(string file, int parts, TextWriter output)
    {
        IReadOnlyList<Agreement> agreements = [.. AgreementLibrary.Bundled().Agreements];
        var reader = new CanonicalFactsReader(WeaponCatalog.Bundled);
        for (var round = 1; round <= ProbeClock.Repeat; round++)
        {
            Time(output, $"read ({parts} parts) #{round}", () =>
                PartitionedFile.ForEachPart(file, parts, () => new Counter(), (sink, text, _) => reader.Read(text, sink, CancellationToken.None), CancellationToken.None).Sum(c => c.Count));
            Time(output, $"replay ({parts} parts) #{round}", () =>
            {
                var tallies = PartitionedFile.ForEachPart(file, parts, () => new Tally(agreements), (sink, text, _) => reader.Read(text, sink, CancellationToken.None), CancellationToken.None);
                for (var i = 1; i < tallies.Length; i++)
                {
                    tallies[0].Replay.Merge(tallies[i].Replay);
                }

                return tallies[0].Replay.Incidents;
            });
        }
    }

    private static void Time(TextWriter output, string name, Func<long> stage)
    {
        var clock = ProbeClock.Start();
        var count = stage();
        var (wall, cpu) = (clock.Wall, clock.Cpu);
        output.WriteLine($"{name}: {count:N0} reports in {wall.TotalSeconds:F3} s wall, {cpu.TotalSeconds:F3} s CPU, GCs {clock.Collections}");
    }

    private sealed class Counter : IFactsSink
    {
        public long Count { get; private set; }

        public void Add(in ReportFacts facts) => Count++;

        public void Reject(QuarantinedRow row)
        {
        }
    }

    private sealed class Tally(IReadOnlyList<Agreement> agreements) : IFactsSink
    {
        public ReplayTally Replay { get; } = new(agreements, null, null);

        public void Add(in ReportFacts facts) => Replay.Add(facts);

        public void Reject(QuarantinedRow row)
        {
        }
    }
}
