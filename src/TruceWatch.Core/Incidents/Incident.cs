using System.Collections.Immutable;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Incidents;

/// <summary>An incident's id, unique within one store or one run.</summary>
public readonly record struct IncidentId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One event as judged: the reports that describe it and the facts merged from them.
/// Until grouping exists every incident has exactly one report.
/// </summary>
public sealed record Incident
{
    public required IncidentId Id { get; init; }

    public required ImmutableArray<Report> Reports { get; init; }

    public PartyCode? Perpetrator { get; init; }

    public ReportedTime Time { get; init; }

    public StrikeDomain? Domain { get; init; }

    public TaxonomyPath? Means { get; init; }

    public string? Weapon { get; init; }

    public ImmutableArray<TaxonomyPath> Targets { get; init; } = [];

    public Place Place { get; init; } = Place.Unknown;

    public StrikeCounts Counts { get; init; }

    /// <summary>An incident made of a single report, carrying its facts unchanged.</summary>
    public static Incident FromReport(IncidentId id, Report report) => new()
    {
        Id = id,
        Reports = [report],
        Perpetrator = report.Perpetrator,
        Time = report.Time,
        Domain = report.Domain,
        Means = report.Means,
        Weapon = report.Weapon,
        Targets = report.Targets,
        Place = report.Place,
        Counts = report.Counts,
    };
}
