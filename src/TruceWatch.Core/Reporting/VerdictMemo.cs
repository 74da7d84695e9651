using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Reporting;

/// <summary>
/// <see cref="Judge.Decide"/> of several agreements, remembered per distinct combination of the facts it reads, so a file of a million
/// reports is judged a few thousand times rather than a million times seven. Exact, not approximate: the key holds every fact
/// <c>Decide</c> reads, and time enters it only as the position of the event's earliest and latest moment among the agreements' window,
/// clause-window and amendment edges, because <c>Decide</c> only ever compares them with those edges. Means and targets enter it only
/// as the answers of the agreements' means and target tests (<c>Judge.Means</c>, <c>Judge.Target</c>), the only way <c>Decide</c> reads
/// them, so a file's hundreds of distinct target lists fall into the few classes the terms tell apart. Place enters it only as the
/// answers to the agreements' place rules (<c>where:</c>), and only for a report whose domain, means and targets do not already rule
/// out every clause that has one, because <c>Decide</c> reads the place through those rules alone and only past those tests: so a
/// file of a million distinct points does not mean a million judgements. One memo per thread; not shared.
/// </summary>
public sealed class VerdictMemo
{
    /// <summary>Distinct combinations kept; past this, verdicts are still right but worked out afresh (a file of unusual variety).</summary>
    private const int Capacity = 1 << 16;

    private static readonly ReportKey Anonymous = new("memo", "");
    private readonly IReadOnlyList<Agreement> _agreements;
    private readonly IGeography? _map;
    private readonly long[] _edges;
    private readonly List<Criteria> _placed = [];
    private readonly List<PlaceRule> _rules = [];
    private readonly int[] _ruleOf;
    private readonly int[] _answers;

    // Means and targets enter the key as the answers of the agreements' means and target tests (two bits per test), worked out once
    // per distinct value (text and lists from per-file caches, so looked up by reference): a file's few hundred target lists fall into
    // a few dozen classes that no test tells apart. With more tests than 32 bits hold, the value itself goes into the key.
    private readonly List<IReadOnlyList<TaxonomyPath>> _meansTests = [];
    private readonly List<(IReadOnlyList<TaxonomyPath> Rules, bool All)> _targetTests = [];
    private readonly Dictionary<Values, (Facets Facets, long Reachable)> _profiles = [];
    private readonly long _noMeansAnswers;
    private readonly long _noTargetsAnswers;

    private bool _stageMatters;
    private bool _effectMatters;
    private readonly Dictionary<Key, Verdict[]> _known = [];

    /// <summary>A memo for judging against <paramref name="agreements"/> (as given: replay windows already applied) with <paramref name="map"/>.</summary>
    public VerdictMemo(IReadOnlyList<Agreement> agreements, IGeography? map)
    {
        _agreements = agreements;
        _map = map;
        var edges = new SortedSet<long>();
        foreach (var agreement in agreements)
        {
            var terms = agreement;
            Collect(terms, edges);
            foreach (var amendment in agreement.Amendments)
            {
                edges.Add(amendment.From.UtcTicks);
                terms = amendment.Apply(terms);
                Collect(terms, edges);
            }
        }

        _edges = [.. edges];
        _answers = new int[_rules.Count];
        _ruleOf = [.. _placed.Select(c => _rules.IndexOf(c.Where!))];
        _noMeansAnswers = ManyMeansTests ? 0 : MeansAnswers(null);
        _noTargetsAnswers = ManyTargetTests ? 0 : TargetAnswers(default);
    }

    private bool ManyMeansTests => _meansTests.Count > 32;

    private bool ManyTargetTests => _targetTests.Count > 32;

    /// <summary>More place rules than the key's 32 bits hold two bits each: then the place itself goes into the key.</summary>
    private bool ManyRules => _rules.Count > 15;

    /// <summary>Distinct fact combinations judged so far.</summary>
    public int Distinct => _known.Count;

    /// <summary>How many times the verdicts were worked out rather than remembered.</summary>
    public long Judged { get; private set; }

    /// <summary>The verdict under each agreement, in the order given. The span is the memo's own; do not keep it past the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<Verdict> Decide(in ReportFacts facts)
    {
        var key = KeyOf(facts);
        if (_known.TryGetValue(key, out var verdicts))
        {
            return verdicts;
        }

        Judged++;
        var incident = Incident.FromReport(new IncidentId(1), facts.ToReport(Anonymous));
        verdicts = new Verdict[_agreements.Count];
        for (var a = 0; a < verdicts.Length; a++)
        {
            verdicts[a] = Judge.Decide(incident, _agreements[a], _map);
        }

        if (_known.Count < Capacity)
        {
            _known[key] = verdicts;
        }

        return verdicts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Key KeyOf(in ReportFacts facts)
    {
        var time = facts.Time;
        int earliest = -1, latest = -1;
        if (time.Earliest is { } e && time.Latest is { } l)
        {
            earliest = Position(e.UtcTicks);
            latest = l == e ? earliest : Position(l.UtcTicks);
        }

        // The stage a strike reached (as Judge.Stage reads it), only when some clause counts hits or effects.
        var hit = 0;
        if (_stageMatters)
        {
            var counts = facts.Counts;
            hit = counts.Hits is { } h ? (h > 0 ? 1 : 2)
                : counts.Launched is { } launched && counts.Intercepted is { } intercepted && intercepted >= launched ? 2
                : 3;
        }

        var harmed = _effectMatters && (facts.Harm.Killed > 0 || facts.Harm.Injured > 0);
        var (facets, reachable) = Profile(facts);
        var (answers, place) = PlaceAnswers(facts, reachable);
        return new Key(
            facts.Perpetrator?.Value,
            facets,
            place,
            earliest,
            latest,
            answers,
            (hit << 8) | (harmed ? 1 << 12 : 0));
    }

    /// <summary>
    /// What <c>Decide</c> can learn of the report's domain, means and targets, and the place-bearing criteria they let it reach: one
    /// lookup by the values' references (they come from per-file caches), worked out on the first report with those values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (Facets Facets, long Reachable) Profile(in ReportFacts facts)
    {
        var domain = facts.Domain is { } d ? (int)d + 1 : 0;
        var values = new Values(facts.Means?.Value, facts.Targets.IsDefault ? null : ImmutableCollectionsMarshal.AsArray(facts.Targets), domain);
        if (_profiles.TryGetValue(values, out var profile))
        {
            return profile;
        }

        var facets = new Facets(
            ManyMeansTests ? values.Means : null,
            ManyTargetTests ? values.Targets : null,
            ManyMeansTests ? 0 : facts.Means is null ? _noMeansAnswers : MeansAnswers(facts.Means),
            ManyTargetTests ? 0 : facts.Targets.IsDefaultOrEmpty ? _noTargetsAnswers : TargetAnswers(facts.Targets),
            domain);
        profile = (facets, Reachable(facts));
        if (_profiles.Count < Capacity)
        {
            _profiles[values] = profile;
        }

        return profile;
    }

    private long MeansAnswers(TaxonomyPath? means)
    {
        long answers = 0;
        for (var i = 0; i < _meansTests.Count; i++)
        {
            answers |= ((long)Judge.Means(means, _meansTests[i]) + 1) << (2 * i);
        }

        return answers;
    }

    private long TargetAnswers(ImmutableArray<TaxonomyPath> targets)
    {
        long answers = 0;
        for (var i = 0; i < _targetTests.Count; i++)
        {
            answers |= ((long)Judge.Target(targets, _targetTests[i].Rules, _targetTests[i].All) + 1) << (2 * i);
        }

        return answers;
    }

    /// <summary>
    /// What <c>Decide</c> can learn about the place: for each place rule it may reach (its criteria's domain, means and targets are not
    /// all but ruled out, the order <c>Judge</c> tests them in), the rule's answer, two bits each; zero when it reaches none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Answers, Place? Place) PlaceAnswers(in ReportFacts facts, long reachable)
    {
        if (reachable == 0)
        {
            return (0, null);
        }

        if (ManyRules || _placed.Count > 64)
        {
            return (0, facts.Place);
        }

        Array.Fill(_answers, -1);
        var place = facts.Place ?? Place.Unknown;
        var answers = 0;
        for (var i = 0; i < _placed.Count; i++)
        {
            var rule = _ruleOf[i];
            if ((reachable & (1L << i)) != 0 && _answers[rule] < 0)
            {
                _answers[rule] = (int)PlaceJudge.Evaluate(place, facts.Time, _placed[i].Where!, _map);
                answers |= (_answers[rule] + 1) << (2 * rule);
            }
        }

        return (answers, null);
    }

    /// <summary>
    /// The place-bearing criteria (as bits, in <c>_placed</c>'s order; all bits past 64) the report's facts may reach: they depend on its
    /// domain, means and targets alone, so this is worked out once per <see cref="Profile"/>.
    /// </summary>
    private long Reachable(in ReportFacts facts)
    {
        long bits = 0;
        for (var i = 0; i < _placed.Count; i++)
        {
            if (MayReachPlace(facts, _placed[i]))
            {
                bits |= i < 64 ? 1L << i : -1L;
            }
        }

        return bits;
    }

    /// <summary>Whether <c>Judge.Matches</c> gets as far as the place: its tests before it (domain, means, targets) are not false.</summary>
    private static bool MayReachPlace(in ReportFacts facts, Criteria criteria)
    {
        var value = Tri.True;
        if (criteria.Domains is { } domains)
        {
            value = Kleene.And(value, Judge.Domain(facts.Domain, domains));
        }

        if (criteria.Means is { } means && value != Tri.False)
        {
            value = Kleene.And(value, Judge.Means(facts.Means, means));
        }

        if (criteria.Targets is { } targets && value != Tri.False)
        {
            // Any-match (prohibitions) is never false where all-match (exceptions) is not, so the looser test stands for both.
            value = Kleene.And(value, Judge.Target(facts.Targets, targets, all: false));
        }

        return value != Tri.False;
    }

    /// <summary>How many edges lie at or before <paramref name="ticks"/>: all <c>Decide</c> can tell about a moment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Position(long ticks)
    {
        var i = Array.BinarySearch(_edges, ticks);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The edges of one version of the terms, and which facts beyond the always-read ones its clauses read.</summary>
    private void Collect(Agreement terms, SortedSet<long> edges)
    {
        Windows(terms.Windows, edges);
        foreach (var clause in terms.Clauses)
        {
            Windows(clause.Windows, edges);
            _stageMatters |= clause.Counts != StrikeStage.Launched;
            _effectMatters |= clause.Counts == StrikeStage.Effect;
            // The prohibition first (any target matches), then the exceptions (all targets must), as Judge reads them: by position, so
            // a criteria that served as both would be registered both ways.
            for (var c = -1; c < clause.Except.Count; c++)
            {
                var criteria = c < 0 ? clause.Prohibits : clause.Except[c];
                Test(criteria.Means, criteria.Targets, all: c >= 0);
                if (criteria.Where is { } where)
                {
                    _placed.Add(criteria);
                    if (!_rules.Contains(where))
                    {
                        _rules.Add(where);
                    }
                }
            }
        }
    }

    /// <summary>Registers a criteria's means and target tests (once each: lists are compared by reference).</summary>
    private void Test(IReadOnlyList<TaxonomyPath>? means, IReadOnlyList<TaxonomyPath>? targets, bool all)
    {
        if (means is not null && !_meansTests.Any(m => ReferenceEquals(m, means)))
        {
            _meansTests.Add(means);
        }

        if (targets is not null && !_targetTests.Any(t => ReferenceEquals(t.Rules, targets) && t.All == all))
        {
            _targetTests.Add((targets, all));
        }
    }

    private static void Windows(IReadOnlyList<AgreementWindow> windows, SortedSet<long> edges)
    {
        foreach (var window in windows)
        {
            if (window.Start is { } start)
            {
                edges.Add(start.UtcTicks);
            }

            if (window.End is { } end)
            {
                edges.Add(end.UtcTicks);
            }
        }
    }

    /// <summary>A report's means and targets (by reference: per-file caches give equal values one instance) and its domain.</summary>
    private readonly record struct Values(object? Means, object? Targets, int Domain)
    {
        public bool Equals(Values other) => ReferenceEquals(Means, other.Means) && ReferenceEquals(Targets, other.Targets) && Domain == other.Domain;

        public override int GetHashCode() =>
            (((RuntimeHelpers.GetHashCode(Means) * -1521134295) + RuntimeHelpers.GetHashCode(Targets)) * -1521134295) + Domain;
    }

    /// <summary>
    /// A report's domain, and its means and targets as the answers of the agreements' tests on them (or, with too many tests, the values
    /// themselves, by reference).
    /// </summary>
    private readonly struct Facets(object? means, object? targets, long meansAnswers, long targetAnswers, int domain) : IEquatable<Facets>
    {
        private readonly object? _means = means;
        private readonly object? _targets = targets;
        private readonly long _meansAnswers = meansAnswers;
        private readonly long _targetAnswers = targetAnswers;
        private readonly int _domain = domain;

        public bool Equals(Facets other) =>
            ReferenceEquals(_means, other._means) && ReferenceEquals(_targets, other._targets) && _meansAnswers == other._meansAnswers
            && _targetAnswers == other._targetAnswers && _domain == other._domain;

        public override bool Equals(object? obj) => obj is Facets other && Equals(other);

        public override int GetHashCode()
        {
            var h = RuntimeHelpers.GetHashCode(_means);
            h = (h * -1521134295) + RuntimeHelpers.GetHashCode(_targets);
            h = (h * -1521134295) + _meansAnswers.GetHashCode();
            h = (h * -1521134295) + _targetAnswers.GetHashCode();
            return (h * -1521134295) + _domain;
        }
    }

    /// <summary>
    /// The facts <c>Decide</c> reads. Text facts come from per-file caches, so they are compared by reference: equal references mean
    /// equal values; equal values under different references only cost a second entry.
    /// </summary>
    private readonly struct Key(object? party, Facets facets, object? place, int earliest, int latest, int answers, int small) : IEquatable<Key>
    {
        private readonly object? _party = party;
        private readonly Facets _facets = facets;
        private readonly object? _place = place;
        private readonly int _earliest = earliest;
        private readonly int _latest = latest;
        private readonly int _answers = answers;
        private readonly int _small = small;

        public bool Equals(Key other) =>
            ReferenceEquals(_party, other._party) && _facets.Equals(other._facets) && ReferenceEquals(_place, other._place)
            && _earliest == other._earliest && _latest == other._latest && _answers == other._answers && _small == other._small;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        // A plain multiplicative mix: the parts are already well spread (identity hashes, small ints), so HashCode's avalanche is not needed.
        public override int GetHashCode()
        {
            var h = RuntimeHelpers.GetHashCode(_party);
            h = (h * -1521134295) + _facets.GetHashCode();
            h = (h * -1521134295) + RuntimeHelpers.GetHashCode(_place);
            h = (h * -1521134295) + _earliest;
            h = (h * -1521134295) + _latest;
            h = (h * -1521134295) + _answers;
            return (h * -1521134295) + _small;
        }
    }
}
