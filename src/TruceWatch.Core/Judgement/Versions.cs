using System.Runtime.CompilerServices;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Judgement;

/// <summary>Which versions of amended terms may have been in force when an event happened, given how precisely its time is known.</summary>
internal static class Versions
{
    // Each agreement's versions are worked out once (amendments applied in order) and kept for as long as the agreement lives, so
    // judging an incident under amended terms costs a lookup, not a rebuild. Keyed by reference: `with` makes a new agreement.
    private static readonly ConditionalWeakTable<Agreement, Agreement[]> Built = new();

    /// <summary>
    /// Every version of <paramref name="agreement"/>, oldest first, each without amendments (ready to judge): version <c>i</c> is in force
    /// from <c>Amendments[i - 1].From</c> (the first from always) until <c>Amendments[i].From</c>.
    /// </summary>
    public static Agreement[] Of(Agreement agreement) => Built.GetValue(agreement, static a => Build(a));

    /// <summary>Whether the event's possible span overlaps the time version <paramref name="index"/> was in force; an unknown time overlaps all.</summary>
    public static bool Overlaps(ReportedTime time, IReadOnlyList<Amendment> amendments, int index)
    {
        if (time.Earliest is not { } earliest || time.Latest is not { } latest)
        {
            return true;
        }

        return (index == 0 || latest >= amendments[index - 1].From) && (index == amendments.Count || earliest < amendments[index].From);
    }

    /// <summary>
    /// The versions in force at some moment of the event's possible span, oldest first: one when the span lies between two amendments,
    /// several when it straddles one, all when the time is unknown.
    /// </summary>
    public static IReadOnlyList<Agreement> InForce(ReportedTime time, Agreement agreement)
    {
        var all = Of(agreement);
        var list = new List<Agreement>(all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            if (Overlaps(time, agreement.Amendments, i))
            {
                list.Add(all[i]);
            }
        }

        return list;
    }

    /// <summary>The versions in force at some moment of [<paramref name="from"/>, <paramref name="to"/>) (open where <c>null</c>), as numbers.</summary>
    public static IReadOnlyList<int> During(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to)
    {
        var amendments = agreement.Amendments;
        var numbers = new List<int>(amendments.Count + 1);
        var version = agreement.Version;
        for (var i = 0; i <= amendments.Count; i++)
        {
            var inForceAfterFrom = i == amendments.Count || from is not { } f || amendments[i].From > f;
            var inForceBeforeTo = i == 0 || to is not { } t || amendments[i - 1].From < t;
            if (inForceAfterFrom && inForceBeforeTo)
            {
                numbers.Add(version);
            }

            if (i < amendments.Count)
            {
                version = amendments[i].Version;
            }
        }

        return numbers;
    }

    private static Agreement[] Build(Agreement agreement)
    {
        var versions = new Agreement[agreement.Amendments.Count + 1];
        var terms = agreement with { Amendments = [] };
        versions[0] = terms;
        for (var i = 0; i < agreement.Amendments.Count; i++)
        {
            terms = agreement.Amendments[i].Apply(terms);
            versions[i + 1] = terms;
        }

        return versions;
    }
}
