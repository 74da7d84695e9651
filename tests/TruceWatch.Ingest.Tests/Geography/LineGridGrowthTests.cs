using Shouldly;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Geography;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// A grid grows where questions fall, from several threads at once: while it grows (and while another thread completes it) it answers every
/// question as measuring would, it makes only the cells its questions need, and once completed it is the same tree however it grew.
/// </summary>
public sealed class LineGridGrowthTests
{
    private static readonly string FrontLines = Repo.Data("front-line-deepstate");
    private static readonly MapGeography Exact = MapGeography.Load(FrontLines, int.MaxValue);
    private static readonly DateOnly Day = new(2025, 3, 18);
    private static readonly double[] Radii = [0, 1, 11];
    private static readonly string[][] Zones = [[Seas.BlackSea], [Seas.SeaOfAzov], [Seas.BlackSea, Seas.SeaOfAzov]];

    /// <summary>The cells of the front line's grid on <see cref="Day"/> when every cell is made up front.</summary>
    private static readonly Lazy<int> CompleteCells = new(() =>
    {
        var line = MapGeography.Load(FrontLines, int.MaxValue).Line(DistanceFrom.FrontLine, Day)!;
        line.Prepare();
        return line.GridCells;
    });

    [Fact]
    public void Sea_membership_asked_from_two_threads_while_the_grid_grows_equals_the_measured_one()
    {
        var map = MapGeography.Load(FrontLines, 0);
        var points = NearTheCoast(4_000, new Random(7)).Concat(Around(43.5, 33.5, 4, 7, 2_000, new Random(8))).ToList();
        var expected = points.Select(p => Zones.Select(z => Radii.Select(r => Exact.InSea(p, r, z)).ToArray()).ToArray()).ToArray();

        var mismatches = AtOnce(2, thread =>
        {
            var found = new List<string>();
            for (var n = 0; n < points.Count; n++)
            {
                // One thread asks from the first point on, the other from the last: both grow the same cells, from both ends.
                var i = thread == 0 ? n : points.Count - 1 - n;
                for (var z = 0; z < Zones.Length; z++)
                {
                    for (var r = 0; r < Radii.Length; r++)
                    {
                        if (map.InSea(points[i], Radii[r], Zones[z]) is var fast && fast != expected[i][z][r])
                        {
                            found.Add($"{points[i]} in {string.Join("+", Zones[z])} ±{Radii[r]} km: measured {expected[i][z][r]}, grid {fast}");
                        }
                    }
                }
            }

            return found;
        });

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void Distances_asked_from_two_threads_while_a_third_completes_the_grid_equal_the_measured_ones()
    {
        var map = MapGeography.Load(FrontLines, 0);
        var line = map.Line(DistanceFrom.FrontLine, Day)!;
        var random = new Random(11);
        var questions = new List<(GeoPoint Point, double Km, double Radius, Tri Expected)>();
        foreach (var point in Around(48.5, 37.5, 3, 4, 1_500, random))
        {
            // Thresholds at the point's own distance, give or take a hair, and some round ones.
            var d = Exact.DistanceKm(point, DistanceFrom.FrontLine, Day)!.Value;
            foreach (var radius in Radii)
            {
                foreach (var km in new[] { Math.Max(0.001, d - radius), Math.Max(0.001, d + radius - 1e-9), d + radius, 5, 30, 100 })
                {
                    var expected = d - radius > km ? Tri.True : d + radius <= km ? Tri.False : Tri.Unknown;
                    questions.Add((point, km, radius, expected));
                }
            }
        }

        var mismatches = AtOnce(3, thread =>
        {
            var found = new List<string>();
            if (thread == 2)
            {
                line.Prepare();
                return found;
            }

            for (var n = 0; n < questions.Count; n++)
            {
                var (point, km, radius, expected) = questions[thread == 0 ? n : questions.Count - 1 - n];
                if (map.Beyond(point, DistanceFrom.FrontLine, Day, km, radius) is var fast && fast != expected)
                {
                    found.Add($"{point} beyond {km} km ±{radius}: measured {expected}, grid {fast}");
                }

                if (map.Occupied(point, Day) is var occupied && occupied != Exact.Occupied(point, Day))
                {
                    found.Add($"{point} occupied: measured {Exact.Occupied(point, Day)}, grid {occupied}");
                }
            }

            return found;
        });

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
        line.GridCells.ShouldBe(CompleteCells.Value, "completed while questions grew it, the tree is the one made all at once");
    }

    [Fact]
    public void A_grid_makes_only_the_cells_its_questions_need()
    {
        var line = MapGeography.Load(FrontLines, 0).Line(DistanceFrom.FrontLine, Day)!;
        foreach (var point in Around(49.99, 36.23, 0.3, 0.3, 2_000, new Random(5)))
        {
            // Around Kharkiv: no question about the rest of the map.
            line.Beyond(point, 30, 11);
        }

        line.GridCells.ShouldBeGreaterThan(1);
        line.GridCells.ShouldBeLessThan(CompleteCells.Value / 20, $"a complete grid holds {CompleteCells.Value:N0} cells");
    }

    /// <summary>Points within about 15 km of the Black Sea's and the Sea of Azov's coasts, where cells straddle the questions' radii.</summary>
    private static IEnumerable<GeoPoint> NearTheCoast(int count, Random random)
    {
        var coast = Exact.SeaGeometry.Values.SelectMany(sea => sea.Boundary.Coordinates).ToArray();
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = KmPlane.FromPlane(coast[random.Next(coast.Length)]);
            yield return new GeoPoint(lat + ((random.NextDouble() - 0.5) * 0.3), lon + ((random.NextDouble() - 0.5) * 0.4));
        }
    }

    private static IEnumerable<GeoPoint> Around(double lat, double lon, double latSpan, double lonSpan, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new GeoPoint(lat + ((random.NextDouble() - 0.5) * latSpan), lon + ((random.NextDouble() - 0.5) * lonSpan));
        }
    }

    /// <summary>Runs <paramref name="work"/> on that many threads released together; their findings, joined.</summary>
    private static List<string> AtOnce(int threads, Func<int, List<string>> work)
    {
        using var start = new Barrier(threads);
        var tasks = Enumerable.Range(0, threads)
            .Select(t => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return work(t);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(tasks, TestContext.Current.CancellationToken);
        return tasks.SelectMany(t => t.Result).ToList();
    }
}
