using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// A counterfactual: several sets of terms judged over the same incidents as if each had been in force for the replayed period,
/// side by side, counted per party and verdict.
/// </summary>
public sealed record ReplayDocument(string? From, string? To, int Incidents, IReadOnlyList<ReplayColumn> Agreements)
{
    /// <summary>
    /// Replays each agreement over <paramref name="incidents"/> with its window replaced by [<paramref name="from"/>, <paramref name="to"/>)
    /// (open where a bound is <c>null</c>), so terms that never took effect, or took effect at another time, can be compared on history.
    /// </summary>
    public static ReplayDocument Build(IReadOnlyList<Agreement> agreements, IReadOnlyList<Incident> incidents, DateTimeOffset? from, DateTimeOffset? to)
    {
        var tally = new ReplayTally(agreements, from, to);
        for (var i = 0; i < incidents.Count; i++)
        {
            tally.Add(incidents[i]);
        }

        return tally.ToDocument();
    }

    /// <summary>The same terms with their window replaced by the replayed period (no window when both bounds are open).</summary>
    public static Agreement AsIfInForce(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to) => agreement with
    {
        Window = from is null && to is null ? null : new AgreementWindow(from ?? DateTimeOffset.MinValue, to),
    };
}

/// <summary>One agreement's counts in a replay: per party, per verdict.</summary>
public sealed record ReplayColumn(AgreementRef Agreement, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary);
