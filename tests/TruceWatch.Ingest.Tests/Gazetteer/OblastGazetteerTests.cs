using Shouldly;
using TruceWatch.Ingest.Gazetteer;
using Xunit;

namespace TruceWatch.Ingest.Tests.Gazetteer;

public sealed class OblastGazetteerTests
{
    private static readonly OblastGazetteer Oblasts = OblastGazetteer.Bundled;

    [Theory]
    // A bare "Kyiv" is the city; with a qualifier it is the oblast
    [InlineData("Kyiv", "UA-30")]
    [InlineData("Kiev", "UA-30")]
    [InlineData("Київ", "UA-30")]
    [InlineData("Киев", "UA-30")]
    [InlineData("Kyiv City", "UA-30")]
    [InlineData("Kyiv oblast", "UA-32")]
    [InlineData("Kiev Oblast", "UA-32")]
    [InlineData("Kyiv region", "UA-32")]
    [InlineData("Київська область", "UA-32")]
    [InlineData("Киевская область", "UA-32")]
    [InlineData("Київщина", "UA-32")]
    [InlineData("Kharkiv", "UA-63")]
    [InlineData("Kharkov", "UA-63")]
    [InlineData("Харків", "UA-63")]
    [InlineData("Харьков", "UA-63")]
    [InlineData("Kharkiv oblast", "UA-63")]
    [InlineData("Харківська область", "UA-63")]
    [InlineData("Харьковская обл.", "UA-63")]
    [InlineData("Zaporizhzhia oblast", "UA-23")]
    [InlineData("Zaporozhye", "UA-23")]
    [InlineData("Запорізька область", "UA-23")]
    [InlineData("Dnipropetrovsk oblast", "UA-12")]
    [InlineData("Dnipropetrovs'k", "UA-12")]
    [InlineData("Dnipro oblast", "UA-12")]
    [InlineData("Mykolaiv oblast", "UA-48")]
    [InlineData("Nikolaev", "UA-48")]
    [InlineData("Odesa", "UA-51")]
    [InlineData("Odessa Oblast", "UA-51")]
    [InlineData("  odesa   OBLAST ", "UA-51")]
    [InlineData("Одеська область", "UA-51")]
    [InlineData("Luhansk oblast", "UA-09")]
    [InlineData("Lugansk", "UA-09")]
    [InlineData("Khmelnytskyi oblast", "UA-68")]
    [InlineData("Khmelnitsky", "UA-68")]
    [InlineData("Хмельницька область", "UA-68")]
    [InlineData("Kirovohrad oblast", "UA-35")]
    [InlineData("Ivano-Frankivsk oblast", "UA-26")]
    [InlineData("Zakarpattia", "UA-21")]
    [InlineData("Transcarpathia", "UA-21")]
    [InlineData("L'viv", "UA-46")]
    [InlineData("Lvov", "UA-46")]
    [InlineData("Crimea", "UA-43")]
    [InlineData("Крим", "UA-43")]
    [InlineData("Autonomous Republic of Crimea", "UA-43")]
    [InlineData("Sevastopol", "UA-40")]
    [InlineData("Севастополь", "UA-40")]
    [InlineData("Kursk oblast", "RU-KRS")]
    [InlineData("Курская область", "RU-KRS")]
    [InlineData("Belgorod oblast", "RU-BEL")]
    [InlineData("Бєлгородська область", "RU-BEL")]
    [InlineData("Bryansk", "RU-BRY")]
    [InlineData("Voronezh oblast", "RU-VOR")]
    [InlineData("Rostov oblast", "RU-ROS")]
    [InlineData("Krasnodar Krai", "RU-KDA")]
    [InlineData("Краснодарский край", "RU-KDA")]
    public void Spelling_resolves_to_its_region(string name, string code) => Oblasts.Resolve(name).ShouldNotBeNull().Code.ShouldBe(code);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("oblast")]
    [InlineData("south")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Unknown_names_resolve_to_nothing(string? name) => Oblasts.Resolve(name).ShouldBeNull();

    [Theory]
    [InlineData("Kyiv", "Kyiv", "UA-30")]
    [InlineData("Kharkiv", "Kharkiv", "UA-63")]
    [InlineData("Odessa", "Odesa", "UA-51")]
    [InlineData("Dnipro", "Dnipro", "UA-12")]
    [InlineData("Kryvyi Rih", "Kryvyi Rih", "UA-12")]
    [InlineData("Кривий Ріг", "Kryvyi Rih", "UA-12")]
    [InlineData("Krivoy Rog", "Kryvyi Rih", "UA-12")]
    [InlineData("Zaporizhzhia", "Zaporizhzhia", "UA-23")]
    [InlineData("Lviv", "Lviv", "UA-46")]
    [InlineData("Mykolaiv", "Mykolaiv", "UA-48")]
    [InlineData("Sumy", "Sumy", "UA-59")]
    [InlineData("Poltava", "Poltava", "UA-53")]
    [InlineData("Kherson", "Kherson", "UA-65")]
    [InlineData("Starokostiantyniv", "Starokostiantyniv", "UA-68")]
    [InlineData("Kolomyia", "Kolomyia", "UA-26")]
    [InlineData("Kramatorsk", "Kramatorsk", "UA-14")]
    [InlineData("Ochakiv", "Ochakiv", "UA-48")]
    [InlineData("Snake Island", "Snake Island", "UA-51")]
    [InlineData("Кам'янське", "Kamianske", "UA-12")]
    [InlineData("Burshtyn", "Burshtyn", "UA-26")]
    public void City_resolves_to_its_region(string name, string city, string code)
    {
        var found = Oblasts.ResolveCity(name).ShouldNotBeNull();
        found.Name.ShouldBe(city);
        found.Region.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("Kharkiv oblast")]
    [InlineData("Odesa region")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void A_region_or_unknown_name_is_not_a_city(string name) => Oblasts.ResolveCity(name).ShouldBeNull();

    [Fact]
    public void Crimea_and_Sevastopol_are_Ukraine_whatever_Natural_Earth_says()
    {
        Oblasts.ByCode("UA-43").ShouldNotBeNull().Country.ShouldBe("UA");
        Oblasts.ByCode("UA-40").ShouldNotBeNull().Country.ShouldBe("UA");
    }

    [Fact]
    public void The_bundled_gazetteer_has_27_Ukrainian_and_6_Russian_regions()
    {
        Oblasts.Regions.Count(r => r.Country == "UA").ShouldBe(27);
        Oblasts.Regions.Where(r => r.Country == "RU").Select(r => r.Code).Order(StringComparer.Ordinal)
            .ShouldBe(["RU-BEL", "RU-BRY", "RU-KDA", "RU-KRS", "RU-ROS", "RU-VOR"]);
    }

    [Fact]
    public void A_region_carries_its_names_and_label_point()
    {
        var odesa = Oblasts.Resolve("Odesa oblast").ShouldNotBeNull();
        odesa.ShouldBe(odesa with { Code = "UA-51", Country = "UA", NameEn = "Odesa", NameUk = "Одеська область", NameRu = "Одесская область" });
        odesa.Centroid.Lat.ShouldBe(46.0315, 1e-9);
        odesa.Centroid.Lon.ShouldBe(29.7568, 1e-9);
    }

    [Fact]
    public void Every_label_point_lies_in_the_region_around_Ukraine()
    {
        foreach (var region in Oblasts.Regions)
        {
            region.Centroid.Lat.ShouldBeInRange(44.0, 54.0, region.Code);
            region.Centroid.Lon.ShouldBeInRange(22.0, 42.0, region.Code);
        }
    }

    [Fact]
    public void A_name_claimed_by_two_oblasts_is_refused() =>
        Should.Throw<FormatException>(() => OblastGazetteer.Parse(
            "code,country,kind,name_en,name_uk,name_ru,lat,lon,aliases\nUA-01,UA,oblast,A,А,А,50,30,Same\nUA-02,UA,oblast,B,Б,Б,50,30,Same\n",
            "name_en,region,name_uk,name_ru,aliases\n"));
}
