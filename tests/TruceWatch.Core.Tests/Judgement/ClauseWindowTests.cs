using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>A clause with its own windows inside the agreement's: a short holiday truce on all hostilities within a longer arrangement.</summary>
public sealed class ClauseWindowTests
{
    /// <summary>An open-ended energy arrangement from 18 March 2025 (Moscow time), with the 30-hour Easter truce on everything inside it.</summary>
    private static readonly Agreement Arrangement = Some.Agreement("""
        id: energy-arrangement-with-easter-truce
        version: 1
        title: Energy arrangement with an Easter truce inside it
        parties: [UA, RU]
        window: { start: 2025-03-18T00:00, zone: Europe/Moscow }
        clauses:
          - id: no-energy-strikes
            binds: all
            prohibits: { target: [energy] }
          - id: easter-truce
            binds: all
            window: { name: Easter truce, start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
            prohibits: { domain: [air, sea, land] }
        """);

    private static IncidentBuilder Strike(string target) => Some.Incident().By("RU").Air().Means("drone.long-range").Hitting(target);

    [Theory]
    [InlineData("energy.grid", "2025-04-01T03:00:00+03:00", Verdict.Violation, "violation: breaches no-energy-strikes")]
    [InlineData("civilian.residential", "2025-04-01T03:00:00+03:00", Verdict.OutOfScope, "out-of-scope: no clause covers it")]
    [InlineData("civilian.residential", "2025-04-20T03:00:00+03:00", Verdict.Violation, "violation: breaches easter-truce")]
    [InlineData("energy.grid", "2025-04-20T03:00:00+03:00", Verdict.Violation, "violation: breaches no-energy-strikes, easter-truce")]
    [InlineData("civilian.residential", "2025-03-01T03:00:00+02:00", Verdict.OutsideWindow, "outside-window: happened outside the agreement's window")]
    public void A_clause_applies_only_in_its_own_window_and_the_rest_of_the_terms_all_along(string target, string at, Verdict expected, string reason)
    {
        var incident = Strike(target).At(at).Build();

        var a = Judge.Assess(incident, Arrangement);

        (a.Verdict, a.Trace.Reason).ShouldBe((expected, reason));
        Judge.Decide(incident, Arrangement).ShouldBe(expected);
    }

    [Fact]
    public void A_report_known_only_to_the_day_the_clause_window_opens_is_indeterminate_and_the_trace_shows_the_clause_window()
    {
        var a = Judge.Assess(Strike("civilian.residential").OnDay("2025-04-19"), Arrangement);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.MissingFacts.ShouldBe(["time"]);
        a.Trace.Window.Value.ShouldBe(Tri.True);
        var window = a.Trace.Clauses.Single(c => c.ClauseId == "easter-truce").Conditions[0];
        (window.Condition, window.Value, window.Fact).ShouldBe(("window", Tri.Unknown, "time"));
        window.Expected.ShouldBe("Easter truce [2025-04-19T18:00:00+03:00, 2025-04-21T00:00:00+03:00) Europe/Moscow");
    }

    [Fact]
    public void A_clause_window_outside_the_agreements_is_a_warning_at_its_position()
    {
        var result = TermsParser.Parse("""
            id: misplaced
            version: 1
            title: Misplaced clause window
            parties: [UA, RU]
            window: { start: 2025-03-18T00:00:00+03:00, duration: P30D }
            clauses:
              - id: easter-truce
                binds: all
                window: { start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
                prohibits: { domain: [air] }
            """);

        result.IsValid.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        (warning.Severity, warning.Line, warning.Column).ShouldBe((Severity.Warning, 9, 13));
        warning.Message.ShouldStartWith("clause 'easter-truce' window [2025-04-19T18:00:00+03:00, 2025-04-21T00:00:00+03:00) Europe/Moscow lies outside the agreement's window");
    }
}
