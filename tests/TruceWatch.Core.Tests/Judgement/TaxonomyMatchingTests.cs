using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Rules name taxonomy prefixes; a fact coarser than the rule leaves the condition unknown.</summary>
public sealed class TaxonomyMatchingTests
{
    private static readonly Agreement GridOnlyByCruiseMissile = Some.Terms("", """
        - id: no-cruise-missiles-on-the-grid
          prohibits:
            means: [missile.cruise]
            target: [energy.grid]
        """);

    private static Assessment Judged(string means, params string[] targets)
    {
        Incidents.Incident incident = Some.Incident().By("RU").Means(means).Hitting(targets);
        var a = Judge.Assess(incident, GridOnlyByCruiseMissile);
        Judge.Decide(incident, GridOnlyByCruiseMissile).ShouldBe(a.Verdict);
        return a;
    }

    [Theory]
    [InlineData("energy.grid.substation", Tri.True, Verdict.Violation)]
    [InlineData("energy.grid.transmission", Tri.True, Verdict.Violation)]
    [InlineData("energy.grid", Tri.True, Verdict.Violation)]
    [InlineData("energy", Tri.Unknown, Verdict.Indeterminate)]
    [InlineData("energy.oil", Tri.False, Verdict.OutOfScope)]
    [InlineData("energy.oil.refinery", Tri.False, Verdict.OutOfScope)]
    [InlineData("civilian.residential", Tri.False, Verdict.OutOfScope)]
    [InlineData("unknown", Tri.Unknown, Verdict.Indeterminate)]
    public void A_target_rule_on_energy_grid_covers_the_grid_only(string target, Tri condition, Verdict expected)
    {
        var a = Judged("missile.cruise", target);
        a.Clause("no-cruise-missiles-on-the-grid").Condition("target").Value.ShouldBe(condition);
        a.Verdict.ShouldBe(expected);
    }

    [Theory]
    [InlineData("missile.cruise", Tri.True, Verdict.Violation)]
    [InlineData("missile", Tri.Unknown, Verdict.Indeterminate)]
    [InlineData("missile.ballistic", Tri.False, Verdict.OutOfScope)]
    [InlineData("drone.long-range", Tri.False, Verdict.OutOfScope)]
    [InlineData("drone", Tri.False, Verdict.OutOfScope)]
    public void A_means_rule_on_cruise_missiles_is_unknown_for_a_missile_of_unknown_kind(string means, Tri condition, Verdict expected)
    {
        var a = Judged(means, "energy.grid.substation");
        a.Clause("no-cruise-missiles-on-the-grid").Condition("means").Value.ShouldBe(condition);
        a.Verdict.ShouldBe(expected);
        if (expected == Verdict.Indeterminate)
        {
            a.Trace.MissingFacts.ShouldBe(["means"]);
        }
    }

    [Fact]
    public void A_coarse_target_is_named_as_the_missing_fact()
    {
        var a = Judged("missile.cruise", "energy");
        a.Trace.MissingFacts.ShouldBe(["target category"]);
        a.Trace.Reason.ShouldBe("indeterminate: target category unknown");
    }

    [Theory]
    [InlineData("energy.grid.substation", Verdict.Violation)]
    [InlineData("energy.oil.refinery", Verdict.Violation)]
    [InlineData("energy.generation.nuclear", Verdict.Violation)]
    [InlineData("energy.oil.terminal", Verdict.OutOfScope)] // not on the published list
    [InlineData("energy", Verdict.Indeterminate)] // energy of which kind? a terminal is not on the list
    [InlineData("civilian.water", Verdict.OutOfScope)]
    [InlineData("military.defence-industry", Verdict.OutOfScope)]
    public void The_moratorium_covers_the_facilities_on_its_published_list(string target, Verdict expected) =>
        Judge.Decide(Some.Incident().By("UA").At("2025-03-25T02:00+03:00").Hitting(target), Bundled.EnergyMoratorium).ShouldBe(expected);

    [Theory]
    [InlineData("missile", Verdict.Violation)]
    [InlineData("missile.hypersonic", Verdict.Violation)]
    [InlineData("drone.long-range", Verdict.Violation)]
    [InlineData("drone", Verdict.Indeterminate)]
    [InlineData("drone.fpv", Verdict.OutOfScope)]
    [InlineData("bomb.guided", Verdict.Violation)]
    [InlineData("artillery.rocket", Verdict.OutOfScope)]
    public void The_Ukrainian_proposal_covers_missiles_long_range_drones_and_bombs(string means, Verdict expected) =>
        Judge.Decide(
            Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means(means).Hitting("civilian.residential"),
            Bundled.UaPartialTruce).ShouldBe(expected);

    [Fact]
    public void A_prohibition_matches_when_any_target_is_within_it()
    {
        Judged("missile.cruise", "military.depot", "energy.grid.substation").Verdict.ShouldBe(Verdict.Violation);
        Judged("missile.cruise", "unknown", "energy.grid.substation").Verdict.ShouldBe(Verdict.Violation);
        Judged("missile.cruise", "military.depot", "unknown").Verdict.ShouldBe(Verdict.Indeterminate);
        Judged("missile.cruise", "military.depot", "civilian.residential").Verdict.ShouldBe(Verdict.OutOfScope);
    }

    [Fact]
    public void The_target_condition_shows_every_reported_target()
    {
        var a = Judged("missile.cruise", "military.depot", "energy.grid.substation");
        a.Clause("no-cruise-missiles-on-the-grid").Condition("target")
            .ShouldRead(Tri.True, "target", "military.depot, energy.grid.substation");
    }
}
