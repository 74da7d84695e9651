using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// A replay counted incident by incident, so a file of any size can be replayed in bounded memory and in parts (one tally per core,
/// merged at the end). Counts live in flat arrays indexed by agreement, party and verdict; strings appear only in the document.
/// </summary>
public sealed class ReplayTally
{
    private static readonly int VerdictCount = Enum.GetValues<Verdict>().Length;
    private readonly IReadOnlyList<Agreement> _agreements;
    private readonly Agreement[] _replayed;
    private readonly List<PartyCode?> _parties = [];
    private readonly List<long[]> _counts = [];
    private readonly DateTimeOffset? _from;
    private readonly DateTimeOffset? _to;
    private readonly Geography.IGeography? _map;
    private VerdictMemo? _memo;

    /// <summary>
    /// A tally of <paramref name="agreements"/> replayed over [<paramref name="from"/>, <paramref name="to"/>) (see
    /// <see cref="ReplayDocument.AsIfInForce"/>), with <paramref name="map"/> for place conditions. Counting incident by incident, it
    /// does not apply conditional reciprocity, which needs the incidents together (<see cref="ReplayDocument.Build"/> does).
    /// </summary>
    public ReplayTally(IReadOnlyList<Agreement> agreements, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map = null)
    {
        _map = map;
        _agreements = agreements;
        _replayed = [.. agreements.Select(a => ReplayDocument.AsIfInForce(a, from, to))];
        _from = from;
        _to = to;
    }

    /// <summary>Incidents counted so far.</summary>
    public int Incidents { get; private set; }

    /// <summary>Judges one incident under every agreement and counts the verdicts.</summary>
    public void Add(Incident incident)
    {
        var counts = CountsOf(incident.Perpetrator);
        for (var a = 0; a < _replayed.Length; a++)
        {
            counts[(a * VerdictCount) + (int)Judge.Decide(incident, _replayed[a], _map)]++;
        }

        Incidents++;
    }

    /// <summary>Counts a report of a file when its time overlaps the replayed period, as <see cref="Incident.FromReport"/>.</summary>
    public void Add(Report report)
    {
        if (report.Time.Overlaps(_from, _to))
        {
            Add(Incident.FromReport(new IncidentId(Incidents + 1), report));
        }
    }

    /// <summary>
    /// Counts a report's facts when its time overlaps the replayed period: the same counts as <see cref="Add(Report)"/>, judged through a
    /// <see cref="VerdictMemo"/> (the judge-only path of <c>replay --reports</c>).
    /// </summary>
    public void Add(in ReportFacts facts)
    {
        if (!facts.Time.Overlaps(_from, _to))
        {
            return;
        }

        _memo ??= new VerdictMemo(_replayed, _map);
        var verdicts = _memo.Decide(facts);
        var counts = CountsOf(facts.Perpetrator);
        for (var a = 0; a < verdicts.Length; a++)
        {
            counts[(a * VerdictCount) + (int)verdicts[a]]++;
        }

        Incidents++;
    }

    /// <summary>Adds another tally of the same agreements and period into this one.</summary>
    public void Merge(ReplayTally other)
    {
        for (var p = 0; p < other._parties.Count; p++)
        {
            var mine = CountsOf(other._parties[p]);
            var theirs = other._counts[p];
            for (var i = 0; i < mine.Length; i++)
            {
                mine[i] += theirs[i];
            }
        }

        Incidents += other.Incidents;
    }

    /// <summary>The replay as the document the CLI prints and the API returns.</summary>
    public ReplayDocument ToDocument()
    {
        var columns = new List<ReplayColumn>(_agreements.Count);
        for (var a = 0; a < _agreements.Count; a++)
        {
            var agreement = _agreements[a];
            var tally = new VerdictTally(agreement.Parties);
            for (var p = 0; p < _parties.Count; p++)
            {
                for (var v = 0; v < VerdictCount; v++)
                {
                    if (_counts[p][(a * VerdictCount) + v] is var n and > 0)
                    {
                        tally.Add(_parties[p], (Verdict)v, checked((int)n));
                    }
                }
            }

            columns.Add(new ReplayColumn(AgreementRef.During(agreement, _from, _to), tally.ToSummary()));
        }

        return new ReplayDocument(_from is { } f ? IsoTime.FormatKyiv(f) : null, _to is { } t ? IsoTime.FormatKyiv(t) : null, Incidents, columns);
    }

    private long[] CountsOf(PartyCode? party)
    {
        for (var i = 0; i < _parties.Count; i++)
        {
            if (_parties[i] == party)
            {
                return _counts[i];
            }
        }

        var counts = new long[_replayed.Length * VerdictCount];
        _parties.Add(party);
        _counts.Add(counts);
        return counts;
    }
}
