using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Geography;

/// <summary>
/// A named area the terms draw themselves (terms key <c>corridors</c>): a shipping corridor, a demilitarised strip. <see cref="Ring"/> is
/// its outline, in order, not repeating the first point at the end; an empty ring stands for a name the file never defined, about which
/// the map can say nothing (every answer unknown).
/// </summary>
public sealed record Corridor(string Name, IReadOnlyList<GeoPoint> Ring)
{
    /// <summary>Whether the outline is known (at least a triangle).</summary>
    public bool IsDefined => Ring.Count >= 3;

    public override string ToString() => Name;
}
