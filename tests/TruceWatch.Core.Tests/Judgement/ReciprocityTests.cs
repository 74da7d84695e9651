using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Conditional reciprocity: one side's violations past the threshold suspend the other's duties from that moment.</summary>
public sealed class ReciprocityTests
{
    private static readonly Agreement Conditional = Some.Agreement("""
        id: conditional
        version: 1
        title: Conditional energy truce
        parties: [UA, RU]
        window: { start: 2025-03-18T00:00:00+03:00, duration: P30D }
        clauses:
          - id: energy
            binds: all
            prohibits: { target: [energy] }
        reciprocity: { conditional: { suspend_after: 2, within: P7D } }
        """);

    private static Incident Strike(string by, string at) =>
        Some.Incident().By(by).At(at).Air().Means("drone.long-range").Hitting("energy.oil.refinery");

    [Fact]
    public void Once_one_side_passes_the_threshold_the_others_later_acts_are_permitted_and_the_trace_says_why()
    {
        Incident[] incidents =
        [
            Strike("UA", "2025-03-20T03:00:00+02:00"),
            Strike("RU", "2025-03-21T03:00:00+02:00"),
            Strike("UA", "2025-03-22T03:00:00+02:00"),
            Strike("RU", "2025-03-23T03:00:00+02:00"),
        ];

        var document = AssessmentDocument.Build(Conditional, incidents);

        document.Incidents.Select(i => i.Verdict).ShouldBe(["violation", "violation", "violation", "permitted"]);
        document.Incidents[3].Trace.Reason.ShouldBe("permitted: RU's duties suspended from 2025-03-22T03:00:00+02:00: UA committed 2 violations within P7D (conditional reciprocity)");
        document.Summary["RU"]["permitted"].ShouldBe(1);
        Conditional.SuspendAfter!.Violations.ShouldBe(2);
    }

    [Fact]
    public void Violations_further_apart_than_the_period_suspend_nothing()
    {
        Incident[] incidents = [Strike("UA", "2025-03-20T03:00:00+02:00"), Strike("UA", "2025-03-28T03:00:00+02:00"), Strike("RU", "2025-03-29T03:00:00+02:00")];

        AssessmentDocument.Build(Conditional, incidents).Incidents.Select(i => i.Verdict).ShouldBe(["violation", "violation", "violation"]);
        Reciprocal.Suspensions(Conditional, incidents, [.. incidents.Select(i => Judge.Decide(i, Conditional))]).ShouldBeEmpty();
    }

    [Fact]
    public void Mutual_terms_never_suspend()
    {
        var mutual = Conditional with { Reciprocity = Reciprocity.Mutual };
        Incident[] incidents = [Strike("UA", "2025-03-20T03:00:00+02:00"), Strike("UA", "2025-03-21T03:00:00+02:00"), Strike("RU", "2025-03-22T03:00:00+02:00")];

        AssessmentDocument.Build(mutual, incidents).Incidents[2].Verdict.ShouldBe("violation");
    }

    [Theory]
    [InlineData("reciprocity: { conditional: { suspend_after: 0, within: P7D } }", "suspend_after: a whole number of violations above zero")]
    [InlineData("reciprocity: { conditional: { suspend_after: 3, within: a week } }", "within: an ISO 8601 duration (e.g. P7D), not 'a week'")]
    [InlineData("reciprocity: { sometimes: yes }", "a reciprocity mapping is { conditional:")]
    [InlineData("reciprocity: tit-for-tat", "reciprocity 'tit-for-tat' is not one of mutual, unilateral")]
    public void A_bad_reciprocity_is_an_error_that_says_why(string yaml, string says)
    {
        var result = TermsParser.Parse($"""
            id: bad-reciprocity
            version: 1
            title: Bad
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
