using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// A counterfactual: several sets of terms judged over the same incidents as if each had been in force for the replayed period,
/// side by side, counted per party and verdict. Replayed under readings, each agreement has a column per reading and
/// <see cref="Readings"/> lists, agreement by agreement and incident by incident, where its readings disagree.
/// </summary>
public sealed record ReplayDocument(string? From, string? To, int Incidents, IReadOnlyList<ReplayColumn> Agreements)
{
    /// <summary>Where the readings of each agreement disagree (only when replayed under every reading); empty otherwise.</summary>
    public IReadOnlyList<ReplayDisagreements> Readings { get; init; } = [];

    /// <summary>
    /// Replays each agreement over <paramref name="incidents"/> with its window replaced by [<paramref name="from"/>, <paramref name="to"/>)
    /// (open where a bound is <c>null</c>), so terms that never took effect, or took effect at another time, can be compared on history.
    /// </summary>
    public static ReplayDocument Build(IReadOnlyList<Agreement> agreements, IReadOnlyList<Incident> incidents, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map = null)
    {
        var columns = agreements.Select(a => Column(a, null, incidents, from, to, map).Column).ToList();
        return new ReplayDocument(Text(from), Text(to), incidents.Count, columns);
    }

    /// <summary>
    /// Replays the agreements under a reading: <paramref name="reading"/> names an interpretation (each agreement that has it is replayed
    /// under it, the others are left out) or is <c>all</c> (each agreement under the terms as written, <c>base</c>, and under every one
    /// of its interpretations, with the incidents they judge differently). The replayed period stands in for every reading's window, so a
    /// reading that differs only in its dates agrees with the terms as written here; <c>assess --interpretation</c> shows dates.
    /// </summary>
    public static ReplayDocument BuildUnder(
        string reading, IReadOnlyList<Agreement> agreements, IReadOnlyList<Incident> incidents, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map = null)
    {
        var columns = new List<ReplayColumn>();
        var readings = new List<ReplayDisagreements>();
        foreach (var agreement in agreements)
        {
            if (reading != "all")
            {
                if (agreement.Under(reading) is { } read)
                {
                    columns.Add(Column(read, reading, incidents, from, to, map).Column);
                }

                continue;
            }

            var judged = new List<(string Name, Verdict[] Verdicts)>();
            foreach (var (name, terms) in agreement.Interpretations.Select(i => (i.Name, i.Apply(agreement))).Prepend((ReadingsDocument.Base, agreement)))
            {
                var (column, verdicts) = Column(terms, name, incidents, from, to, map);
                columns.Add(column);
                judged.Add((name, verdicts));
            }

            if (judged.Count > 1)
            {
                readings.Add(new ReplayDisagreements(agreement.Id, Disagreements(incidents, judged)));
            }
        }

        return new ReplayDocument(Text(from), Text(to), incidents.Count, columns) { Readings = readings };
    }

    /// <summary>The same terms with their window replaced by the replayed period (no window when both bounds are open).</summary>
    public static Agreement AsIfInForce(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to) => agreement with
    {
        Windows = from is null && to is null ? [] : [new AgreementWindow(from, to)],
    };

    private static (ReplayColumn Column, Verdict[] Verdicts) Column(
        Agreement agreement, string? reading, IReadOnlyList<Incident> incidents, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map)
    {
        var replayed = AsIfInForce(agreement, from, to);
        var verdicts = new Verdict[incidents.Count];
        for (var i = 0; i < incidents.Count; i++)
        {
            verdicts[i] = Judge.Decide(incidents[i], replayed, map);
        }

        var suspensions = Reciprocal.Suspensions(replayed, incidents, verdicts);
        var tally = new VerdictTally(agreement.Parties);
        for (var i = 0; i < incidents.Count; i++)
        {
            if (suspensions.Count > 0)
            {
                verdicts[i] = Reciprocal.Apply(verdicts[i], Reciprocal.Covering(suspensions, incidents[i]));
            }

            tally.Add(incidents[i].Perpetrator, verdicts[i]);
        }

        return (new ReplayColumn(AgreementRef.During(agreement, from, to), tally.ToSummary()) { Reading = reading }, verdicts);
    }

    private static List<Disagreement> Disagreements(IReadOnlyList<Incident> incidents, List<(string Name, Verdict[] Verdicts)> judged)
    {
        var list = new List<Disagreement>();
        for (var i = 0; i < incidents.Count; i++)
        {
            if (judged.Exists(r => r.Verdicts[i] != judged[0].Verdicts[i]))
            {
                var incident = incidents[i];
                list.Add(new Disagreement(
                    incident.Id.Value,
                    [.. incident.Reports.Select(x => x.Key.ToString())],
                    incident.Time.Start is { } start ? IsoTime.FormatKyiv(start) : null,
                    judged.ToDictionary(r => r.Name, r => r.Verdicts[i].ToText(), StringComparer.Ordinal)));
            }
        }

        return list;
    }

    private static string? Text(DateTimeOffset? instant) => instant is { } t ? IsoTime.FormatKyiv(t) : null;
}

/// <summary>One agreement's counts in a replay: per party, per verdict; under a named reading when <see cref="Reading"/> is set.</summary>
public sealed record ReplayColumn(AgreementRef Agreement, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Summary)
{
    /// <summary>The reading replayed (<c>base</c> for the terms as written beside their readings); <c>null</c> for a plain replay.</summary>
    public string? Reading { get; init; }
}

/// <summary>The incidents one agreement's readings judge differently in a replay, each with every reading's verdict.</summary>
public sealed record ReplayDisagreements(string Agreement, IReadOnlyList<Disagreement> Incidents);
