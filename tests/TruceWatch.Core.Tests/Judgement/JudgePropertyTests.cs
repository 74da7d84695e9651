using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Invariants of judgement over generated incidents, against the bundled terms and a few written for the purpose.</summary>
public sealed class JudgePropertyTests
{
    public static IReadOnlyList<Agreement> Agreements { get; } =
    [
        Bundled.EnergyMoratorium,
        Bundled.UaPartialTruce,
        Some.Terms("window: { start: 2025-03-05T00:00:00+02:00, duration: PT30H }", """
            - id: no-air-strikes
              prohibits: { domain: [air] }
              except:
                - target: [military]
                - { domain: [air], means: [drone.fpv, artillery] }
            """, id: "hand-written-air"),
        Some.Terms("window: { start: 2025-03-18T00:00:00+03:00 }", """
            - id: russia-spares-the-grid
              binds: [RU]
              prohibits:
                means: [missile.cruise, drone.long-range]
                target: [energy.grid, energy.generation.nuclear]
              except:
                - target: [military.defence-industry]
            - id: ukraine-spares-refineries
              binds: [UA]
              prohibits: { domain: [air, sea], target: [energy.oil.refinery] }
            """, id: "hand-written-reciprocal"),
        Some.Terms("", """
            - id: no-sea-war
              prohibits: { domain: [sea] }
              except:
                - means: [naval.vessel]
            - id: no-strikes-on-hospitals
              prohibits: { target: [civilian.medical] }
            """, id: "hand-written-no-window"),
        Bundled.Load("holiday-ceasefires-2025.yaml"),
        Bundled.EnergyMoratorium.Under("from-riyadh-25-march")! with { Id = "energy-moratorium-2025-from-riyadh" },
        Bundled.EnergyMoratorium.Under("hits-only")! with { Id = "energy-moratorium-2025-hits-only" },
        Some.Agreement(File.ReadAllText(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"))),
        Some.Agreement("""
            id: open-arrangement-with-a-holiday
            version: 1
            title: An open-ended arrangement with a holiday truce inside it and an amendment
            parties: [UA, RU]
            window: { start: 2025-03-18T00:00, zone: Europe/Moscow }
            clauses:
              - { id: energy, binds: all, prohibits: { target: [energy] } }
              - id: holiday
                binds: [RU]
                window:
                  - { start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
                  - { end: 2025-03-25, zone: Europe/Kyiv }
                prohibits: { domain: [air, sea] }
                except: [{ target: [military] }]
            amendments:
              - { version: 2, from: 2025-04-20T00:00, zone: Europe/Moscow, replace: [{ id: energy, binds: [RU], prohibits: { target: [energy.grid] } }] }
            """),
    ];

    [Property(Arbitrary = [typeof(Generated)], MaxTest = 1000)]
    public void Decide_and_Assess_give_the_same_verdict(Facts facts)
    {
        var incident = facts.ToIncident();
        foreach (var agreement in Agreements)
        {
            Judge.Decide(incident, agreement).ShouldBe(Judge.Assess(incident, agreement).Verdict, $"{agreement.Id}: {facts}");
        }
    }

    [Property(Arbitrary = [typeof(Generated)], MaxTest = 500)]
    public void The_trace_agrees_with_the_verdict(Facts facts)
    {
        var incident = facts.ToIncident();
        foreach (var agreement in Agreements)
        {
            var a = Judge.Assess(incident, agreement);
            var trace = a.Trace;
            var because = $"{agreement.Id}: {facts} → {a.Verdict.ToText()} ({trace.Reason})";

            trace.Reason.ShouldStartWith(a.Verdict.ToText() + ": ", Case.Sensitive, because);
            if (trace.Reason.Contains("judge it differently", StringComparison.Ordinal))
            {
                // The event may fall either side of an amendment that changes its verdict: the trace is the latest version's, and only
                // the exact time can settle it.
                a.Verdict.ShouldBe(Verdict.Indeterminate, because);
                trace.MissingFacts.ShouldBe(["time"], because);
                continue;
            }

            trace.Clauses.Select(c => c.ClauseId).ShouldBe(agreement.AsOfVersion(a.AgreementVersion)!.Clauses.Select(c => c.Id), because);
            (trace.MissingFacts.Count > 0).ShouldBe(a.Verdict == Verdict.Indeterminate, because);
            trace.MissingFacts.ShouldBeUnique(because);
            (trace.Window.Value == Tri.False).ShouldBe(a.Verdict == Verdict.OutsideWindow, because);

            var breached = trace.Clauses.Any(c => c.Outcome == ClauseOutcome.Breached);
            (a.Verdict == Verdict.Violation).ShouldBe(trace.Window.Value == Tri.True && breached, because);
            if (a.Verdict == Verdict.Permitted)
            {
                trace.Clauses.ShouldContain(c => c.Outcome == ClauseOutcome.Excepted, because);
            }

            if (a.Verdict == Verdict.OutOfScope)
            {
                trace.Clauses.ShouldAllBe(c => c.Outcome == ClauseOutcome.Cleared, because);
            }

            foreach (var clause in trace.Clauses)
            {
                var conditions = clause.Conditions.Select(c => c.Value).Aggregate(Tri.True, Kleene.And);
                var except = clause.Exceptions.Select(e => e.Value).Aggregate(Tri.False, Kleene.Or);
                foreach (var exception in clause.Exceptions)
                {
                    exception.Value.ShouldBe(exception.Conditions.Select(c => c.Value).Aggregate(Tri.True, Kleene.And), because);
                }

                var holds = Kleene.And(conditions, Kleene.Not(except));
                clause.Outcome.ShouldBe(
                    holds switch
                    {
                        Tri.True => ClauseOutcome.Breached,
                        Tri.Unknown => ClauseOutcome.Indeterminate,
                        _ => conditions != Tri.False && except == Tri.True ? ClauseOutcome.Excepted : ClauseOutcome.Cleared,
                    },
                    because);
            }
        }
    }

    /// <summary>Kleene logic is monotone: learning a fact the report left unknown (or gave coarsely) can settle an indeterminate verdict but never overturn a decided one.</summary>
    [Property(Arbitrary = [typeof(Generated)], MaxTest = 1000)]
    public void Learning_more_never_overturns_a_decided_verdict(Refinement refinement)
    {
        var vague = refinement.Vague.ToIncident();
        var known = refinement.Known.ToIncident();
        foreach (var agreement in Agreements)
        {
            var before = Judge.Decide(vague, agreement);
            var after = Judge.Decide(known, agreement);
            var because = $"{agreement.Id}: {refinement.Vague} → {before.ToText()}, but {refinement.Known} → {after.ToText()}";
            switch (before)
            {
                case Verdict.Violation:
                    after.ShouldBe(Verdict.Violation, because);
                    break;
                case Verdict.Permitted or Verdict.OutOfScope or Verdict.OutsideWindow:
                    after.ShouldBeOneOf([Verdict.Permitted, Verdict.OutOfScope, Verdict.OutsideWindow], because);
                    break;
            }
        }
    }

    [Property(Arbitrary = [typeof(Generated)], MaxTest = 300)]
    public void Judging_is_pure(Facts facts)
    {
        var incident = facts.ToIncident();
        foreach (var agreement in Agreements)
        {
            var first = Judge.Assess(incident, agreement);
            var second = Judge.Assess(facts.ToIncident(), agreement);
            second.Verdict.ShouldBe(first.Verdict);
            second.Trace.Reason.ShouldBe(first.Trace.Reason);
            second.Trace.MissingFacts.ShouldBe(first.Trace.MissingFacts);
        }
    }

    [Fact]
    public void The_generated_incidents_reach_every_verdict_so_the_properties_above_mean_something()
    {
        var sample = Generated.Facts().Generator.Sample(3000).Select(f => f.ToIncident()).ToList();
        var seen = Agreements.ToDictionary(a => a.Id, a => sample.Select(i => Judge.Decide(i, a)).ToHashSet());

        seen.Values.SelectMany(v => v).Distinct().ShouldBe(Verdicts.All, ignoreOrder: true);
        seen["energy-moratorium-2025"].ShouldBe([Verdict.Violation, Verdict.Indeterminate, Verdict.OutOfScope, Verdict.OutsideWindow], ignoreOrder: true);
        seen["ua-partial-air-sea-truce-2025"].ShouldBe([Verdict.Violation, Verdict.Indeterminate, Verdict.OutOfScope, Verdict.OutsideWindow], ignoreOrder: true);
        seen["hand-written-air"].ShouldBe(Verdicts.All, ignoreOrder: true);
        seen["hand-written-no-window"].ShouldNotContain(Verdict.OutsideWindow);
        seen["hand-written-no-window"].ShouldContain(Verdict.Permitted);
    }

    /// <summary>The facts of a one-report incident, any of which may be unknown.</summary>
    public sealed record Facts(string? Perpetrator, ReportedTime Time, StrikeDomain? Domain, string? Means, IReadOnlyList<string> Targets)
    {
        public Incident ToIncident() =>
            Some.Incident().By(Perpetrator).WithTime(Time).In(Domain).Means(Means).Hitting([.. Targets]).Build();

        public override string ToString()
        {
            var time = Time.IsKnown
                ? $"{IsoTime.Format(Time.Start!.Value)}{(Time.End is { } e ? "/" + IsoTime.Format(e) : "")} ({Time.Precision.ToText()})"
                : "?";
            return $"[by {Perpetrator ?? "?"} at {time} in {Domain?.ToText() ?? "?"} with {Means ?? "?"} on {(Targets.Count == 0 ? "?" : string.Join(";", Targets))}]";
        }
    }

    /// <summary>The same incident reported vaguely and then fully.</summary>
    public sealed record Refinement(Facts Vague, Facts Known);

    public static class Generated
    {
        // The edges of every window above, so that generated times often fall on or across them.
        private static readonly DateTimeOffset[] Edges =
        [
            Some.Instant("2025-03-05T00:00:00+02:00"),
            Some.Instant("2025-03-06T06:00:00+02:00"),
            Some.Instant("2025-04-04T00:00:00+02:00"),
            Some.Instant("2025-03-18T00:00:00+03:00"),
            Some.Instant("2025-04-17T00:00:00+03:00"),
            Some.Instant("2025-03-25T12:00:00+02:00"),
            Some.Instant("2025-03-25T00:00:00+02:00"),
            Some.Instant("2025-04-19T18:00:00+03:00"),
            Some.Instant("2025-04-21T00:00:00+03:00"),
            Some.Instant("2025-04-20T00:00:00+03:00"),
            Some.Instant("2025-04-01T12:00:00+03:00"),
            Some.Instant("2025-04-10T00:00:00+03:00"),
            Some.Instant("2025-05-08T00:00:00+03:00"),
        ];

        private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(-5)];

        private static readonly string[] KnownTargets = [.. Targets.Vocabulary.All.Where(t => t != "unknown")];

        private static Gen<string> Party => Gen.Elements("UA", "RU", "BY");

        private static Gen<StrikeDomain> Domain => Gen.Elements(StrikeDomain.Air, StrikeDomain.Sea, StrikeDomain.Land);

        private static Gen<string> Means => Gen.Elements(MeansClasses.Vocabulary.All.ToArray());

        private static Gen<ReportedTime> KnownTime =>
            from edge in Gen.Elements(Edges)
            from minutes in Gen.Frequency((3, Gen.Choose(-180, 180)), (1, Gen.Choose(-3 * 1440, 3 * 1440)), (1, Gen.Choose(-40 * 1440, 40 * 1440)))
            from offset in Gen.Elements(Offsets)
            from precision in Gen.Elements(TimePrecision.Second, TimePrecision.Minute, TimePrecision.Hour, TimePrecision.Day)
            from span in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 48 * 60)))
            let start = (edge + TimeSpan.FromMinutes(minutes)).ToOffset(offset)
            select new ReportedTime(start, span < 0 ? null : start + TimeSpan.FromMinutes(span), precision);

        private static Gen<string[]> SomeKnownTargets =>
            from count in Gen.Choose(1, 3)
            from targets in Gen.ArrayOf(Gen.Elements(KnownTargets), count)
            select targets;

        private static Gen<T?> OrUnknown<T>(Gen<T> gen)
            where T : struct =>
            Gen.Frequency((4, gen.Select(v => (T?)v)), (1, Gen.Constant((T?)null)));

        private static Gen<string?> OrUnknown(Gen<string> gen) =>
            Gen.Frequency((4, gen.Select(v => (string?)v)), (1, Gen.Constant((string?)null)));

        private static Gen<Facts> AnyFacts =>
            from perpetrator in OrUnknown(Party)
            from time in Gen.Frequency((6, KnownTime), (1, Gen.Constant(ReportedTime.Unknown)))
            from domain in OrUnknown(Domain)
            from means in OrUnknown(Means)
            from targets in Gen.Frequency(
                (6, SomeKnownTargets),
                (1, Gen.Constant(Array.Empty<string>())),
                (1, SomeKnownTargets.Select(t => t.Append("unknown").ToArray())),
                (1, Gen.Constant(new[] { "unknown" })))
            select new Facts(perpetrator, time, domain, means, targets);

        private static Gen<Facts> KnownFacts =>
            from perpetrator in Party
            from time in KnownTime
            from domain in Domain
            from means in Means
            from targets in SomeKnownTargets
            select new Facts(perpetrator, time, domain, means, targets);

        /// <summary>A fully known incident, and the same with some facts forgotten or made coarser (a parent path, or <c>unknown</c>).</summary>
        private static Gen<Refinement> Refinements =>
            from known in KnownFacts
            from forget in Gen.ArrayOf(Gen.Elements(false, false, true), 5)
            from coarsen in Gen.ArrayOf(Gen.Elements(0, 0, 1, 2), known.Targets.Count + 1)
            let means = forget[3] ? null : coarsen[0] > 0 ? Parent(known.Means!) : known.Means
            let targets = forget[4]
                ? (IReadOnlyList<string>)[]
                : [.. known.Targets.Select((t, i) => coarsen[i + 1] switch { 0 => t, 1 => Parent(t), _ => "unknown" })]
            select new Refinement(
                new Facts(
                    forget[0] ? null : known.Perpetrator,
                    forget[1] ? ReportedTime.Unknown : known.Time,
                    forget[2] ? null : known.Domain,
                    means,
                    targets),
                known);

        public static Arbitrary<Facts> Facts() => Arb.From(AnyFacts);

        public static Arbitrary<Refinement> Refinement() => Arb.From(Refinements);

        private static string Parent(string path)
        {
            var dot = path.LastIndexOf('.');
            return dot < 0 ? path : path[..dot];
        }
    }
}
