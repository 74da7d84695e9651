using Shouldly;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Geography;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// The prepared grid answers exactly as measuring would: the same map with grids used from the first question (grown where the
/// questions fall) and with grids never started (every question measured by NetTopologySuite) must agree on every question, for points spread over the map and points placed right at the
/// thresholds, where a loose bound would show.
/// </summary>
public sealed class LineGridTests
{
    private static readonly MapGeography Exact = MapGeography.Load(Repo.Data("front-line-deepstate"), int.MaxValue);
    private static readonly MapGeography Prepared = MapGeography.Load(Repo.Data("front-line-deepstate"), 0);
    private static readonly double[] Radii = [0, 1, 11];
    private static readonly double[] Distances = [0.5, 5, 20, 30, 50, 100, 300, 1000];

    public static TheoryData<string, string> Days() => new()
    {
        { "front-line", "2025-03-18" },
        { "front-line", "2024-07-20" },
        { "front-line", "2025-09-01" },
        { "border", "2025-03-18" },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Distance_conditions_from_the_grid_equal_the_measured_ones_over_the_whole_map(string from, string dayText)
    {
        var (source, day) = (from == "border" ? DistanceFrom.Border : DistanceFrom.FrontLine, DateOnly.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture));
        var random = new Random(from.Length + day.DayNumber);
        var mismatches = new List<string>();
        for (var i = 0; i < 6_000; i++)
        {
            var point = new GeoPoint(43.5 + (random.NextDouble() * 9.5), 21.5 + (random.NextDouble() * 21));
            foreach (var km in Distances)
            {
                foreach (var radius in Radii)
                {
                    Compare(point, source, day, km, radius, mismatches);
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
        Prepared.Line(source, day)!.IsPrepared.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Distance_conditions_at_the_threshold_itself_equal_the_measured_ones(string from, string dayText)
    {
        // Thresholds set from each point's own measured distance, give or take a hair: the cases a cell's bounds must not settle wrongly.
        var (source, day) = (from == "border" ? DistanceFrom.Border : DistanceFrom.FrontLine, DateOnly.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture));
        var random = new Random(day.DayNumber);
        var mismatches = new List<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var point = new GeoPoint(44 + (random.NextDouble() * 8.5), 22 + (random.NextDouble() * 19));
            var d = Exact.DistanceKm(point, source, day)!.Value;
            foreach (var radius in Radii)
            {
                foreach (var offset in new[] { -1.0, -0.01, -1e-9, 0, 1e-9, 0.01, 1.0 })
                {
                    Compare(point, source, day, Math.Max(0.001, d - radius + offset), radius, mismatches);
                    Compare(point, source, day, Math.Max(0.001, d + radius + offset), radius, mismatches);
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
    }

    [Theory]
    [InlineData("2025-03-18")]
    [InlineData("2024-08-01")]
    public void Occupation_from_the_grid_equals_the_measured_one(string dayText)
    {
        var day = DateOnly.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(day.DayNumber);
        var mismatches = new List<string>();
        for (var i = 0; i < 30_000; i++)
        {
            var point = new GeoPoint(43.5 + (random.NextDouble() * 9.5), 21.5 + (random.NextDouble() * 21));
            if (Exact.Occupied(point, day) is var exact && Prepared.Occupied(point, day) is var fast && exact != fast)
            {
                mismatches.Add($"{point}: measured {exact}, grid {fast}");
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void Sea_membership_from_the_grid_equals_the_measured_one()
    {
        string[][] zones = [[Seas.BlackSea], [Seas.SeaOfAzov], [Seas.BlackSea, Seas.SeaOfAzov]];
        var random = new Random(25);
        var mismatches = new List<string>();
        for (var i = 0; i < 8_000; i++)
        {
            // Around the two seas, where coasts are.
            var point = new GeoPoint(40.5 + (random.NextDouble() * 7.5), 27 + (random.NextDouble() * 15));
            foreach (var zone in zones)
            {
                foreach (var radius in Radii)
                {
                    if (Exact.InSea(point, radius, zone) is var exact && Prepared.InSea(point, radius, zone) is var fast && exact != fast)
                    {
                        mismatches.Add($"{point} in {string.Join("+", zone)} ±{radius} km: measured {exact}, grid {fast}");
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void Most_questions_are_settled_by_the_grid_without_measuring()
    {
        var day = new DateOnly(2025, 3, 18);
        var line = Prepared.Line(DistanceFrom.FrontLine, day)!;
        line.Prepare();
        var random = new Random(3);
        var before = line.Measured;
        for (var i = 0; i < 10_000; i++)
        {
            var point = new GeoPoint(45.5 + (random.NextDouble() * 6), 23.5 + (random.NextDouble() * 16));
            line.Beyond(point, 30, 11);
        }

        (line.Measured - before).ShouldBeLessThan(1_000, "at most a tenth of random points should need measuring for beyond 30 km ± 11 km");
    }

    private static void Compare(GeoPoint point, DistanceFrom source, DateOnly day, double km, double radius, List<string> mismatches)
    {
        var d = Exact.DistanceKm(point, source, day)!.Value;
        var exact = d - radius > km ? Tri.True : d + radius <= km ? Tri.False : Tri.Unknown;
        var fast = Prepared.Beyond(point, source, day, km, radius);
        if (exact != fast)
        {
            mismatches.Add($"{point} beyond {km} km ±{radius} of the {source} on {day}: measured {exact} ({Exact.DistanceKm(point, source, day)} km), grid {fast}");
        }
    }
}
