using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Amended terms: each incident is judged under the version in force when it happened, and the assessment says which.</summary>
public sealed class AmendmentTests
{
    /// <summary>The amended terms shared with the CLI tests (tests/Shared/amended-terms.yaml).</summary>
    private static readonly string Yaml = File.ReadAllText(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"));

    private static readonly Agreement Amended = Some.Agreement(Yaml);

    private static IncidentBuilder Strike(string at, string target) => Some.Incident().By("RU").At(at).Air().Means("drone.long-range").Hitting(target);

    [Theory]
    [InlineData("2025-03-25T03:00:00+02:00", "civilian.transport.port", Verdict.OutOfScope, 1)]
    [InlineData("2025-04-05T03:00:00+03:00", "civilian.transport.port", Verdict.Violation, 2)]
    [InlineData("2025-04-12T03:00:00+03:00", "civilian.transport.port", Verdict.OutOfScope, 3)]
    [InlineData("2025-03-25T03:00:00+02:00", "energy.grid", Verdict.Violation, 1)]
    public void Each_incident_is_judged_by_the_version_in_force_when_it_happened(string at, string target, Verdict expected, int version)
    {
        var incident = Strike(at, target).Counting(6, 6, 0).Build();

        var a = Judge.Assess(incident, Amended);

        a.Verdict.ShouldBe(expected);
        a.AgreementVersion.ShouldBe(version);
        Judge.Decide(incident, Amended).ShouldBe(expected);
    }

    [Fact]
    public void An_intercepted_drone_counts_under_version_1_but_not_after_version_3_reads_hits_only()
    {
        Judge.Decide(Strike("2025-03-25T03:00:00+02:00", "energy.grid").Counting(6, 6, 0), Amended).ShouldBe(Verdict.Violation);
        Judge.Decide(Strike("2025-04-12T03:00:00+03:00", "energy.grid").Counting(6, 6, 0), Amended).ShouldBe(Verdict.OutOfScope);
    }

    [Fact]
    public void A_report_known_only_to_the_day_of_an_amendment_that_changes_its_verdict_is_indeterminate()
    {
        var a = Judge.Assess(Some.Incident().By("RU").OnDay("2025-04-01").Air().Means("drone.long-range").Hitting("civilian.transport.port"), Amended);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.MissingFacts.ShouldBe(["time"]);
        a.Trace.Reason.ShouldContain("versions v1, v2 judge it differently (v2 from 2025-04-01T12:00:00+03:00)");
    }

    [Fact]
    public void The_document_records_the_version_of_each_incident()
    {
        var document = AssessmentDocument.Build(Amended, [Strike("2025-03-25T03:00:00+02:00", "energy.grid").Build(), Strike("2025-04-05T03:00:00+03:00", "energy.grid").Build()]);

        document.Incidents.Select(i => i.Version).ShouldBe([1, 2]);
        Amended.AsOfVersion(2)!.Clauses.Select(c => c.Id).ShouldBe(["energy", "ports"]);
        Amended.AsOfVersion(3)!.Clauses.Select(c => (c.Id, c.Counts)).ShouldBe([("energy", StrikeStage.Hit)]);
        Amended.AsOfVersion(4).ShouldBeNull();
    }

    [Theory]
    [InlineData("  - { version: 1, from: 2025-04-01T00:00:00+03:00, remove: [energy] }", "amendment version 1 must be above 1")]
    [InlineData("  - { version: 2, from: 2025-03-01T00:00:00+03:00, remove: [energy] }", "takes effect before the agreement starts")]
    [InlineData("  - { version: 2, from: 2025-04-01T00:00:00+03:00, remove: [ports] }", "remove names clause 'ports', which is not in force by then")]
    [InlineData("  - { version: 2, from: 2025-04-01T00:00:00+03:00, replace: [{ id: ports, binds: all, prohibits: { target: [energy] } }] }", "replace names clause 'ports'")]
    [InlineData("  - { version: 2, from: 2025-04-01T00:00:00+03:00, add: [{ id: energy, binds: all, prohibits: { target: [energy] } }] }", "add names clause 'energy', which is already in force")]
    [InlineData("  - { version: 2, from: 2025-04-01T00:00 }", "must be an ISO 8601 time with offset")]
    public void A_bad_amendment_is_an_error_that_says_why(string amendment, string says)
    {
        var result = TermsParser.Parse($"""
            id: bad-amendment
            version: 1
            title: Bad
            parties: [UA, RU]
            window:
              start: 2025-03-18T00:00:00+03:00
              duration: P60D
            clauses:
              - id: energy
                binds: all
                prohibits:
                  target: [energy]
            amendments:
            {amendment}
            """);

        result.ShouldReport(says);
    }
}
