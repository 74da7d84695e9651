using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;

namespace TruceWatch.Bench.Pipeline;

/// <summary>
/// TruceWatch's side of the benchmark: every report judged against every agreement with <see cref="Judge.Decide"/>, counted into the
/// scorecard (agreement × party × verdict) and the daily series (agreement × day × party × verdict), once over all reports and once over
/// the <see cref="KnownFacts"/> subset that the SQL engines can check. Flat arrays indexed by slot; one instance per part, merged at the end.
/// </summary>
public sealed class Scorecard : IFactsSink
{
    private static readonly int VerdictCount = Enum.GetValues<Verdict>().Length;
    private readonly IReadOnlyList<Agreement> _agreements;
    private readonly List<PartyCode?> _parties = [];

    // Key: (day number << 8 | party slot << 1 | subset); value: agreement × verdict counts. Reports with unknown time use day -1.
    private readonly Dictionary<long, long[]> _cells = [];
    private VerdictMemo? _memo;

    public Scorecard(IReadOnlyList<Agreement> agreements) => _agreements = agreements;

    public long Reports { get; private set; }

    public long Rejected { get; private set; }

    public long KnownFactsReports { get; private set; }

    public void Add(ImportItem item)
    {
        if (item is ImportItem.Accepted accepted)
        {
            Add(accepted.Record.Report);
        }
        else
        {
            Rejected++;
        }
    }

    /// <summary>Counts a report's facts (the judge-only path): the same counts as <see cref="Add(Report)"/>, judged through a <see cref="VerdictMemo"/>.</summary>
    public void Add(in ReportFacts facts)
    {
        Reports++;
        var day = facts.Time.Start is { } start ? DateOnly.FromDateTime(start.DateTime).DayNumber : -1;
        var slot = Slot(facts.Perpetrator);
        var all = Cell(((long)day << 8) | ((long)slot << 1));
        long[]? known = null;
        if (KnownFacts.Holds(facts))
        {
            KnownFactsReports++;
            known = Cell(((long)day << 8) | ((long)slot << 1) | 1);
        }

        _memo ??= new VerdictMemo(_agreements, null);
        var verdicts = _memo.Decide(facts);
        for (var a = 0; a < verdicts.Length; a++)
        {
            var index = (a * VerdictCount) + (int)verdicts[a];
            all[index]++;
            if (known is not null)
            {
                known[index]++;
            }
        }
    }

    public void Reject(QuarantinedRow row) => Rejected++;

    public void Add(Report report) => Add(Incident.FromReport(new IncidentId(Reports + 1), report), KnownFacts.Holds(report));

    public void Add(Incident incident, bool knownFacts)
    {
        Reports++;
        var day = incident.Time.Start is { } start ? DateOnly.FromDateTime(start.DateTime).DayNumber : -1;
        var slot = Slot(incident.Perpetrator);
        var all = Cell(((long)day << 8) | ((long)slot << 1));
        long[]? known = null;
        if (knownFacts)
        {
            KnownFactsReports++;
            known = Cell(((long)day << 8) | ((long)slot << 1) | 1);
        }

        for (var a = 0; a < _agreements.Count; a++)
        {
            var index = (a * VerdictCount) + (int)Judge.Decide(incident, _agreements[a]);
            all[index]++;
            if (known is not null)
            {
                known[index]++;
            }
        }
    }

    public void Merge(Scorecard other)
    {
        foreach (var (key, counts) in other._cells)
        {
            var slot = Slot(other._parties[(int)((key >> 1) & 0x7F)]);
            var mine = Cell((key & ~0xFFL) | ((long)slot << 1) | (key & 1));
            for (var i = 0; i < counts.Length; i++)
            {
                mine[i] += counts[i];
            }
        }

        Reports += other.Reports;
        Rejected += other.Rejected;
        KnownFactsReports += other.KnownFactsReports;
    }

    /// <summary>The counts as text keys (<see cref="Counts"/>): all reports, or only those with fully known facts.</summary>
    public Counts ToCounts(bool knownFactsOnly)
    {
        var counts = new Counts();
        foreach (var (key, cell) in _cells)
        {
            if ((key & 1) == 1 != knownFactsOnly)
            {
                continue;
            }

            var dayNumber = (int)(key >> 8);
            var day = dayNumber < 0 ? "unknown" : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var party = _parties[(int)((key >> 1) & 0x7F)]?.Value ?? "unknown";
            for (var a = 0; a < _agreements.Count; a++)
            {
                for (var v = 0; v < VerdictCount; v++)
                {
                    if (cell[(a * VerdictCount) + v] is var n and > 0)
                    {
                        counts.AddGroup(_agreements[a].Id, party, day, ((Verdict)v).ToText(), n);
                    }
                }
            }
        }

        return counts;
    }

    private long[] Cell(long key)
    {
        if (!_cells.TryGetValue(key, out var cell))
        {
            _cells[key] = cell = new long[_agreements.Count * VerdictCount];
        }

        return cell;
    }

    private int Slot(PartyCode? party)
    {
        for (var i = 0; i < _parties.Count; i++)
        {
            if (_parties[i] == party)
            {
                return i;
            }
        }

        _parties.Add(party);
        return _parties.Count - 1;
    }
}
