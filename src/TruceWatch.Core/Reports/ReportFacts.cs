using System.Collections.Immutable;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Reports;

/// <summary>
/// The facts of a report that judgement and counting read, without its identity, payload or description: what a judge-only reader
/// produces per row, as a value, so a file can be judged without a <see cref="Report"/> per row.
/// </summary>
public readonly record struct ReportFacts
{
    public PartyCode? Perpetrator { get; init; }

    public ReportedTime Time { get; init; }

    public StrikeDomain? Domain { get; init; }

    public TaxonomyPath? Means { get; init; }

    /// <summary>Whether <see cref="Means"/> was inferred from the weapon rather than stated by the source.</summary>
    public bool MeansInferred { get; init; }

    public string? Weapon { get; init; }

    public StrikeCounts Counts { get; init; }

    public Place Place { get; init; }

    public ImmutableArray<TaxonomyPath> Targets { get; init; }

    public Harm Harm { get; init; }

    /// <summary>The facts of <paramref name="report"/>.</summary>
    public static ReportFacts Of(Report report) => new()
    {
        Perpetrator = report.Perpetrator,
        Time = report.Time,
        Domain = report.Domain,
        Means = report.Means,
        MeansInferred = report.MeansInferred,
        Weapon = report.Weapon,
        Counts = report.Counts,
        Place = report.Place,
        Targets = report.Targets,
        Harm = report.Harm,
    };

    /// <summary>A report carrying these facts under <paramref name="key"/> (no description): for the rare caller that needs one.</summary>
    public Report ToReport(ReportKey key) => new()
    {
        Key = key,
        Perpetrator = Perpetrator,
        Time = Time,
        Domain = Domain,
        Means = Means,
        MeansInferred = MeansInferred,
        Weapon = Weapon,
        Counts = Counts,
        Place = Place ?? Place.Unknown,
        Targets = Targets.IsDefault ? [] : Targets,
        Harm = Harm,
    };
}
