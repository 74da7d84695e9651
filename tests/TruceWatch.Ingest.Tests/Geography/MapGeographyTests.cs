using Shouldly;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Geography;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>The bundled map on real places: which region a point is in, whether it was occupied on a day, how far it was from the front.</summary>
public sealed class MapGeographyTests
{
    private static readonly MapGeography Map = MapGeography.Load(Repo.Data("front-line-deepstate"));
    private static readonly DateOnly Truce = new(2025, 3, 18);

    [Theory]
    [InlineData(49.9935, 36.2304, "UA-63")] // Kharkiv
    [InlineData(48.0159, 37.8028, "UA-14")] // Donetsk
    [InlineData(49.8397, 24.0297, "UA-46")] // Lviv
    [InlineData(50.4501, 30.5234, "UA-30")] // Kyiv city
    [InlineData(44.55, 33.65, "UA-40")] // Sevastopol city municipality, inland of the bay
    [InlineData(45.0355, 38.9753, "RU-KDA")] // Krasnodar
    [InlineData(50.5997, 36.5983, "RU-BEL")] // Belgorod
    [InlineData(55.7558, 37.6173, "RU-MOW")] // Moscow, the Kremlin
    [InlineData(55.5600, 38.1200, "RU-MOS")] // Moscow oblast, Zhukovsky airfield
    [InlineData(54.6237, 39.7377, "RU-RYA")] // Ryazan refinery
    [InlineData(53.1585, 48.4681, "RU-SAM")] // Syzran
    [InlineData(59.4471, 32.0205, "RU-LEN")] // Kirishi refinery
    [InlineData(55.6366, 51.8245, "RU-TA")] // Nizhnekamsk
    [InlineData(54.1667, 33.2333, "RU-SMO")] // Smolensk nuclear power plant, as the energy compilation places it
    public void A_point_is_in_the_region_that_contains_it(double lat, double lon, string region) =>
        Map.RegionAt(new GeoPoint(lat, lon)).ShouldBe(region);

    [Fact]
    public void A_point_at_sea_or_far_away_is_in_no_region()
    {
        Map.RegionAt(new GeoPoint(43.5, 33.0)).ShouldBeNull();
        Map.RegionAt(new GeoPoint(52.52, 13.40)).ShouldBeNull("Berlin is in no region of the map");
    }

    [Fact]
    public void Every_gazetteer_region_label_point_lies_in_that_regions_polygon()
    {
        var misplaced = TruceWatch.Ingest.Gazetteer.OblastGazetteer.Bundled.Regions
            .Select(r => (r.Code, At: Map.RegionAt(r.Centroid)))
            .Where(r => r.At != r.Code)
            .ToList();
        misplaced.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(48.0159, 37.8028, Tri.True)] // Donetsk, occupied since 2014
    [InlineData(44.6166, 33.5254, Tri.True)] // Sevastopol
    [InlineData(49.9935, 36.2304, Tri.False)] // Kharkiv
    [InlineData(47.8388, 35.1396, Tri.False)] // Zaporizhzhia city
    [InlineData(47.0971, 37.5434, Tri.True)] // Mariupol
    public void Occupation_on_the_day_of_the_moratorium_follows_the_snapshot(double lat, double lon, Tri occupied) =>
        Map.Occupied(new GeoPoint(lat, lon), Truce).ShouldBe(occupied);

    [Fact]
    public void Before_the_first_snapshot_occupation_and_front_distance_are_unknown()
    {
        var day = Map.FrontLineDays[0].AddDays(-1);

        Map.Occupied(new GeoPoint(48.0159, 37.8028), day).ShouldBe(Tri.Unknown);
        Map.DistanceKm(new GeoPoint(48.0159, 37.8028), DistanceFrom.FrontLine, day).ShouldBeNull();
        Map.DistanceKm(new GeoPoint(48.0159, 37.8028), DistanceFrom.Border, day).ShouldNotBeNull("the border does not depend on the day");
    }

    [Fact]
    public void Pokrovsk_was_on_the_front_in_2025_while_Lviv_is_hundreds_of_kilometres_from_it()
    {
        var pokrovsk = Map.DistanceKm(new GeoPoint(48.2820, 37.1758), DistanceFrom.FrontLine, Truce);
        var kharkiv = Map.DistanceKm(new GeoPoint(49.9935, 36.2304), DistanceFrom.FrontLine, Truce);
        var lviv = Map.DistanceKm(new GeoPoint(49.8397, 24.0297), DistanceFrom.FrontLine, Truce);

        pokrovsk!.Value.ShouldBeLessThan(15);
        kharkiv!.Value.ShouldBeInRange(15, 60);
        lviv!.Value.ShouldBeInRange(600, 750, "the nearest occupied shore is the Kinburn spit, about 660 km away");
    }

    [Fact]
    public void Distances_from_the_state_border_match_the_map()
    {
        Map.DistanceKm(new GeoPoint(50.5997, 36.5983), DistanceFrom.Border, Truce)!.Value.ShouldBeInRange(20, 45, "Belgorod lies about 35 km from the border");
        Map.DistanceKm(new GeoPoint(49.9935, 36.2304), DistanceFrom.Border, Truce)!.Value.ShouldBeInRange(20, 45, "Kharkiv lies about 30 km from it");
        Map.DistanceKm(new GeoPoint(49.8397, 24.0297), DistanceFrom.Border, Truce)!.Value.ShouldBeInRange(550, 700, "the nearest Russian border, north of Chernihiv oblast, is about 600 km away");
    }
}
