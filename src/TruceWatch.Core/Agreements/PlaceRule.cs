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
/// front line or border, whether occupied territory counts, sea areas and corridors the terms draw. A <c>null</c> part means "anywhere" for that part.
/// </summary>
public sealed record PlaceRule(IReadOnlyList<string>? Countries, IReadOnlyList<string>? Admin1, DistanceRule? Beyond, OccupiedRule Occupied)
{
    /// <summary>Sea areas (<see cref="Geography.Seas"/> names): the place must lie in one of them. <c>null</c> for anywhere.</summary>
    public IReadOnlyList<string>? Seas { get; init; }

    /// <summary>Areas the terms draw (their <c>corridors</c>), referred to by name: the place must lie in one of them. <c>null</c> for anywhere.</summary>
    public IReadOnlyList<Corridor>? Corridors { get; init; }

    /// <summary>Whether answering it needs the map (distances, occupation, seas, corridors), not just the place names a report carries.</summary>
    public bool NeedsMap => Beyond is not null || Occupied != OccupiedRule.Include || Seas is not null || Corridors is not null;
}
