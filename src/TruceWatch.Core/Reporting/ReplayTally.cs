using System.Runtime.CompilerServices;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// A replay counted incident by incident, so a file of any size can be replayed in bounded memory and in parts (one tally per core,
/// merged at the end). Counts live in flat arrays indexed by agreement, party and verdict; strings appear only in the document.
/// Under conditional reciprocity it also keeps, per agreement that has it, the times of the violations and indeterminate incidents
/// (not the incidents), and applies the suspensions they cause when the document is made, as <see cref="ReplayDocument.Build"/> does.
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
    private readonly Suspendable?[] _suspendable;
    private VerdictMemo? _memo;

    /// <summary>
    /// A tally of <paramref name="agreements"/> replayed over [<paramref name="from"/>, <paramref name="to"/>) (see
    /// <see cref="ReplayDocument.AsIfInForce"/>), with <paramref name="map"/> for place conditions.
    /// </summary>
    public ReplayTally(IReadOnlyList<Agreement> agreements, DateTimeOffset? from, DateTimeOffset? to, Geography.IGeography? map = null)
    {
        _map = map;
        _agreements = agreements;
        _replayed = [.. agreements.Select(a => ReplayDocument.AsIfInForce(a, from, to))];
        _suspendable = [.. _replayed.Select(a => a.Reciprocity == Reciprocity.Conditional && a.SuspendAfter is not null ? new Suspendable() : null)];
        _from = from;
        _to = to;
    }

    /// <summary>Incidents counted so far.</summary>
    public int Incidents { get; private set; }

    /// <summary>Judges one incident under every agreement and counts the verdicts.</summary>
    public void Add(Incident incident)
    {
        Span<Verdict> verdicts = stackalloc Verdict[_replayed.Length];
        for (var a = 0; a < _replayed.Length; a++)
        {
            verdicts[a] = Judge.Decide(incident, _replayed[a], _map);
        }

        Count(incident.Perpetrator, incident.Time, verdicts);
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(in ReportFacts facts)
    {
        if (!facts.Time.Overlaps(_from, _to))
        {
            return;
        }

        _memo ??= new VerdictMemo(_replayed, _map);
        Count(facts.Perpetrator, facts.Time, _memo.Decide(facts));
    }

    /// <summary>Adds another tally of the same agreements and period into this one; <paramref name="other"/> holds the later incidents.</summary>
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

        for (var a = 0; a < _suspendable.Length; a++)
        {
            _suspendable[a]?.Merge(other._suspendable[a]!);
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
            var counts = new long[_parties.Count][];
            for (var p = 0; p < _parties.Count; p++)
            {
                counts[p] = _counts[p][(a * VerdictCount)..((a + 1) * VerdictCount)];
            }

            _suspendable[a]?.Apply(_replayed[a], _parties, counts);
            var tally = new VerdictTally(agreement.Parties);
            for (var p = 0; p < _parties.Count; p++)
            {
                for (var v = 0; v < VerdictCount; v++)
                {
                    if (counts[p][v] is var n and > 0)
                    {
                        tally.Add(_parties[p], (Verdict)v, checked((int)n));
                    }
                }
            }

            columns.Add(new ReplayColumn(AgreementRef.During(agreement, _from, _to), tally.ToSummary()));
        }

        return new ReplayDocument(_from is { } f ? IsoTime.FormatKyiv(f) : null, _to is { } t ? IsoTime.FormatKyiv(t) : null, Incidents, columns);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(PartyCode? perpetrator, ReportedTime time, ReadOnlySpan<Verdict> verdicts)
    {
        var counts = CountsOf(perpetrator);
        for (var a = 0; a < verdicts.Length; a++)
        {
            counts[(a * VerdictCount) + (int)verdicts[a]]++;
            if (_suspendable[a] is { } suspendable && perpetrator is { } party)
            {
                suspendable.Add(party, time, verdicts[a]);
            }
        }

        Incidents++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// What conditional reciprocity needs of the incidents of one agreement (see <see cref="Reciprocal"/>): the latest moment of each
    /// violation, and the earliest moment of each violation or indeterminate incident, which a suspension turns into permitted. In
    /// judging order, so merged parts give the suspensions the whole set would.
    /// </summary>
    private sealed class Suspendable
    {
        private readonly Dictionary<PartyCode, List<DateTimeOffset>> _violations = [];
        private readonly Dictionary<(PartyCode Party, Verdict Verdict), List<long>> _earliest = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(PartyCode party, ReportedTime time, Verdict verdict)
        {
            if (verdict is not (Verdict.Violation or Verdict.Indeterminate))
            {
                return;
            }

            if (verdict == Verdict.Violation && time.Latest is { } latest)
            {
                (_violations.TryGetValue(party, out var list) ? list : _violations[party] = []).Add(latest);
            }

            if (time.Earliest is { } earliest)
            {
                (_earliest.TryGetValue((party, verdict), out var list) ? list : _earliest[(party, verdict)] = []).Add(earliest.UtcTicks);
            }
        }

        public void Merge(Suspendable later)
        {
            foreach (var (party, times) in later._violations)
            {
                (_violations.TryGetValue(party, out var list) ? list : _violations[party] = []).AddRange(times);
            }

            foreach (var (key, times) in later._earliest)
            {
                (_earliest.TryGetValue(key, out var list) ? list : _earliest[key] = []).AddRange(times);
            }
        }

        /// <summary>Moves each suspended party's violations and indeterminate incidents from the suspension on to permitted.</summary>
        public void Apply(Agreement replayed, List<PartyCode?> parties, long[][] counts)
        {
            // Suspensions sorts the lists it is given, in place: their order means nothing to a tally (it is sorted again if more come).
            foreach (var suspension in Reciprocal.Suspensions(replayed, _violations))
            {
                var p = parties.IndexOf(suspension.Party);
                if (p < 0)
                {
                    continue;
                }

                var from = suspension.From.UtcTicks;
                foreach (var verdict in (ReadOnlySpan<Verdict>)[Verdict.Violation, Verdict.Indeterminate])
                {
                    if (!_earliest.TryGetValue((suspension.Party, verdict), out var times))
                    {
                        continue;
                    }

                    var moved = 0L;
                    foreach (var t in times)
                    {
                        moved += t >= from ? 1 : 0;
                    }

                    counts[p][(int)verdict] -= moved;
                    counts[p][(int)Verdict.Permitted] += moved;
                }
            }
        }
    }
}
