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
    // Moscow as Kyiv: the bare name is the city, with a qualifier it is the oblast around it
    [InlineData("Moscow", "RU-MOW")]
    [InlineData("Moskva", "RU-MOW")]
    [InlineData("Москва", "RU-MOW")]
    [InlineData("Москвы", "RU-MOW")]
    [InlineData("Москвой", "RU-MOW")]
    [InlineData("Moscow oblast", "RU-MOS")]
    [InlineData("Moscow Oblast", "RU-MOS")]
    [InlineData("Moskovskaya oblast", "RU-MOS")]
    [InlineData("Московская область", "RU-MOS")]
    [InlineData("Московской области", "RU-MOS")]
    [InlineData("Московской областью", "RU-MOS")]
    [InlineData("Московська область", "RU-MOS")]
    [InlineData("Московської області", "RU-MOS")]
    [InlineData("Подмосковье", "RU-MOS")]
    [InlineData("Oryol", "RU-ORL")]
    [InlineData("Orel", "RU-ORL")]
    [InlineData("Oryol Oblast", "RU-ORL")]
    [InlineData("Орловская область", "RU-ORL")]
    [InlineData("Орловской", "RU-ORL")]
    [InlineData("Орловська область", "RU-ORL")]
    [InlineData("Ryazan", "RU-RYA")]
    [InlineData("Ryazan' Oblast", "RU-RYA")]
    [InlineData("Рязанской области", "RU-RYA")]
    [InlineData("Tula Oblast", "RU-TUL")]
    [InlineData("Тульской областью", "RU-TUL")]
    [InlineData("Kaluzhskaya", "RU-KLU")]
    [InlineData("Калужскую область", "RU-KLU")]
    [InlineData("Nizhny Novgorod", "RU-NIZ")]
    [InlineData("Nizhegorod", "RU-NIZ")]
    [InlineData("Нижегородской области", "RU-NIZ")]
    [InlineData("Нижньогородська область", "RU-NIZ")]
    [InlineData("Novgorod", "RU-NGR")]
    [InlineData("Новгородской области", "RU-NGR")]
    [InlineData("Leningrad Oblast", "RU-LEN")]
    [InlineData("Ленинградской области", "RU-LEN")]
    [InlineData("Saint Petersburg", "RU-SPE")]
    [InlineData("Санкт-Петербург", "RU-SPE")]
    [InlineData("Stavropol Krai", "RU-STA")]
    [InlineData("Stavropolskiy krai", "RU-STA")]
    [InlineData("Ставропольского края", "RU-STA")]
    [InlineData("Ставропольському краї", "RU-STA")]
    [InlineData("Tatarstan", "RU-TA")]
    [InlineData("Republic of Tatarstan", "RU-TA")]
    [InlineData("Республика Татарстан", "RU-TA")]
    [InlineData("Республики Татарстан", "RU-TA")]
    [InlineData("Татарстана", "RU-TA")]
    [InlineData("Bashkortostan", "RU-BA")]
    [InlineData("Respublika Bashkortostan", "RU-BA")]
    [InlineData("Республики Башкортостан", "RU-BA")]
    [InlineData("Адыгеи", "RU-AD")]
    [InlineData("Adygea Republic", "RU-AD")]
    [InlineData("Chechnya", "RU-CE")]
    [InlineData("Чеченской Республики", "RU-CE")]
    [InlineData("North Ossetia–Alania Republic", "RU-SE")]
    [InlineData("Чувашия", "RU-CU")]
    [InlineData("Tyumen oblast", "RU-TYU")]
    [InlineData("Belogorod Oblast", "RU-BEL")]
    [InlineData("Белгородской области", "RU-BEL")]
    [InlineData("Курской", "RU-KRS")]
    public void A_Russian_region_resolves_in_every_spelling_and_case(string name, string code) =>
        Oblasts.Resolve(name).ShouldNotBeNull(name).Code.ShouldBe(code);

    [Theory]
    // "Московский регион" is the city and the oblast together: no one subject, so it is not guessed
    [InlineData("Московский регион")]
    [InlineData("Хатлонская область")]
    [InlineData("Minsk")]
    public void A_name_no_Russian_subject_holds_resolves_to_nothing(string name) => Oblasts.Resolve(name).ShouldBeNull();

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
    public void The_bundled_gazetteer_has_27_Ukrainian_regions_and_the_Russian_ones_the_data_names()
    {
        Oblasts.Regions.Count(r => r.Country == "UA").ShouldBe(27);
        var russian = Oblasts.Regions.Where(r => r.Country == "RU").Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        // The six on the border, and every subject named in at least ten of the MoD's air-defence posts (make-russia.py's count).
        string[] expected = [
            "RU-BEL", "RU-BRY", "RU-KDA", "RU-KRS", "RU-ROS", "RU-VOR",
            "RU-KLU", "RU-ORL", "RU-TUL", "RU-SMO", "RU-VGG", "RU-RYA", "RU-SAR", "RU-MOW", "RU-LIP", "RU-MOS", "RU-LEN", "RU-AST", "RU-TVE",
            "RU-SAM", "RU-NGR", "RU-NIZ", "RU-TAM", "RU-TA", "RU-YAR", "RU-STA", "RU-VLA", "RU-PSK", "RU-AD",
        ];
        expected.ShouldBeSubsetOf(russian);
        russian.ShouldNotContain("RU-SEV");
        russian.ShouldNotContain("RU-CR");
        russian.Count.ShouldBe(Oblasts.Regions.Count - 27);
    }

    [Fact]
    public void Every_region_code_is_ISO_3166_2_of_its_country()
    {
        foreach (var region in Oblasts.Regions)
        {
            region.Code.ShouldStartWith(region.Country + "-");
            region.Code.Length.ShouldBeInRange(4, 6, region.Code);
        }
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
    public void Every_label_point_lies_in_the_region_around_its_country()
    {
        foreach (var region in Oblasts.Regions.Where(r => r.Country == "UA"))
        {
            region.Centroid.Lat.ShouldBeInRange(44.0, 53.0, region.Code);
            region.Centroid.Lon.ShouldBeInRange(22.0, 41.0, region.Code);
        }

        foreach (var region in Oblasts.Regions.Where(r => r.Country == "RU"))
        {
            region.Centroid.Lat.ShouldBeInRange(41.0, 82.0, region.Code);
            region.Centroid.Lon.ShouldBeInRange(19.0, 180.0, region.Code);
        }
    }

    [Fact]
    public void A_name_claimed_by_two_oblasts_is_refused() =>
        Should.Throw<FormatException>(() => OblastGazetteer.Parse(
            "code,country,kind,name_en,name_uk,name_ru,lat,lon,aliases\nUA-01,UA,oblast,A,А,А,50,30,Same\nUA-02,UA,oblast,B,Б,Б,50,30,Same\n",
            "name_en,region,name_uk,name_ru,aliases\n"));
}
