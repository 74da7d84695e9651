using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Agreements;

/// <summary>
/// A set of conditions on an incident's facts, all of which must hold. A <c>null</c> list means "any"; each list means "one of these"
/// (taxonomy paths by prefix); <see cref="Where"/> adds conditions on the place.
/// </summary>
public sealed record Criteria(
    IReadOnlyList<StrikeDomain>? Domains,
    IReadOnlyList<TaxonomyPath>? Means,
    IReadOnlyList<TaxonomyPath>? Targets)
{
    public static readonly Criteria Any = new(null, null, null);

    /// <summary>Where the incident must be (terms key <c>where</c>), or <c>null</c> for anywhere.</summary>
    public PlaceRule? Where { get; init; }

    public bool IsAny => Domains is null && Means is null && Targets is null && Where is null;
}
