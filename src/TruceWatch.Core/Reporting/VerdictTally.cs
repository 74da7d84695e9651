using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;

namespace TruceWatch.Core.Reporting;

/// <summary>Counts verdicts per party (the scorecard): every party of the agreement appears, with all five verdicts, zeros included.</summary>
public sealed class VerdictTally
{
    /// <summary>The key under which incidents whose perpetrator is unknown are counted.</summary>
    public const string UnknownParty = "unknown";

    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    public VerdictTally(IEnumerable<PartyCode> parties)
    {
        foreach (var party in parties)
        {
            _counts[party.Value] = new int[Verdicts.All.Count];
        }
    }

    public void Add(PartyCode? perpetrator, Verdict verdict) => Add(perpetrator, verdict, 1);

    /// <summary>Adds <paramref name="count"/> incidents at once (merging tallies counted apart).</summary>
    public void Add(PartyCode? perpetrator, Verdict verdict, int count)
    {
        var party = perpetrator?.Value ?? UnknownParty;
        if (!_counts.TryGetValue(party, out var counts))
        {
            _counts[party] = counts = new int[Verdicts.All.Count];
        }

        counts[Verdicts.Rank(verdict.ToText())] += count;
    }

    /// <summary>The counts as <c>{ party: { verdict: count } }</c>, parties in code order, verdicts most pressing first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ToSummary()
    {
        var summary = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (party, counts) in _counts)
        {
            var byVerdict = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Verdicts.All.Count; i++)
            {
                byVerdict[Verdicts.All[i].ToText()] = counts[i];
            }

            summary[party] = byVerdict;
        }

        return summary;
    }
}
