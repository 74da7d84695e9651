using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>An unknown fact makes the verdict indeterminate only when a clause depends on it, and the trace names it.</summary>
public sealed class UnknownFactTests
{
    private const string LongRange = "no-long-range-strikes-on-civilian-infrastructure";
    private const string Naval = "no-naval-attacks";

    private static readonly Agreement Ua = Bundled.UaPartialTruce;
    private static readonly Agreement Moratorium = Bundled.EnergyMoratorium;

    /// <summary>A strike that breaches the long-range clause of the Ukrainian proposal when every fact is known.</summary>
    private static IncidentBuilder CruiseMissileOnSubstation() =>
        Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid.substation");

    private static IncidentBuilder Forget(IncidentBuilder incident, string fact) => fact switch
    {
        "perpetrator" => incident.ByUnknown(),
        "time" => incident.AtUnknownTime(),
        "domain" => incident.InUnknownDomain(),
        "means" => incident.ByUnknownMeans(),
        "no target" => incident.HittingNothingNamed(),
        "target unknown" => incident.Hitting("unknown"),
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, null),
    };

    [Theory]
    [InlineData("perpetrator", "perpetrator", "binds", "perpetrator")]
    [InlineData("domain", "domain", "domain", "domain")]
    [InlineData("means", "means", "means", "means")]
    [InlineData("no target", "target category", "target", "target")]
    [InlineData("target unknown", "target category", "target", "target")]
    public void Each_unknown_fact_a_clause_depends_on_makes_the_verdict_indeterminate_and_is_named(
        string forgotten, string missingFact, string condition, string fact)
    {
        Incidents.Incident incident = Forget(CruiseMissileOnSubstation(), forgotten);
        var a = Judge.Assess(incident, Ua);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        Judge.Decide(incident, Ua).ShouldBe(Verdict.Indeterminate);
        a.Trace.Window.Value.ShouldBe(Tri.True);
        var clause = a.Clause(LongRange);
        clause.Outcome.ShouldBe(ClauseOutcome.Indeterminate);
        clause.Condition(condition).Value.ShouldBe(Tri.Unknown);
        clause.Condition(condition).Fact.ShouldBe(fact);
        clause.Conditions.Where(c => c.Condition != condition).ShouldAllBe(c => c.Value == Tri.True);
        a.Trace.MissingFacts.ShouldBe([missingFact]);
        a.Trace.Reason.ShouldBe($"indeterminate: {missingFact} unknown");
    }

    [Theory]
    [InlineData("perpetrator", null)]
    [InlineData("domain", null)]
    [InlineData("means", null)]
    [InlineData("no target", null)]
    [InlineData("target unknown", "unknown")]
    public void The_trace_shows_an_unknown_fact_as_its_reported_value_or_null(string forgotten, string? factValue)
    {
        var a = Judge.Assess(Forget(CruiseMissileOnSubstation(), forgotten), Ua);
        a.Clause(LongRange).Conditions.Single(c => c.Value == Tri.Unknown).FactValue.ShouldBe(factValue);
    }

    [Fact]
    public void Unknown_time_makes_a_breach_indeterminate_with_time_named()
    {
        var a = Judge.Assess(CruiseMissileOnSubstation().AtUnknownTime(), Ua);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.Window.ShouldRead(Tri.Unknown, "time", null);
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Breached);
        a.Trace.MissingFacts.ShouldBe(["time"]);
        a.Trace.Reason.ShouldBe("indeterminate: time unknown");
    }

    [Fact]
    public void Unknown_domain_is_named_once_though_two_clauses_need_it()
    {
        var a = Judge.Assess(CruiseMissileOnSubstation().InUnknownDomain(), Ua);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Indeterminate);
        a.Clause(Naval).Outcome.ShouldBe(ClauseOutcome.Indeterminate);
        a.Clause(Naval).Condition("domain").ShouldRead(Tri.Unknown, "domain", null);
        a.Trace.MissingFacts.ShouldBe(["domain"]);
    }

    [Fact]
    public void Several_unknown_facts_are_all_named_in_the_reason()
    {
        var two = Judge.Assess(CruiseMissileOnSubstation().ByUnknown().Hitting("unknown"), Ua);
        two.Verdict.ShouldBe(Verdict.Indeterminate);
        two.Trace.MissingFacts.ShouldBe(["perpetrator", "target category"]);
        two.Trace.Reason.ShouldBe("indeterminate: perpetrator and target category unknown");

        var three = Judge.Assess(CruiseMissileOnSubstation().ByUnknown().AtUnknownTime().HittingNothingNamed(), Ua);
        three.Verdict.ShouldBe(Verdict.Indeterminate);
        three.Trace.MissingFacts.ShouldBe(["time", "perpetrator", "target category"]);
        three.Trace.Reason.ShouldBe("indeterminate: time, perpetrator and target category unknown");
    }

    public static TheoryData<string, string> UnknownsThatDoNotMatter => new()
    {
        // Land artillery: both clauses of the Ukrainian proposal are cleared by domain (and means), whatever else is unknown.
        { "perpetrator", "artillery" },
        { "time", "artillery" },
        { "no target", "artillery" },
        { "target unknown", "artillery" },
        // A missile on a military depot: the long-range clause is cleared by target, the naval one by domain.
        { "perpetrator", "depot" },
        { "time", "depot" },
        { "means", "depot" },
    };

    [Theory]
    [MemberData(nameof(UnknownsThatDoNotMatter))]
    public void An_unknown_fact_does_not_matter_when_another_condition_is_false(string forgotten, string strike)
    {
        var incident = strike == "artillery"
            ? Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Land().Means("artillery.tube").Hitting("civilian.residential")
            : Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("military.depot");
        Incidents.Incident built = Forget(incident, forgotten);

        var a = Judge.Assess(built, Ua);
        a.Verdict.ShouldBe(Verdict.OutOfScope);
        Judge.Decide(built, Ua).ShouldBe(Verdict.OutOfScope);
        a.Trace.Clauses.ShouldAllBe(c => c.Outcome == ClauseOutcome.Cleared);
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe("out-of-scope: no clause covers it");
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("means")]
    public void An_unknown_fact_no_clause_asks_about_does_not_matter(string forgotten)
    {
        Incidents.Incident incident = Forget(
            Some.Incident().By("UA").At("2025-03-25T02:00+03:00").Air().Means("drone.long-range").Hitting("energy.oil.refinery"),
            forgotten);

        var a = Judge.Assess(incident, Moratorium);
        a.Verdict.ShouldBe(Verdict.Violation);
        Judge.Decide(incident, Moratorium).ShouldBe(Verdict.Violation);
        a.Clause("no-strikes-on-energy-infrastructure").Values().ShouldBe("binds=true target=true");
        a.Trace.MissingFacts.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_domain_does_not_matter_when_the_moratorium_target_is_not_energy()
    {
        var a = Judge.Assess(Some.Incident().By("UA").At("2025-03-25T02:00+03:00").InUnknownDomain().Hitting("military.airbase"), Moratorium);
        a.Verdict.ShouldBe(Verdict.OutOfScope);
        a.Trace.MissingFacts.ShouldBeEmpty();
    }

    [Fact]
    public void A_breached_clause_settles_the_verdict_even_when_another_clause_is_indeterminate()
    {
        var a = Judge.Assess(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Sea().ByUnknownMeans().Hitting("energy.oil.terminal"),
            Ua);

        a.Verdict.ShouldBe(Verdict.Violation);
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Indeterminate);
        a.Clause(Naval).Outcome.ShouldBe(ClauseOutcome.Breached);
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe($"violation: breaches {Naval}");
    }

    [Fact]
    public void Unknown_time_does_not_matter_when_no_clause_covers_the_strike()
    {
        var a = Judge.Assess(Some.Incident().By("RU").AtUnknownTime().Land().Means("artillery.rocket").Hitting("energy.grid"), Ua);
        a.Verdict.ShouldBe(Verdict.OutOfScope);
        a.Trace.Window.Value.ShouldBe(Tri.Unknown);
        a.Trace.MissingFacts.ShouldBeEmpty();
    }

    [Fact]
    public void A_perpetrator_that_is_not_a_party_is_not_bound_by_all()
    {
        var a = Judge.Assess(Some.Incident().By("BY").At("2025-03-25T02:00+03:00").Hitting("energy.grid"), Moratorium);
        a.Verdict.ShouldBe(Verdict.OutOfScope);
        a.Clause("no-strikes-on-energy-infrastructure").Condition("binds").ShouldRead(Tri.False, "perpetrator", "BY");
    }

    [Fact]
    public void An_incident_with_nothing_known_is_indeterminate_on_every_fact_the_terms_read()
    {
        var a = Judge.Assess(Some.Incident(), Ua);
        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.MissingFacts.ShouldBe(["time", "perpetrator", "domain", "means", "target category"]);
        a.Trace.Reason.ShouldBe("indeterminate: time, perpetrator, domain, means and target category unknown");
    }
}
