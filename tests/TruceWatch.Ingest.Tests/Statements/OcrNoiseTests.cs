using Shouldly;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class OcrNoiseTests
{
    private static readonly WeaponPhrases Weapons = new(WeaponCatalog.Bundled);

    [Theory]
    [InlineData("ЗНИЩEНО:", "ЗНИЩЕНО:")]            // Latin E inside a Cyrillic word
    [InlineData("3НИЩЕНО", "ЗНИЩЕНО")]              // digit 3 for the letter З
    [InlineData("Су-30 СМ", "Су-30 СМ")]            // a 3 among other digits stays a digit
    [InlineData("Shahed-136/131", "Shahed-136/131")] // all-Latin words stay Latin
    [InlineData("**уничтожены 33** БПЛА", "уничтожены 33 БПЛА")]
    [InlineData("оперативно-\nтактичного", "оперативно-тактичного")]
    [InlineData("«Калібр» – 5", "\"Калібр\" - 5")]
    public void Noise_is_cleaned_before_reading(string text, string expected) =>
        StatementText.Clean(text).ShouldBe(expected);

    [Theory]
    [InlineData("1 керовану авіаційну ракету Х-59", "Kh-59")]       // Cyrillic Ха
    [InlineData("1 керовану авіаційну ракету X-59", "Kh-59")]       // Latin X
    [InlineData("2 КАР Х 59", "Kh-59")]                              // broken hyphen
    [InlineData("2 ударних БПЛА \"Shahed-136/13\"", "Shahed-136")]  // a cut-off name
    [InlineData("4 ударі БПЛА \"Shahed-136/131\"", "Shahed-136")]   // a misread word around it
    [InlineData("27 ударних БПЛА \"Шахед-136/131\"", "Shahed-136")]
    [InlineData("34 КР Х-101/X555, \"Калібр\"", "Kh-101 and Kalibr")]
    [InlineData("15 крилатих ракет Х-101/555", "Kh-101")]
    [InlineData("6 крилатих ракет Х-101/Х-555/Х-55", "Kh-101 and Kh-55")]
    [InlineData("11 ракет \"Іскандер-М\", \"Іскандер-К\"", "Iskander-M and Iskander-K")]
    [InlineData("1 аеробалістична ракета Х-47 \"Кинджал\"", "Kh-47M2 Kinzhal")]
    [InlineData("3 БПЛА \"Орлан-10\", \"Орлан-30\", \"Зала\"", "Orlan-10 and Orlan-30 and ZALA")]
    [InlineData("1 БПЛА (ОТР)", "Reconnaissance UAV")]
    [InlineData("2 крилаті ракети (тип уточнюється)", "Cruise Missile")]
    [InlineData("10 балістичних ракет (тип уточнюється)", "Ballistic Missile")]
    [InlineData("БПЛА (н/в типу)", "Unknown UAV")]
    [InlineData("28 attack UAVs Shahed-136/131", "Shahed-136")]
    [InlineData("1 guided air missile Kh-59", "Kh-59")]
    [InlineData("99 украинских беспилотных летательных аппаратов самолетного типа", "Fixed-wing UAV")]
    [InlineData("реактивной системы залпового огня RM-70 \"Вампир\"", "RM-70 Vampire")]
    public void Weapon_names_resolve_through_the_catalog_in_any_spelling(string text, string weapon) =>
        Weapons.Find(text, out _).ShouldBe(weapon);

    [Theory]
    [InlineData("штурмовик Су-25")]
    [InlineData("винищувач-бомбардувальник Су-34")]
    [InlineData("вертоліт Ка-52")]
    [InlineData("a Su-35 fighter")]
    public void A_manned_aircraft_is_no_weapon(string text)
    {
        Weapons.Find(text, out var aircraft).ShouldBeNull();
        aircraft.ShouldBeTrue();
    }
}
