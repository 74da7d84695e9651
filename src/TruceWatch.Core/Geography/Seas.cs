namespace TruceWatch.Core.Geography;

/// <summary>
/// The sea areas the terms may name in <c>where: { sea: [...] }</c>, each drawn on the bundled map. The Kerch Strait belongs to the Sea of
/// Azov (the International Hydrographic Organization's limit runs from Cape Takil to Cape Panagia, at its southern mouth).
/// </summary>
public static class Seas
{
    public const string BlackSea = "black-sea";

    public const string SeaOfAzov = "sea-of-azov";

    /// <summary>Every sea name the terms language knows.</summary>
    public static IReadOnlyList<string> Names { get; } = [BlackSea, SeaOfAzov];

    /// <summary>Whether <paramref name="name"/> is a sea the map draws.</summary>
    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
