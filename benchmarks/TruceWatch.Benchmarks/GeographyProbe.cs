using System.Diagnostics;
using TruceWatch.Core.Geography;
using TruceWatch.Ingest.Geography;

namespace TruceWatch.Benchmarks;

/// <summary>
/// The geography benchmarks as timed passes outside BenchmarkDotNet, printing wall and CPU time per incident (<c>--probe-geography</c>).
/// On a machine shared with other work, CPU time is the steadier measure: wall time counts the time other processes held the cores.
/// Also times building one snapshot's grid.
/// </summary>
internal static class GeographyProbe
{
    public static void Run(int passes, TextWriter output)
    {
        var bench = new GeographyBenchmarks();
        bench.Setup();
        (string Name, Func<int> Pass, bool Cold)[] cases =
        [
            ("WithoutPlace", bench.WithoutPlace, false),
            ("WithPlace (cold points, grid)", bench.WithPlace, true),
            ("WithPlaceWithoutGrid (cold points, measured)", bench.WithPlaceWithoutGrid, true),
            ("WithPlaceAtSettlements (repeated points)", bench.WithPlaceAtSettlements, false),
        ];
        foreach (var (name, pass, cold) in cases)
        {
            var measured = MapGeography.Bundled.Measured;
            var wall = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < passes; i++)
            {
                if (cold)
                {
                    bench.ForgetMeasurements();
                }

                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                pass();
                wall.Add(clock.Elapsed.TotalNanoseconds / GeographyBenchmarks.Incidents);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalNanoseconds / GeographyBenchmarks.Incidents);
            }

            output.WriteLine($"{name,-46} wall {Format(wall)} ns/incident   CPU {Format(cpu)} ns/incident   best CPU {1e9 / cpu.Min():N0} incidents/s" +
                $"   measured {(MapGeography.Bundled.Measured - measured) / (double)(passes * GeographyBenchmarks.Incidents):P1} of incidents (grid map)");
        }

        var map = MapGeography.Load(MapGeography.FindFrontLineDirectory(), int.MaxValue);
        foreach (var day in new[] { new DateOnly(2025, 3, 18), new DateOnly(2024, 8, 1) })
        {
            var line = map.Line(DistanceFrom.FrontLine, day)!;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            line.Prepare();
            output.WriteLine($"grid for the snapshot of {day:yyyy-MM-dd}: {line.GridCells:N0} cells, built in {clock.Elapsed.TotalMilliseconds:N0} ms wall, " +
                $"{(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:N0} ms CPU");
        }
    }

    private static string Format(List<double> values) => $"{values.Min(),7:N0}–{values.Max(),7:N0}";
}
