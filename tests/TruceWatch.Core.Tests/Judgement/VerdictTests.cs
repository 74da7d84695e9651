using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Each of the five verdicts, with the trace that explains it.</summary>
public sealed class VerdictTests
{
    private const string LongRange = "no-long-range-strikes-on-civilian-infrastructure";
    private const string Naval = "no-naval-attacks";

    private static readonly Agreement Ua = Bundled.UaPartialTruce;

    private static readonly Agreement AirStrikesExceptOnMilitary = Some.Agreement("""
        id: no-air-strikes
        version: 3
        title: No air strikes except on military targets
        parties: [UA, RU]
        window: { start: 2025-03-05T00:00:00+02:00, end: 2025-04-05T00:00:00+03:00 }
        clauses:
          - id: no-air-strikes
            binds: all
            prohibits: { domain: [air] }
            except:
              - target: [military]
        """);

    private static Assessment AssessAndDecide(Incidents.Incident incident, Agreement agreement)
    {
        var assessment = Judge.Assess(incident, agreement);
        Judge.Decide(incident, agreement).ShouldBe(assessment.Verdict, "Decide and Assess disagree");
        assessment.IncidentId.ShouldBe(incident.Id);
        assessment.AgreementId.ShouldBe(agreement.Id);
        assessment.AgreementVersion.ShouldBe(agreement.Version);
        return assessment;
    }

    [Fact]
    public void Cruise_missile_on_a_substation_during_the_window_is_a_violation()
    {
        var a = AssessAndDecide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid.substation"),
            Ua);

        a.Verdict.ShouldBe(Verdict.Violation);
        a.Trace.Window.ShouldRead(Tri.True, "time", "2025-03-20T03:00:00+02:00 (second)");
        a.Trace.Window.Expected.ShouldBe("[2025-03-05T00:00:00+02:00, 2025-04-04T00:00:00+02:00)");

        var clause = a.Clause(LongRange);
        clause.Outcome.ShouldBe(ClauseOutcome.Breached);
        clause.Values().ShouldBe("binds=true domain=true means=true target=true");
        clause.Condition("binds").ShouldRead(Tri.True, "perpetrator", "RU");
        clause.Condition("binds").Expected.ShouldBe("all [UA, RU]");
        clause.Condition("domain").ShouldRead(Tri.True, "domain", "air");
        clause.Condition("domain").Expected.ShouldBe("[air, sea]");
        clause.Condition("means").ShouldRead(Tri.True, "means", "missile.cruise");
        clause.Condition("means").Expected.ShouldBe("[missile, drone.long-range, bomb]");
        clause.Condition("target").ShouldRead(Tri.True, "target", "energy.grid.substation");
        clause.Condition("target").Expected.ShouldBe("any target within [energy, civilian]");
        clause.Exceptions.ShouldBeEmpty();

        var naval = a.Clause(Naval);
        naval.Outcome.ShouldBe(ClauseOutcome.Cleared);
        naval.Values().ShouldBe("binds=true domain=false");

        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe($"violation: breaches {LongRange}");
    }

    [Fact]
    public void A_violation_of_two_clauses_names_both()
    {
        var a = AssessAndDecide(
            Some.Incident().By("UA").At("2025-03-20T03:00:00+02:00").Sea().Means("naval.surface-drone").Hitting("civilian.transport.port"),
            Ua);

        a.Verdict.ShouldBe(Verdict.Violation);
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Cleared);
        a.Clause(LongRange).Condition("means").Value.ShouldBe(Tri.False);
        a.Clause(Naval).Outcome.ShouldBe(ClauseOutcome.Breached);
        a.Trace.Reason.ShouldBe($"violation: breaches {Naval}");

        var both = AssessAndDecide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Sea().Means("missile.anti-ship").Hitting("civilian.transport.port"),
            Ua);
        both.Verdict.ShouldBe(Verdict.Violation);
        both.Trace.Clauses.Select(c => c.Outcome).ShouldAllBe(o => o == ClauseOutcome.Breached);
        both.Trace.Reason.ShouldBe($"violation: breaches {LongRange}, {Naval}");
    }

    [Fact]
    public void Air_strike_on_a_military_depot_is_permitted_by_the_exception()
    {
        var a = AssessAndDecide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("drone.long-range").Hitting("military.depot"),
            AirStrikesExceptOnMilitary);

        a.Verdict.ShouldBe(Verdict.Permitted);
        a.Trace.Window.Value.ShouldBe(Tri.True);
        var clause = a.Clause("no-air-strikes");
        clause.Outcome.ShouldBe(ClauseOutcome.Excepted);
        clause.Values().ShouldBe("binds=true domain=true");
        var exception = clause.Exceptions.ShouldHaveSingleItem();
        exception.Value.ShouldBe(Tri.True);
        exception.Condition("target").ShouldRead(Tri.True, "target", "military.depot");
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe("permitted: excepted under no-air-strikes");
    }

    [Fact]
    public void Artillery_on_a_residential_block_is_out_of_scope_of_the_air_and_sea_truce()
    {
        var a = AssessAndDecide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Land().Means("artillery.tube").Hitting("civilian.residential"),
            Ua);

        a.Verdict.ShouldBe(Verdict.OutOfScope);
        a.Trace.Window.Value.ShouldBe(Tri.True);
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Cleared);
        a.Clause(LongRange).Values().ShouldBe("binds=true domain=false means=false target=true");
        a.Clause(Naval).Outcome.ShouldBe(ClauseOutcome.Cleared);
        a.Clause(Naval).Values().ShouldBe("binds=true domain=false");
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe("out-of-scope: no clause covers it");
    }

    [Fact]
    public void A_strike_after_the_window_closed_is_outside_the_window()
    {
        var a = AssessAndDecide(
            Some.Incident().By("RU").At("2025-04-10T03:00:00+03:00").Air().Means("missile.cruise").Hitting("energy.grid.substation"),
            Ua);

        a.Verdict.ShouldBe(Verdict.OutsideWindow);
        a.Trace.Window.ShouldRead(Tri.False, "time", "2025-04-10T03:00:00+03:00 (second)");
        a.Trace.Window.Condition.ShouldBe("window");

        // The clauses are still traced, so the reader sees the strike would have breached the terms inside the window.
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Breached);
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Trace.Reason.ShouldBe("outside-window: happened outside the agreement's window");
    }

    [Fact]
    public void A_strike_outside_the_window_is_outside_the_window_even_when_other_facts_are_unknown()
    {
        var a = AssessAndDecide(Some.Incident().ByUnknown().At("2025-02-01T03:00:00+02:00"), Ua);
        a.Verdict.ShouldBe(Verdict.OutsideWindow);
        a.Trace.MissingFacts.ShouldBeEmpty();
        a.Clause(LongRange).Outcome.ShouldBe(ClauseOutcome.Indeterminate);
    }

    [Fact]
    public void A_strike_whose_target_category_is_unknown_is_indeterminate()
    {
        var a = AssessAndDecide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.ballistic").Hitting("unknown"),
            Ua);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        var clause = a.Clause(LongRange);
        clause.Outcome.ShouldBe(ClauseOutcome.Indeterminate);
        clause.Values().ShouldBe("binds=true domain=true means=true target=unknown");
        clause.Condition("target").ShouldRead(Tri.Unknown, "target", "unknown");
        clause.Exceptions.ShouldBeEmpty();
        a.Clause(Naval).Outcome.ShouldBe(ClauseOutcome.Cleared);
        a.Trace.MissingFacts.ShouldBe(["target category"]);
        a.Trace.Reason.ShouldBe("indeterminate: target category unknown");
    }

    [Fact]
    public void Verdicts_have_their_text_forms_and_All_lists_each_once()
    {
        Verdicts.All.Count.ShouldBe(5);
        Verdicts.All.Distinct().Count().ShouldBe(5);
        Verdicts.All.Select(v => v.ToText()).ShouldBe(["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"]);
        Enum.GetValues<Verdict>().ShouldBe(Verdicts.All, ignoreOrder: true);
    }
}
