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
    public static ReplayDocument Build(IReadOnlyList<Agreement> agreements, IReadOnlyList<Incident> incidents, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map = null)
    {
        var columns = new List<ReplayColumn>(agreements.Count);
        foreach (var agreement in agreements)
        {
            var replayed = AsIfInForce(agreement, from, to);
            var tally = new VerdictTally(agreement.Parties);
            var verdicts = new Verdict[incidents.Count];
            for (var i = 0; i < incidents.Count; i++)
            {
                verdicts[i] = Judge.Decide(incidents[i], replayed, map);
            }

            var suspensions = Reciprocal.Suspensions(replayed, incidents, verdicts);
            for (var i = 0; i < incidents.Count; i++)
            {
                tally.Add(incidents[i].Perpetrator, suspensions.Count == 0 ? verdicts[i] : Reciprocal.Apply(verdicts[i], Reciprocal.Covering(suspensions, incidents[i])));
            }

            columns.Add(new ReplayColumn(AgreementRef.During(agreement, from, to), tally.ToSummary()));
        }

        return new ReplayDocument(from is { } f ? IsoTime.FormatKyiv(f) : null, to is { } t ? IsoTime.FormatKyiv(t) : null, incidents.Count, columns);
    }

    /// <summary>The same terms with their window replaced by the replayed period (no window when both bounds are open).</summary>
    public static Agreement AsIfInForce(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to) => agreement with
    {
        Windows = from is null && to is null ? [] : [new AgreementWindow(from, to)],
    };
}

/// <summary>One agreement's counts in a replay: per party, per verdict.</summary>
public sealed record ReplayColumn(AgreementRef Agreement, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary);
