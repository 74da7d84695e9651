using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Which stage of a strike counts (counts: launched | hit | effect), and named interpretations read over the terms.</summary>
public sealed class ReadingTests
{
    private static Agreement Counting(string stage) => Some.Terms("window: { start: 2025-03-18T00:00:00+03:00, duration: P30D }", $"""
          - id: energy
            binds: all
            counts: {stage}
            prohibits:
              target: [energy]
        """);

    private static IncidentBuilder DroneAtRefinery() =>
        Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("drone.long-range").Hitting("energy.oil.refinery");

    [Theory]
    [InlineData("launched", 10, 10, null, Verdict.Violation)]
    [InlineData("hit", 10, 10, null, Verdict.OutOfScope)] // all shot down: no hit
    [InlineData("hit", 10, 8, null, Verdict.Indeterminate)] // two got through: hit or missed?
    [InlineData("hit", null, null, 2, Verdict.Violation)]
    [InlineData("hit", 10, 10, 0, Verdict.OutOfScope)]
    [InlineData("hit", null, null, null, Verdict.Indeterminate)]
    [InlineData("effect", null, null, 1, Verdict.Indeterminate)] // a hit, but no casualties reported
    [InlineData("effect", 5, 5, null, Verdict.OutOfScope)]
    public void An_intercepted_drone_aimed_at_a_refinery_is_decidable_under_each_stage(string stage, int? launched, int? intercepted, int? hits, Verdict expected)
    {
        var terms = Counting(stage);
        var incident = DroneAtRefinery().Counting(launched, intercepted, hits).Build();

        var a = Judge.Assess(incident, terms);

        a.Verdict.ShouldBe(expected);
        Judge.Decide(incident, terms).ShouldBe(expected);
        if (expected == Verdict.Indeterminate)
        {
            a.Trace.MissingFacts.ShouldBe(["whether it hit"]);
        }
    }

    [Fact]
    public void A_hit_with_reported_casualties_has_effect()
    {
        var incident = DroneAtRefinery().Counting(1, 0, 1).Harming(0, 3).Build();

        Judge.Decide(incident, Counting("effect")).ShouldBe(Verdict.Violation);
        Judge.Assess(incident, Counting("effect")).Trace.Clauses[0].Conditions.Single(c => c.Condition == "counts").FactValue.ShouldBe("launched 1, intercepted 0, hits 1");
    }

    private static readonly Agreement Disputed = Some.Agreement("""
        id: disputed
        version: 1
        title: Disputed moratorium
        parties: [UA, RU]
        window: { start: 2025-03-18T00:00:00+03:00, duration: P30D }
        clauses:
          - id: energy
            binds: all
            prohibits: { target: [energy] }
        interpretations:
          - { name: later-start, note: "dated from 25 March", window: { start: 2025-03-25, duration: P30D, zone: Europe/Kyiv } }
          - { name: hits-only, counts: hit }
          - { name: free-territory-only, occupied: exclude }
        """);

    [Fact]
    public void An_interpretation_replaces_only_what_it_names()
    {
        var later = Disputed.Under("later-start")!;
        var hits = Disputed.Under("hits-only")!;
        var free = Disputed.Under("free-territory-only")!;

        later.Windows.ShouldHaveSingleItem().Start.ShouldBe(Some.Instant("2025-03-25T00:00:00+02:00"));
        later.Clauses.ShouldBe(Disputed.Clauses);
        hits.Windows.ShouldBe(Disputed.Windows);
        hits.Clauses[0].Counts.ShouldBe(StrikeStage.Hit);
        free.Clauses[0].Prohibits.Where!.Occupied.ShouldBe(OccupiedRule.Exclude);
        Disputed.Under("nobody").ShouldBeNull();
    }

    [Fact]
    public void Readings_side_by_side_name_each_incident_they_judge_differently()
    {
        var early = DroneAtRefinery().Counting(3, 3, 0).Build();
        var agreedOn = Some.Incident().By("RU").At("2025-03-28T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid").Counting(1, 0, 1).Build();

        var document = ReadingsDocument.Build(Disputed, [early, agreedOn]);

        document.Readings.Select(r => r.Name).ShouldBe(["base", "later-start", "hits-only", "free-territory-only"]);
        document.Disagreements.Count.ShouldBe(2);
        var disagreement = document.Disagreements[0];
        disagreement.Incident.ShouldBe(early.Id.Value);
        disagreement.Verdicts.ShouldBe(new Dictionary<string, string>
        {
            ["base"] = "violation", ["later-start"] = "outside-window", ["hits-only"] = "out-of-scope", ["free-territory-only"] = "indeterminate",
        });

        // Without a map, whether a place was occupied cannot be known: only the reading that asks differs.
        document.Disagreements[1].Verdicts.Values.ShouldBe(["violation", "violation", "violation", "indeterminate"]);
        document.Readings[0].Summary["RU"]["violation"].ShouldBe(2);
    }

    [Theory]
    [InlineData("interpretations: [{ name: base, counts: hit }]", "'base' is reserved")]
    [InlineData("interpretations: [{ name: Hits, counts: hit }]", "lower-case words joined by dashes")]
    [InlineData("interpretations: [{ name: a, counts: hit }, { name: a, counts: effect }]", "interpretation 'a' is given twice")]
    [InlineData("interpretations: [{ name: a }]", "reads nothing differently")]
    [InlineData("interpretations: [{ name: a, counts: sometimes }]", "counts 'sometimes' is not one of launched, hit, effect")]
    public void A_bad_interpretation_is_an_error_that_says_why(string yaml, string says)
    {
        var result = TermsParser.Parse($"""
            id: bad-reading
            version: 1
            title: Bad reading
            parties: [UA, RU]
            clauses:
              - id: energy
                binds: all
                prohibits:
                  target: [energy]
            {yaml}
            """);

        result.ShouldReport(says);
    }
}
