using Shouldly;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Ingest.Geography;
using Xunit;

namespace TruceWatch.Ingest.Tests.Gazetteer;

public sealed class RaionGazetteerTests
{
    private static readonly RaionGazetteer Raions = RaionGazetteer.Bundled;

    [Theory]
    // The adjective in three languages, with or without the word for raion
    [InlineData("Kryvorizkyi", "UA1206")]
    [InlineData("Kryvorizkyi raion", "UA1206")]
    [InlineData("Криворізький район", "UA1206")]
    [InlineData("Криворожский район", "UA1206")]
    [InlineData("Криворізький", "UA1206")]
    // The town it is named after, as sources write it: only with the word for raion
    [InlineData("Kryvyi Rih Raion", "UA1206")]
    [InlineData("Kryvyi Rih district", "UA1206")]
    [InlineData("Dnipro Raion", "UA1202")]
    [InlineData("Synelnykove Raion", "UA1214")]
    [InlineData("Kharkiv raion", "UA6312")]
    [InlineData("Sumy Raion", "UA5908")]
    [InlineData("Kupiansk raion", "UA6308")]
    [InlineData("Nikopolskyi", "UA1208")]
    [InlineData("Шосткинський район", "UA5910")]
    // Renamed in 2024: both names are in use
    [InlineData("Samarivskyi raion", "UA1210")]
    [InlineData("Novomoskovsk Raion", "UA1210")]
    public void A_raion_resolves_from_the_names_sources_use(string name, string code) =>
        Raions.Resolve(name).ShouldNotBeNull(name).Code.ShouldBe(code);

    [Theory]
    [InlineData("Kryvyi Rih")]
    [InlineData("Kharkiv")]
    [InlineData("Atlantis raion")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_town_alone_or_an_unknown_name_is_no_raion(string name) => Raions.Resolve(name).ShouldBeNull();

    [Fact]
    public void A_name_the_source_gives_two_raions_resolves_to_neither_but_their_other_names_still_do()
    {
        // OCHA's Russian names give Khmilnytskyi (Vinnytsia) the Russian name of Khmelnytskyi raion.
        Raions.Resolve("Хмельницкий район").ShouldBeNull();
        Raions.Resolve("Хмільницький район").ShouldNotBeNull().Code.ShouldBe("UA0512");
        Raions.Resolve("Хмельницький район").ShouldNotBeNull().Code.ShouldBe("UA6804");
    }

    [Fact]
    public void A_raion_asked_for_within_another_oblast_is_not_found()
    {
        var kharkiv = OblastGazetteer.Bundled.ByCode("UA-63")!;
        Raions.Resolve("Kryvyi Rih Raion", within: kharkiv).ShouldBeNull();
        Raions.Resolve("Kupiansk raion", within: kharkiv).ShouldNotBeNull().Oblast.NameEn.ShouldStartWith("Kharkiv");
    }

    [Fact]
    public void Every_oblast_has_its_raions_and_every_raion_but_the_exclusion_zone_its_centre()
    {
        Raions.Raions.Count.ShouldBe(137);
        Raions.Raions.Select(r => r.Oblast.Code).Distinct().Count().ShouldBe(25);
        Raions.Raions.Where(r => r.Centre is null).Select(r => r.NameEn).ShouldBe(["Chornobyl Exclusion Zone"]);
    }

    [Fact]
    public void Every_raion_centroid_lies_in_its_oblast_on_the_bundled_map()
    {
        // Checks the P-code to ISO 3166-2 mapping (UA01 is Crimea, UA-43; UA44 Luhansk, UA-09; UA73 Chernivtsi, UA-77) against geometry.
        var map = MapGeography.Bundled;
        var misplaced = Raions.Raions
            .Select(r => (r.NameEn, r.Oblast.Code, At: map.RegionAt(r.Centroid)))
            .Where(r => r.At != r.Code)
            .ToList();
        misplaced.ShouldBeEmpty();
    }
}
