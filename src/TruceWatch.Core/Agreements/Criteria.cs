using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Agreements;

/// <summary>
/// A set of conditions on an incident's facts, all of which must hold. A <c>null</c> list means "any"; each list means "one of these"
/// (taxonomy paths by prefix).
/// </summary>
public sealed record Criteria(
    IReadOnlyList<StrikeDomain>? Domains,
    IReadOnlyList<TaxonomyPath>? Means,
    IReadOnlyList<TaxonomyPath>? Targets)
{
    public static readonly Criteria Any = new(null, null, null);

    public bool IsAny => Domains is null && Means is null && Targets is null;
}
