using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Judgement;

/// <summary>Which versions of amended terms may have been in force when an event happened, given how precisely its time is known.</summary>
internal static class Versions
{
    /// <summary>
    /// The versions in force at some moment of the event's possible span, oldest first (each without amendments, ready to judge): one
    /// when the span lies between two amendments, several when it straddles one, all when the time is unknown.
    /// </summary>
    public static IReadOnlyList<Agreement> InForce(ReportedTime time, Agreement agreement)
    {
        var list = new List<Agreement>();
        var terms = agreement with { Amendments = [] };
        DateTimeOffset? since = null;
        for (var i = 0; i <= agreement.Amendments.Count; i++)
        {
            DateTimeOffset? until = i < agreement.Amendments.Count ? agreement.Amendments[i].From : null;
            var overlaps = time.Earliest is not { } earliest || time.Latest is not { } latest
                || ((since is null || latest >= since) && (until is null || earliest < until));
            if (overlaps)
            {
                list.Add(terms);
            }

            if (i < agreement.Amendments.Count)
            {
                terms = agreement.Amendments[i].Apply(terms);
                since = until;
            }
        }

        return list;
    }
}
