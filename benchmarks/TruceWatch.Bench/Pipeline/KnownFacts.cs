using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Bench.Pipeline;

/// <summary>
/// The part of judgement SQL can express: reports whose every fact the terms read is fully known, so three-valued logic never yields
/// <c>unknown</c>. A report qualifies when it names a perpetrator, states its means as a leaf of the means taxonomy (not inferred from a
/// weapon), names at least one target and every target is a leaf other than <c>unknown</c>, and gives its start to the second with an
/// offset and no end (<c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>), so the event is an instant. The SQL side (<see cref="Sql.TermsSql"/>) applies the
/// same rule to the raw columns.
/// </summary>
public static class KnownFacts
{
    /// <summary>Means leaves: the means vocabulary (every entry of it is a leaf).</summary>
    public static IReadOnlyList<string> MeansLeaves { get; } = MeansClasses.Vocabulary.All;

    /// <summary>Target leaves other than <c>unknown</c>.</summary>
    public static IReadOnlyList<string> TargetLeaves { get; } = [.. Targets.Vocabulary.All.Where(t => t != Targets.Unknown.Value)];

    public static bool Holds(Report report) => Holds(ReportFacts.Of(report));

    public static bool Holds(in ReportFacts report)
    {
        if (report.Perpetrator is null || report.Means is null || report.MeansInferred || report.Domain is null || report.Targets.IsDefaultOrEmpty)
        {
            return false;
        }

        if (report.Time.Precision != TimePrecision.Second || report.Time.End is not null)
        {
            return false;
        }

        foreach (var target in report.Targets)
        {
            if (target == Targets.Unknown)
            {
                return false;
            }
        }

        return true;
    }
}
