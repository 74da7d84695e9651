using nietras.SeparatedValues;
using Shouldly;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Tests.MissileAttacks;
using Xunit;

namespace TruceWatch.Ingest.Tests.Catalog;

public sealed class WeaponCatalogTests
{
    private static readonly WeaponCatalog Weapons = WeaponCatalog.Bundled;

    [Theory]
    // Long-range drones, in the spellings of the Air Force, Russian MoD and the press
    [InlineData("Shahed-136/131", "drone.long-range")]
    [InlineData("Shahed-136", "drone.long-range")]
    [InlineData("Geran-2", "drone.long-range")]
    [InlineData("Герань-2", "drone.long-range")]
    [InlineData("Шахед", "drone.long-range")]
    [InlineData("Geran-3", "drone.long-range")]
    // Cruise missiles; Х-101 is written with a Cyrillic Ха
    [InlineData("Kh-101", "missile.cruise")]
    [InlineData("X-101/X-555", "missile.cruise")]
    [InlineData("Х-101", "missile.cruise")]
    [InlineData("Х-101/Х-555", "missile.cruise")]
    [InlineData("Kh-555", "missile.cruise")]
    [InlineData("Kalibr", "missile.cruise")]
    [InlineData("Калібр", "missile.cruise")]
    [InlineData("Iskander-K", "missile.cruise")]
    [InlineData("X-59", "missile.cruise")]
    [InlineData("X-59/X-69", "missile.cruise")]
    [InlineData("Kh-69", "missile.cruise")]
    [InlineData("X-59MK2", "missile.cruise")]
    [InlineData("Banderol", "missile.cruise")]
    // Ballistic, aeroballistic, hypersonic
    [InlineData("Iskander-M", "missile.ballistic")]
    [InlineData("Іскандер-М", "missile.ballistic")]
    [InlineData("KN-23", "missile.ballistic")]
    [InlineData("Iskander-M/KN-23", "missile.ballistic")]
    [InlineData("Ballistic Missile", "missile.ballistic")]
    [InlineData("Intercontinental Ballistic Missile", "missile.ballistic")]
    [InlineData("X-47 Kinzhal", "missile.aeroballistic")]
    [InlineData("Kh-47M2 Kinzhal", "missile.aeroballistic")]
    [InlineData("Кинджал", "missile.aeroballistic")]
    [InlineData("3M22 Zircon", "missile.hypersonic")]
    [InlineData("Циркон", "missile.hypersonic")]
    // Anti-ship, guided, air-defence
    [InlineData("X-22", "missile.anti-ship")]
    [InlineData("Kh-32", "missile.anti-ship")]
    [InlineData("X-35", "missile.anti-ship")]
    [InlineData("P-800 Oniks", "missile.anti-ship")]
    [InlineData("X-31P", "missile.guided")]
    [InlineData("X-31PD", "missile.guided")]
    [InlineData("X-31", "missile.guided")]
    [InlineData("C-300", "missile.air-defence")]
    [InlineData("С-300", "missile.air-defence")]
    [InlineData("S-300", "missile.air-defence")]
    [InlineData("C-300/C-400", "missile.air-defence")]
    [InlineData("C-400", "missile.air-defence")]
    // Reconnaissance drones
    [InlineData("Orlan-10", "drone.reconnaissance")]
    [InlineData("Orlan-30", "drone.reconnaissance")]
    [InlineData("ZALA", "drone.reconnaissance")]
    [InlineData("Supercam", "drone.reconnaissance")]
    [InlineData("Merlin-VR", "drone.reconnaissance")]
    [InlineData("Eleron", "drone.reconnaissance")]
    [InlineData("Forpost", "drone.reconnaissance")]
    [InlineData("Granat-4", "drone.reconnaissance")]
    [InlineData("Reconnaissance UAV", "drone.reconnaissance")]
    [InlineData("Картограф", "drone.reconnaissance")]
    [InlineData("Фенікс", "drone.reconnaissance")]
    // Loitering munitions
    [InlineData("Lancet", "drone.loitering")]
    [InlineData("KUB", "drone.loitering")]
    [InlineData("Kub", "drone.loitering")]
    [InlineData("Молнія", "drone.loitering")]
    [InlineData("Молния", "drone.loitering")]
    [InlineData("Привет-82", "drone.loitering")]
    // Only the root is known
    [InlineData("Unknown UAV", "drone")]
    [InlineData("Unknown Missile", "missile")]
    [InlineData("Aerial Bomb", "bomb")]
    [InlineData("GBU", "bomb.guided")]
    [InlineData("KAB", "bomb.guided")]
    [InlineData("КАБ", "bomb.guided")]
    public void Alias_maps_to_its_means_class(string name, string means) =>
        Weapons.InferMeans(name).ShouldNotBeNull().Value.ShouldBe(means);

    [Theory]
    [InlineData("Kh-101/Kh-555 and Kalibr", "missile.cruise")]
    [InlineData("X-101/X-555 and Kalibr and Iskander-K and X-59", "missile.cruise")]
    [InlineData("Orlan-10 and Orlan-30 and ZALA and Supercam", "drone.reconnaissance")]
    [InlineData("Молнія and Lancet", "drone.loitering")]
    [InlineData("Shahed-136/131 and Lancet", "drone")]
    [InlineData("C-300 and Iskander-M", "missile")]
    [InlineData("X-47 Kinzhal and Iskander-M/KN-23", "missile")]
    [InlineData("Х-101 та Калібр", "missile.cruise")]
    public void Several_weapons_map_to_their_narrowest_common_class(string text, string means) =>
        Weapons.InferMeans(text).ShouldNotBeNull().Value.ShouldBe(means);

    [Theory]
    [InlineData("Iskander-M and Shahed-136")]
    [InlineData("Kalibr and Atlantis-9")]
    [InlineData("Atlantis-9")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_or_unrelated_weapons_have_no_means(string? text) => Weapons.InferMeans(text).ShouldBeNull();

    [Theory]
    [InlineData("Х-101", "Kh-101")]
    [InlineData("x 101", "Kh-101")]
    [InlineData("С-300", "S-300")]
    [InlineData("Shahed-136/131", "Shahed-136")]
    [InlineData("Молнія", "Molniya")]
    public void Find_names_the_canonical_model(string alias, string name) => Weapons.Find(alias).ShouldNotBeNull().Name.ShouldBe(name);

    [Fact]
    public void Every_model_in_the_real_daily_file_resolves() =>
        Unresolved(RealDataSet.DailyPath).ShouldBeEmpty();

    [Fact]
    public void Every_model_in_the_real_reference_table_resolves() =>
        Unresolved(RealDataSet.ReferencePath).ShouldBeEmpty();

    [Fact]
    public void The_real_daily_file_has_71_distinct_models() => Models(RealDataSet.DailyPath).Count.ShouldBe(71);

    [Fact]
    public void An_alias_naming_two_models_is_refused() =>
        Should.Throw<InvalidOperationException>(() => WeaponCatalog.Parse("name,means,aliases\nA,missile.cruise,Z-1\nB,missile.ballistic,Z-1\n"));

    [Fact]
    public void A_means_class_outside_the_vocabulary_is_refused() =>
        Should.Throw<FormatException>(() => WeaponCatalog.Parse("name,means,aliases\nA,missile.laser,\n"));

    private static List<string> Unresolved(string path) => [.. Models(path).Where(m => Weapons.InferMeans(m) is null)];

    private static HashSet<string> Models(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var models = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            models.Add(row["model"].ToString());
        }

        return models;
    }
}
