using System.Collections.Immutable;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Judgement;

/// <summary>
/// Judges incidents against agreement terms in three-valued (Kleene) logic. Pure: the same incident and terms always give the same result.
/// </summary>
/// <remarks>
/// A clause holds when <c>binds ∧ prohibits ∧ ¬(except₁ ∨ except₂ …)</c>. A prohibited target matches when <em>any</em> target of the
/// incident falls under it; an excepted target only when <em>all</em> do, so a strike that hit a depot and a substation is not excused
/// by the depot. The verdict is <c>window ∧ (clause₁ ∨ clause₂ …)</c>: true is a violation, unknown is indeterminate, false is
/// outside-window, permitted or out-of-scope.
/// </remarks>
public static class Judge
{
    /// <summary>The verdict alone, without building a trace: the hot path for bulk series.</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="agreement">The terms.</param>
    /// <param name="map">The map for place conditions (distances, occupation); without it they are unknown where they need it.</param>
    public static Verdict Decide(Incident incident, Agreement agreement, IGeography? map = null)
    {
        if (agreement.Amendments.Count > 0)
        {
            // Every version in force at some moment the event may have happened must agree; they were built once for this agreement.
            var versions = Versions.Of(agreement);
            Verdict? first = null;
            for (var v = 0; v < versions.Length; v++)
            {
                if (!Versions.Overlaps(incident.Time, agreement.Amendments, v))
                {
                    continue;
                }

                var verdict = Decide(incident, versions[v], map);
                if (first is { } f && verdict != f)
                {
                    return Verdict.Indeterminate;
                }

                first = verdict;
            }

            return first ?? Verdict.Indeterminate;
        }

        var window = InWindows(incident.Time, agreement.Windows);
        if (window == Tri.False)
        {
            return Verdict.OutsideWindow;
        }

        var any = Tri.False;
        var excepted = false;
        var clauses = agreement.Clauses;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var scope = Kleene.And(Binds(incident.Perpetrator, clause.Binds, agreement.Parties), Matches(incident, clause.Prohibits, all: false, map));
            if (clause.Windows.Count > 0 && scope != Tri.False)
            {
                scope = Kleene.And(scope, InWindows(incident.Time, clause.Windows));
            }

            if (clause.Counts != StrikeStage.Launched && scope != Tri.False)
            {
                scope = Kleene.And(scope, Stage(incident, clause.Counts));
            }

            if (scope == Tri.False)
            {
                continue;
            }

            var except = Tri.False;
            var exceptions = clause.Except;
            for (var e = 0; e < exceptions.Count && except != Tri.True; e++)
            {
                except = Kleene.Or(except, Matches(incident, exceptions[e], all: true, map));
            }

            excepted |= except == Tri.True;
            any = Kleene.Or(any, Kleene.And(scope, Kleene.Not(except)));
        }

        return Combine(Kleene.And(window, any), excepted);
    }

    /// <summary>The verdict with a full trace: every clause, every condition, its value and the fact it read.</summary>
    public static Assessment Assess(Incident incident, Agreement agreement, IGeography? map = null)
    {
        if (agreement.Amendments.Count > 0)
        {
            var versions = Versions.InForce(incident.Time, agreement);
            var assessments = versions.Select(v => Assess(incident, v, map)).ToList();
            if (assessments.All(a => a.Verdict == assessments[0].Verdict))
            {
                return assessments[^1];
            }

            // The event may fall on either side of an amendment that changes its verdict: when it happened decides.
            var moments = string.Join(", ", agreement.Amendments.Where(a => versions.Any(v => v.Version == a.Version)).Select(a => $"v{a.Version} from {IsoTime.FormatKyiv(a.From)}"));
            return assessments[^1] with
            {
                Verdict = Verdict.Indeterminate,
                Trace = assessments[^1].Trace with
                {
                    MissingFacts = [FactName("time")],
                    Reason = $"indeterminate: time unknown — versions {string.Join(", ", versions.Select(v => $"v{v.Version}"))} judge it differently ({moments})",
                },
            };
        }

        var window = InWindows(incident.Time, agreement.Windows);
        var windowTrace = new ConditionTrace("window", window, Describe(agreement.Windows), "time", Describe(incident.Time));

        var any = Tri.False;
        var excepted = false;
        var clauseTraces = new List<ClauseTrace>(agreement.Clauses.Count);
        var missing = new List<string>();
        foreach (var clause in agreement.Clauses)
        {
            var conditions = new List<ConditionTrace>(4);
            var scope = Tri.True;
            if (clause.Windows.Count > 0)
            {
                // The clause's own window, inside the agreement's: outside it the clause is cleared, not the agreement outside its window.
                scope = InWindows(incident.Time, clause.Windows);
                conditions.Add(new ConditionTrace("window", scope, Describe(clause.Windows), "time", Describe(incident.Time)));
            }

            var binds = Binds(incident.Perpetrator, clause.Binds, agreement.Parties);
            conditions.Add(new ConditionTrace("binds", binds, clause.Binds.IsAll ? $"all [{Join(agreement.Parties)}]" : clause.Binds.ToString(), "perpetrator", incident.Perpetrator?.ToString()));
            scope = Kleene.And(scope, Kleene.And(binds, Trace(incident, clause.Prohibits, all: false, map, conditions)));
            if (clause.Counts != StrikeStage.Launched)
            {
                var stage = Stage(incident, clause.Counts);
                conditions.Add(new ConditionTrace("counts", stage, clause.Counts == StrikeStage.Hit ? "hit" : "hit with reported casualties", "outcome", Describe(incident)));
                scope = Kleene.And(scope, stage);
            }


            var except = Tri.False;
            var exceptionTraces = new List<ExceptionTrace>(clause.Except.Count);
            for (var e = 0; e < clause.Except.Count; e++)
            {
                var exceptionConditions = new List<ConditionTrace>(3);
                var value = Trace(incident, clause.Except[e], all: true, map, exceptionConditions);
                exceptionTraces.Add(new ExceptionTrace(e, value, exceptionConditions));
                except = Kleene.Or(except, value);
            }

            var holds = Kleene.And(scope, Kleene.Not(except));
            var outcome = holds switch
            {
                Tri.True => ClauseOutcome.Breached,
                Tri.Unknown => ClauseOutcome.Indeterminate,
                _ => scope != Tri.False && except == Tri.True ? ClauseOutcome.Excepted : ClauseOutcome.Cleared,
            };
            excepted |= outcome == ClauseOutcome.Excepted;
            any = Kleene.Or(any, holds);
            clauseTraces.Add(new ClauseTrace(clause.Id, outcome, conditions, exceptionTraces));

            if (holds == Tri.Unknown)
            {
                CollectMissing(conditions, missing);
                foreach (var exception in exceptionTraces)
                {
                    if (exception.Value == Tri.Unknown)
                    {
                        CollectMissing(exception.Conditions, missing);
                    }
                }
            }
        }

        var overall = Kleene.And(window, any);
        if (window == Tri.Unknown && any != Tri.False)
        {
            // First, and once: a clause's own window may have named the time already.
            missing.Remove(FactName("time"));
            missing.Insert(0, FactName("time"));
        }

        var verdict = window == Tri.False ? Verdict.OutsideWindow : Combine(overall, excepted);
        if (verdict != Verdict.Indeterminate)
        {
            missing.Clear();
        }

        var trace = new AssessmentTrace(windowTrace, clauseTraces, missing, Reason(verdict, clauseTraces, missing));
        return new Assessment(incident.Id, agreement.Id, agreement.Version, verdict, trace);
    }

    /// <summary>
    /// The version numbers of <paramref name="agreement"/> in force at some moment of [<paramref name="from"/>, <paramref name="to"/>)
    /// (open where <c>null</c>), oldest first: the ones a replay of that period judges under.
    /// </summary>
    public static IReadOnlyList<int> VersionsDuring(Agreement agreement, DateTimeOffset? from, DateTimeOffset? to) => Versions.During(agreement, from, to);

    private static Verdict Combine(Tri overall, bool excepted) => overall switch
    {
        Tri.True => Verdict.Violation,
        Tri.Unknown => Verdict.Indeterminate,
        _ => excepted ? Verdict.Permitted : Verdict.OutOfScope,
    };

    /// <summary>In any of the windows (none: always); unknown when the report's span straddles an edge and no window holds it whole.</summary>
    internal static Tri InWindows(ReportedTime time, IReadOnlyList<AgreementWindow> windows)
    {
        if (windows.Count == 0)
        {
            return Tri.True;
        }

        var value = Tri.False;
        for (var i = 0; i < windows.Count && value != Tri.True; i++)
        {
            value = Kleene.Or(value, InWindow(time, windows[i]));
        }

        return value;
    }

    /// <summary>Start inclusive, end exclusive; a report whose possible span straddles an edge is unknown.</summary>
    internal static Tri InWindow(ReportedTime time, AgreementWindow? window)
    {
        if (window is null)
        {
            return Tri.True;
        }

        if (time.Earliest is not { } earliest || time.Latest is not { } latest)
        {
            return Tri.Unknown;
        }

        var start = window.Start ?? DateTimeOffset.MinValue;
        var startsInside = earliest >= start && (window.End is not { } end1 || earliest < end1);
        var endsInside = latest >= start && (window.End is not { } end2 || latest < end2);
        if (startsInside && endsInside)
        {
            return Tri.True;
        }

        var entirelyBefore = latest < start;
        var entirelyAfter = window.End is { } end && earliest >= end;
        return entirelyBefore || entirelyAfter ? Tri.False : Tri.Unknown;
    }

    internal static Tri Binds(PartyCode? perpetrator, Binds binds, IReadOnlyList<PartyCode> parties)
    {
        if (perpetrator is not { } p)
        {
            return Tri.Unknown;
        }

        var bound = binds.Parties ?? parties;
        for (var i = 0; i < bound.Count; i++)
        {
            if (bound[i] == p)
            {
                return Tri.True;
            }
        }

        return Tri.False;
    }

    private static Tri Matches(Incident incident, Criteria criteria, bool all, IGeography? map)
    {
        var value = Tri.True;
        if (criteria.Domains is { } domains)
        {
            value = Kleene.And(value, Domain(incident.Domain, domains));
        }

        if (criteria.Means is { } means && value != Tri.False)
        {
            value = Kleene.And(value, Means(incident.Means, means));
        }

        if (criteria.Targets is { } targets && value != Tri.False)
        {
            value = Kleene.And(value, Target(incident.Targets, targets, all));
        }

        if (criteria.Where is { } where && value != Tri.False)
        {
            value = Kleene.And(value, PlaceJudge.Evaluate(incident, where, map));
        }

        return value;
    }

    private static Tri Trace(Incident incident, Criteria criteria, bool all, IGeography? map, List<ConditionTrace> into)
    {
        var value = Tri.True;
        if (criteria.Domains is { } domains)
        {
            var v = Domain(incident.Domain, domains);
            into.Add(new ConditionTrace("domain", v, $"[{string.Join(", ", domains.Select(d => d.ToText()))}]", "domain", incident.Domain?.ToText()));
            value = Kleene.And(value, v);
        }

        if (criteria.Means is { } means)
        {
            var v = Means(incident.Means, means);
            into.Add(new ConditionTrace("means", v, $"[{Join(means)}]", "means", incident.Means?.Value));
            value = Kleene.And(value, v);
        }

        if (criteria.Targets is { } targets)
        {
            var v = Target(incident.Targets, targets, all);
            var expected = all ? $"all targets within [{Join(targets)}]" : $"any target within [{Join(targets)}]";
            into.Add(new ConditionTrace("target", v, expected, "target", incident.Targets.IsDefaultOrEmpty ? null : Join(incident.Targets)));
            value = Kleene.And(value, v);
        }

        if (criteria.Where is { } where)
        {
            value = Kleene.And(value, PlaceJudge.Trace(incident, where, map, into));
        }

        return value;
    }

    /// <summary>
    /// Whether the strike reached the stage that counts. Hit: a hit count above zero is a hit and zero is none; without one, every launch
    /// intercepted is none, and a launch not all intercepted is unknown (it may have missed). Effect: a hit with reported dead or injured.
    /// </summary>
    internal static Tri Stage(Incident incident, StrikeStage stage)
    {
        var c = incident.Counts;
        var hit = c.Hits is { } h ? (h > 0 ? Tri.True : Tri.False)
            : c.Launched is { } launched && c.Intercepted is { } intercepted && intercepted >= launched ? Tri.False
            : Tri.Unknown;
        if (stage != StrikeStage.Effect || hit == Tri.False)
        {
            return hit;
        }

        var harm = incident.Reports.IsDefaultOrEmpty ? default : incident.Reports[0].Harm;
        return harm.Killed > 0 || harm.Injured > 0 ? Tri.True : Tri.Unknown;
    }

    internal static Tri Domain(StrikeDomain? domain, IReadOnlyList<StrikeDomain> allowed)
    {
        if (domain is not { } d)
        {
            return Tri.Unknown;
        }

        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i] == d)
            {
                return Tri.True;
            }
        }

        return Tri.False;
    }

    internal static Tri Means(TaxonomyPath? means, IReadOnlyList<TaxonomyPath> rules)
    {
        if (means is not { } m)
        {
            return Tri.Unknown;
        }

        var value = Tri.False;
        for (var i = 0; i < rules.Count && value != Tri.True; i++)
        {
            value = Kleene.Or(value, m.Matches(rules[i]));
        }

        return value;
    }

    /// <summary>Any-match for prohibitions, all-match for exceptions; an <c>unknown</c> target or none at all is unknown.</summary>
    internal static Tri Target(ImmutableArray<TaxonomyPath> targets, IReadOnlyList<TaxonomyPath> rules, bool all)
    {
        if (targets.IsDefaultOrEmpty)
        {
            return Tri.Unknown;
        }

        var value = all ? Tri.True : Tri.False;
        foreach (var target in targets)
        {
            var v = Tri.False;
            if (target == Targets.Unknown)
            {
                v = Tri.Unknown;
            }
            else
            {
                for (var i = 0; i < rules.Count && v != Tri.True; i++)
                {
                    v = Kleene.Or(v, target.Matches(rules[i]));
                }
            }

            value = all ? Kleene.And(value, v) : Kleene.Or(value, v);
        }

        return value;
    }

    private static void CollectMissing(IReadOnlyList<ConditionTrace> conditions, List<string> missing)
    {
        foreach (var condition in conditions)
        {
            var name = FactName(condition.Fact);
            if (condition.Value == Tri.Unknown && !missing.Contains(name))
            {
                missing.Add(name);
            }
        }
    }

    private static string FactName(string fact) => fact switch
    {
        "target" => "target category",
        "perpetrator" => "perpetrator",
        "means" => "means",
        "domain" => "domain",
        "time" => "time",
        "place" => "location",
        "outcome" => "whether it hit",
        _ => fact,
    };

    private static string Reason(Verdict verdict, IReadOnlyList<ClauseTrace> clauses, IReadOnlyList<string> missing)
    {
        switch (verdict)
        {
            case Verdict.Violation:
                return $"violation: breaches {string.Join(", ", clauses.Where(c => c.Outcome == ClauseOutcome.Breached).Select(c => c.ClauseId))}";
            case Verdict.Permitted:
                return $"permitted: excepted under {string.Join(", ", clauses.Where(c => c.Outcome == ClauseOutcome.Excepted).Select(c => c.ClauseId))}";
            case Verdict.Indeterminate:
                var unknown = missing.Count == 0 ? "a fact" : string.Join(", ", missing.Count == 1 ? missing : missing.Take(missing.Count - 1)) + (missing.Count > 1 ? $" and {missing[^1]}" : "");
                return $"indeterminate: {unknown} unknown";
            case Verdict.OutsideWindow:
                return "outside-window: happened outside the agreement's window";
            default:
                return "out-of-scope: no clause covers it";
        }
    }

    private static string Describe(IReadOnlyList<AgreementWindow> windows) => windows.Count switch
    {
        0 => "always",
        1 when windows[0] is { Start: { } start, Zone: null, Name: null } w => w.End is { } end
            ? $"[{start:yyyy-MM-ddTHH:mm:sszzz}, {end:yyyy-MM-ddTHH:mm:sszzz})"
            : $"[{start:yyyy-MM-ddTHH:mm:sszzz}, open)",
        _ => string.Join(" or ", windows.Select(w => w.ToString())),
    };

    private static string? Describe(ReportedTime time)
    {
        if (time.Start is not { } start)
        {
            return null;
        }

        var text = IsoTime.FormatKyiv(start);
        if (time.End is { } end && end != start)
        {
            text += "/" + IsoTime.FormatKyiv(end);
        }

        return $"{text} ({time.Precision.ToText()})";
    }

    private static string? Describe(Incident incident)
    {
        var c = incident.Counts;
        if (c.Launched is null && c.Intercepted is null && c.Hits is null)
        {
            return null;
        }

        static string N(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        return $"launched {N(c.Launched)}, intercepted {N(c.Intercepted)}, hits {N(c.Hits)}";
    }

    private static string Join<T>(IEnumerable<T> items) => string.Join(", ", items);
}
