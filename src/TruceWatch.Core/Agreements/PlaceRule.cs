using TruceWatch.Core.Geography;

namespace TruceWatch.Core.Agreements;

/// <summary>Whether occupied territory counts: as any other place, not at all, or alone.</summary>
public enum OccupiedRule
{
    Include,
    Exclude,
    Only,
}

/// <summary>"Long-range" as a distance: farther than <see cref="Km"/> from the front line or from the state border.</summary>
public sealed record DistanceRule(DistanceFrom From, double Km)
{
    public override string ToString() => $"beyond {Km:0.#} km of the {(From == DistanceFrom.Border ? "state border" : "front line")}";
}

/// <summary>
/// Where a condition applies (terms key <c>where</c>): countries and first-level regions (ISO 3166-2 codes), a minimum distance from the
/// front line or border, and whether occupied territory counts. A <c>null</c> part means "anywhere" for that part.
/// </summary>
public sealed record PlaceRule(IReadOnlyList<string>? Countries, IReadOnlyList<string>? Admin1, DistanceRule? Beyond, OccupiedRule Occupied)
{
    /// <summary>Whether answering it needs the map (distances, occupation), not just the place names a report carries.</summary>
    public bool NeedsMap => Beyond is not null || Occupied != OccupiedRule.Include;
}
