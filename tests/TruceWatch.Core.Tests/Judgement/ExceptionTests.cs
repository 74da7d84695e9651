using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>An exception excuses a strike only when all its targets fall under it; binds limits who a clause applies to.</summary>
public sealed class ExceptionTests
{
    private static readonly Agreement AirStrikesExceptOnMilitary = Some.Terms("", """
        - id: no-air-strikes
          binds: all
          prohibits: { domain: [air] }
          except:
            - target: [military]
        """);

    private static Assessment AirStrike(params string[] targets)
    {
        Incidents.Incident incident = Some.Incident().By("RU").Air().Means("missile.cruise").Hitting(targets);
        var a = Judge.Assess(incident, AirStrikesExceptOnMilitary);
        Judge.Decide(incident, AirStrikesExceptOnMilitary).ShouldBe(a.Verdict);
        return a;
    }

    [Theory]
    [InlineData(new[] { "military.depot" }, Tri.True, Verdict.Permitted)]
    [InlineData(new[] { "military" }, Tri.True, Verdict.Permitted)]
    [InlineData(new[] { "military.airbase", "military.depot" }, Tri.True, Verdict.Permitted)]
    [InlineData(new[] { "military.depot", "energy.grid" }, Tri.False, Verdict.Violation)]
    [InlineData(new[] { "energy.grid", "military.depot" }, Tri.False, Verdict.Violation)]
    [InlineData(new[] { "civilian.residential" }, Tri.False, Verdict.Violation)]
    [InlineData(new[] { "unknown" }, Tri.Unknown, Verdict.Indeterminate)]
    [InlineData(new string[0], Tri.Unknown, Verdict.Indeterminate)]
    [InlineData(new[] { "military.depot", "unknown" }, Tri.Unknown, Verdict.Indeterminate)]
    [InlineData(new[] { "energy.grid", "unknown" }, Tri.False, Verdict.Violation)]
    public void An_exception_applies_only_when_every_target_falls_under_it(string[] targets, Tri exception, Verdict expected)
    {
        var a = AirStrike(targets);
        var clause = a.Clause("no-air-strikes");
        clause.Exceptions.ShouldHaveSingleItem().Value.ShouldBe(exception);
        a.Verdict.ShouldBe(expected);
        clause.Outcome.ShouldBe(expected switch
        {
            Verdict.Permitted => ClauseOutcome.Excepted,
            Verdict.Violation => ClauseOutcome.Breached,
            _ => ClauseOutcome.Indeterminate,
        });
    }

    [Fact]
    public void A_depot_hit_together_with_a_substation_is_not_excused_by_the_depot()
    {
        var a = AirStrike("military.depot", "energy.grid");
        a.Verdict.ShouldBe(Verdict.Violation);
        a.Clause("no-air-strikes").Exceptions[0].Condition("target").ShouldRead(Tri.False, "target", "military.depot, energy.grid");
        a.Trace.Reason.ShouldBe("violation: breaches no-air-strikes");
    }

    [Fact]
    public void An_unknown_target_under_an_exception_is_indeterminate_for_lack_of_the_target_category()
    {
        var a = AirStrike("unknown");
        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Clause("no-air-strikes").Values().ShouldBe("binds=true domain=true");
        a.Clause("no-air-strikes").Exceptions[0].Values().ShouldBe("target=unknown");
        a.Trace.MissingFacts.ShouldBe(["target category"]);
        a.Trace.Reason.ShouldBe("indeterminate: target category unknown");
    }

    [Fact]
    public void Any_one_of_several_exceptions_excuses_and_each_needs_all_its_conditions()
    {
        var terms = Some.Terms("", """
            - id: no-strikes-on-energy
              prohibits: { target: [energy] }
              except:
                - { domain: [land], means: [artillery] }
                - { means: [drone.fpv] }
            """);

        Verdict Of(IncidentBuilder i)
        {
            Incidents.Incident incident = i.By("UA").Hitting("energy.grid.distribution");
            var v = Judge.Assess(incident, terms).Verdict;
            Judge.Decide(incident, terms).ShouldBe(v);
            return v;
        }

        Of(Some.Incident().Land().Means("artillery.tube")).ShouldBe(Verdict.Permitted);
        Of(Some.Incident().Air().Means("drone.fpv")).ShouldBe(Verdict.Permitted);
        Of(Some.Incident().Air().Means("artillery.rocket")).ShouldBe(Verdict.Violation);
        Of(Some.Incident().Land().Means("missile.ballistic")).ShouldBe(Verdict.Violation);
        Of(Some.Incident().InUnknownDomain().Means("artillery.tube")).ShouldBe(Verdict.Indeterminate);
        Of(Some.Incident().Air().ByUnknownMeans()).ShouldBe(Verdict.Indeterminate);
        Of(Some.Incident().InUnknownDomain().Means("drone.fpv")).ShouldBe(Verdict.Permitted);

        var a = Judge.Assess(Some.Incident().By("UA").Land().Means("artillery.tube").Hitting("energy.grid"), terms);
        var exceptions = a.Clause("no-strikes-on-energy").Exceptions;
        exceptions.Select(e => (e.Index, e.Value)).ShouldBe([(0, Tri.True), (1, Tri.False)]);
        exceptions[0].Values().ShouldBe("domain=true means=true");
        a.Trace.Reason.ShouldBe("permitted: excepted under no-strikes-on-energy");
    }

    [Theory]
    [InlineData("RU", Tri.True, Verdict.Violation)]
    [InlineData("UA", Tri.False, Verdict.OutOfScope)]
    [InlineData(null, Tri.Unknown, Verdict.Indeterminate)]
    public void A_clause_binding_only_RU_does_not_bind_UA(string? perpetrator, Tri binds, Verdict expected)
    {
        var terms = Some.Terms("", """
            - id: russia-spares-the-grid
              binds: [RU]
              prohibits: { target: [energy.grid] }
            """);
        Incidents.Incident incident = Some.Incident().By(perpetrator).Air().Means("drone.long-range").Hitting("energy.grid.substation");

        var a = Judge.Assess(incident, terms);
        a.Verdict.ShouldBe(expected);
        Judge.Decide(incident, terms).ShouldBe(expected);
        var condition = a.Clause("russia-spares-the-grid").Condition("binds");
        condition.ShouldRead(binds, "perpetrator", perpetrator);
        condition.Expected.ShouldBe("[RU]");
    }

    [Fact]
    public void A_military_target_is_out_of_scope_of_the_Ukrainian_proposal_because_its_prohibition_names_only_energy_and_civilian_targets()
    {
        var a = Judge.Assess(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("military.airbase"),
            Bundled.UaPartialTruce);

        a.Verdict.ShouldBe(Verdict.OutOfScope);
        var clause = a.Clause("no-long-range-strikes-on-civilian-infrastructure");
        clause.Outcome.ShouldBe(ClauseOutcome.Cleared);
        clause.Condition("target").Value.ShouldBe(Tri.False);
        clause.Exceptions.ShouldBeEmpty();
    }

    [Fact]
    public void A_sea_strike_on_a_military_target_breaches_the_naval_clause_which_has_no_exception()
    {
        var a = Judge.Assess(
            Some.Incident().By("UA").At("2025-03-20T03:00:00+02:00").Sea().Means("naval.surface-drone").Hitting("military.depot"),
            Bundled.UaPartialTruce);
        a.Verdict.ShouldBe(Verdict.Violation);
        a.Trace.Reason.ShouldBe("violation: breaches no-naval-attacks");
    }

    [Fact]
    public void An_exception_that_certainly_applies_makes_the_strike_permitted_even_when_the_perpetrator_is_unknown()
    {
        Incidents.Incident incident = Some.Incident().ByUnknown().Air().Means("missile.cruise").Hitting("military.depot");
        var a = Judge.Assess(incident, AirStrikesExceptOnMilitary);
        a.Verdict.ShouldBe(Verdict.Permitted);
        Judge.Decide(incident, AirStrikesExceptOnMilitary).ShouldBe(Verdict.Permitted);
        a.Clause("no-air-strikes").Outcome.ShouldBe(ClauseOutcome.Excepted);
        a.Clause("no-air-strikes").Condition("binds").Value.ShouldBe(Tri.Unknown);
    }

    [Fact]
    public void A_strike_excepted_under_one_clause_and_breaching_another_is_a_violation()
    {
        var terms = Some.Terms("", """
            - id: no-air-strikes
              prohibits: { domain: [air] }
              except:
                - target: [military]
            - id: no-strikes-on-depots
              prohibits: { target: [military.depot] }
            """);
        var a = Judge.Assess(Some.Incident().By("RU").Air().Hitting("military.depot"), terms);
        a.Verdict.ShouldBe(Verdict.Violation);
        a.Clause("no-air-strikes").Outcome.ShouldBe(ClauseOutcome.Excepted);
        a.Clause("no-strikes-on-depots").Outcome.ShouldBe(ClauseOutcome.Breached);
        a.Trace.Reason.ShouldBe("violation: breaches no-strikes-on-depots");
    }

    [Fact]
    public void A_strike_excepted_under_one_clause_and_indeterminate_under_another_is_indeterminate()
    {
        var terms = Some.Terms("", """
            - id: no-air-strikes
              prohibits: { domain: [air] }
              except:
                - target: [military]
            - id: no-drones
              prohibits: { means: [drone] }
            """);
        var a = Judge.Assess(Some.Incident().By("RU").Air().ByUnknownMeans().Hitting("military.depot"), terms);
        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.MissingFacts.ShouldBe(["means"]);
    }
}
