using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Judgement;

/// <summary>A party's duties suspended from <see cref="From"/> because another party's violations passed the threshold.</summary>
public sealed record Suspension(PartyCode Party, DateTimeOffset From, PartyCode Because, int Violations, string Reason);

/// <summary>
/// Conditional reciprocity over a set of judged incidents: when one party's violations reach the threshold within the period, the
/// other parties' duties are suspended from the moment the last of them is certain to have happened (its latest possible time), and
/// their later acts are no longer breaches. "Confirmed" means judged a violation (not indeterminate); reviewed verdicts will refine it.
/// Pure: the same incidents and verdicts give the same suspensions.
/// </summary>
public static class Reciprocal
{
    public static IReadOnlyList<Suspension> Suspensions(Agreement agreement, IReadOnlyList<Incident> incidents, IReadOnlyList<Verdict> verdicts)
    {
        if (agreement.Reciprocity != Reciprocity.Conditional || agreement.SuspendAfter is null)
        {
            return [];
        }

        var byParty = new Dictionary<PartyCode, List<DateTimeOffset>>();
        for (var i = 0; i < incidents.Count; i++)
        {
            if (verdicts[i] == Verdict.Violation && incidents[i].Perpetrator is { } p && incidents[i].Time.Latest is { } at)
            {
                (byParty.TryGetValue(p, out var list) ? list : byParty[p] = []).Add(at);
            }
        }

        return Suspensions(agreement, byParty);
    }

    /// <summary>
    /// The same from each party's violations alone: the latest possible moment of each, in the order the incidents were judged (sorted
    /// here, in place). For counting a replay without keeping its incidents.
    /// </summary>
    public static IReadOnlyList<Suspension> Suspensions(Agreement agreement, IReadOnlyDictionary<PartyCode, List<DateTimeOffset>> violations)
    {
        if (agreement.Reciprocity != Reciprocity.Conditional || agreement.SuspendAfter is not { } rule)
        {
            return [];
        }

        var suspensions = new List<Suspension>();
        foreach (var (offender, times) in violations.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
        {
            times.Sort();
            for (int first = 0, last = 0; last < times.Count; last++)
            {
                while (rule.Within.TryAddTo(times[first], out var end) && end <= times[last])
                {
                    first++;
                }

                if (last - first + 1 < rule.Violations)
                {
                    continue;
                }

                foreach (var party in agreement.Parties.Where(p => p != offender))
                {
                    var reason = string.Create(CultureInfo.InvariantCulture,
                        $"{party}'s duties suspended from {IsoTime.FormatKyiv(times[last])}: {offender} committed {rule.Violations} violations within {rule.WithinText} (conditional reciprocity)");
                    suspensions.Add(new Suspension(party, times[last], offender, rule.Violations, reason));
                }

                break;
            }
        }

        // Only the first suspension of each party counts: from then on its duties are gone.
        return [.. suspensions.GroupBy(s => s.Party).Select(g => g.MinBy(s => s.From)!)];
    }

    /// <summary>The suspension that covers <paramref name="incident"/> (its perpetrator's, begun before it), if any.</summary>
    public static Suspension? Covering(IReadOnlyList<Suspension> suspensions, Incident incident)
    {
        foreach (var s in suspensions)
        {
            if (incident.Perpetrator == s.Party && incident.Time.Earliest is { } earliest && earliest >= s.From)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>The verdict once suspensions are applied: a suspended party's violation or indeterminate act is permitted.</summary>
    public static Verdict Apply(Verdict verdict, Suspension? suspension) =>
        suspension is not null && verdict is Verdict.Violation or Verdict.Indeterminate ? Verdict.Permitted : verdict;
}
