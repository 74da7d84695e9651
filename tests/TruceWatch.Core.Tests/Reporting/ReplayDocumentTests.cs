using Shouldly;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Tests.Support;
using Xunit;

namespace TruceWatch.Core.Tests.Reporting;

public sealed class ReplayDocumentTests
{
    private static readonly DateTimeOffset January = Some.Instant("2025-01-01T00:00:00+02:00");
    private static readonly DateTimeOffset April = Some.Instant("2025-04-01T00:00:00+03:00");

    private static IReadOnlyList<Incident> History() =>
    [
        Some.Incident().By("UA").At("2025-02-17T04:00:00+02:00").Air().Means("drone.long-range").Hitting("energy.oil.refinery"),
        Some.Incident().By("RU").At("2025-02-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid.substation"),
        Some.Incident().By("RU").At("2025-02-21T03:00:00+02:00").Air().Means("drone.long-range").HittingNothingNamed(),
        Some.Incident().By("RU").At("2025-02-22T03:00:00+02:00").Land().Means("artillery.tube").Hitting("civilian.residential"),
    ];

    [Fact]
    public void Under_every_reading_each_agreement_has_a_column_per_reading_and_the_incidents_they_judge_differently()
    {
        IReadOnlyList<Incident> incidents =
        [
            Some.Incident().By("RU").At("2025-02-20T03:00:00+02:00").Air().Means("drone.long-range").Hitting("energy.grid").Counting(6, 6, 0),
            Some.Incident().By("RU").At("2025-02-21T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid").Counting(2, 1, 1),
        ];

        var replay = ReplayDocument.BuildUnder("all", [Bundled.EnergyMoratorium, Bundled.UaPartialTruce], incidents, January, April);

        replay.Agreements.Select(c => (c.Agreement.Id, c.Reading)).ShouldBe([
            ("energy-moratorium-2025", "base"), ("energy-moratorium-2025", "from-riyadh-25-march"), ("energy-moratorium-2025", "hits-only"),
            ("ua-partial-air-sea-truce-2025", "base")]);
        var readings = replay.Readings.ShouldHaveSingleItem();
        readings.Agreement.ShouldBe("energy-moratorium-2025");
        var disagreement = readings.Incidents.ShouldHaveSingleItem();
        disagreement.Incident.ShouldBe(incidents[0].Id.Value);

        // The replayed period stands in for every reading's dates: only the counting differs here.
        disagreement.Verdicts.ShouldBe(new Dictionary<string, string> { ["base"] = "violation", ["from-riyadh-25-march"] = "violation", ["hits-only"] = "out-of-scope" });
    }

    [Fact]
    public void Under_a_named_reading_only_the_agreements_that_have_it_are_replayed()
    {
        var replay = ReplayDocument.BuildUnder("hits-only", [Bundled.EnergyMoratorium, Bundled.UaPartialTruce], History(), January, April);

        var column = replay.Agreements.ShouldHaveSingleItem();
        (column.Agreement.Id, column.Reading).ShouldBe(("energy-moratorium-2025", "hits-only"));
        replay.Readings.ShouldBeEmpty();
    }

    [Fact]
    public void Terms_outside_their_own_window_are_judged_as_if_in_force_for_the_replayed_period()
    {
        var incidents = History();

        var own = AssessmentDocument.Build(Bundled.EnergyMoratorium, incidents);
        var replay = ReplayDocument.Build([Bundled.EnergyMoratorium], incidents, January, April);

        own.Summary["RU"]["outside-window"].ShouldBe(3);
        var summary = replay.Agreements.ShouldHaveSingleItem().Summary;
        summary["UA"]["violation"].ShouldBe(1);
        summary["RU"]["violation"].ShouldBe(1);
        summary["RU"]["indeterminate"].ShouldBe(1);
        summary["RU"]["out-of-scope"].ShouldBe(1);
        replay.Incidents.ShouldBe(4);
        replay.From.ShouldBe("2025-01-01T00:00:00+02:00");
        replay.To.ShouldBe("2025-04-01T00:00:00+03:00");
    }

    [Fact]
    public void Several_sets_of_terms_are_counted_side_by_side_over_the_same_incidents()
    {
        var replay = ReplayDocument.Build([Bundled.UaPartialTruce, Bundled.EnergyMoratorium], History(), January, April);

        replay.Agreements.Select(a => a.Agreement.Id).ShouldBe(["ua-partial-air-sea-truce-2025", "energy-moratorium-2025"]);
        var ua = replay.Agreements[0].Summary;
        ua["RU"]["violation"].ShouldBe(1);
        ua["RU"]["indeterminate"].ShouldBe(1);
        ua["RU"]["out-of-scope"].ShouldBe(1);
        foreach (var column in replay.Agreements)
        {
            column.Summary.Values.Sum(c => c.Values.Sum()).ShouldBe(4);
        }
    }

    [Fact]
    public void Replaying_with_open_bounds_drops_the_window()
    {
        var agreement = ReplayDocument.AsIfInForce(Bundled.EnergyMoratorium, null, null);
        var from = ReplayDocument.AsIfInForce(Bundled.EnergyMoratorium, January, null);

        agreement.Windows.ShouldBeEmpty();
        from.Windows[0].Start.ShouldBe(January);
        from.Windows[0].End.ShouldBeNull();
        agreement.Clauses.ShouldBe(Bundled.EnergyMoratorium.Clauses);
    }
}
