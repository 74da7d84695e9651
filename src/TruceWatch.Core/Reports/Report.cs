using System.Collections.Immutable;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Reports;

/// <summary>One raw claim from one source, with every field of the canonical report; an absent value means "not reported".</summary>
public sealed record Report
{
    public required ReportKey Key { get; init; }

    public DateTimeOffset? ReportedAt { get; init; }

    public ReportedTime Time { get; init; }

    public PartyCode? Perpetrator { get; init; }

    public StrikeDomain? Domain { get; init; }

    public TaxonomyPath? Means { get; init; }

    /// <summary>Whether <see cref="Means"/> was inferred from <see cref="Weapon"/> rather than stated by the source.</summary>
    public bool MeansInferred { get; init; }

    public string? Weapon { get; init; }

    public StrikeCounts Counts { get; init; }

    public Place Place { get; init; } = Place.Unknown;

    /// <summary>Target categories the source named; empty when it named none.</summary>
    public ImmutableArray<TaxonomyPath> Targets { get; init; } = [];

    public Harm Harm { get; init; }

    public string? Description { get; init; }
}
