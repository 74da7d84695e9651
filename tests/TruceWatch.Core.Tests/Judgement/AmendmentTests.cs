using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
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
        (document.Agreement.Version, document.Agreement.VersionsText).ShouldBe((1, "v1–v2"));
        document.Agreement.Versions.ShouldBe([1, 2]);
        Amended.AsOfVersion(2)!.Clauses.Select(c => c.Id).ShouldBe(["energy", "ports"]);
        Amended.AsOfVersion(3)!.Clauses.Select(c => (c.Id, c.Counts)).ShouldBe([("energy", StrikeStage.Hit)]);
        Amended.AsOfVersion(4).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, new[] { 1, 2, 3 })]
    [InlineData("2025-03-18T00:00:00+03:00", "2025-04-01T12:00:00+03:00", new[] { 1 })] // v2 from noon: the end is exclusive
    [InlineData("2025-03-18T00:00:00+03:00", "2025-04-01T12:00:01+03:00", new[] { 1, 2 })]
    [InlineData("2025-04-10T00:00:00+03:00", null, new[] { 3 })]
    [InlineData(null, "2025-04-10T00:00:00+03:00", new[] { 1, 2 })]
    public void A_replay_records_the_versions_in_force_during_its_period(string? from, string? to, int[] versions)
    {
        var replay = ReplayDocument.Build([Amended], [], from is null ? null : Some.Instant(from), to is null ? null : Some.Instant(to));

        var agreement = replay.Agreements.ShouldHaveSingleItem().Agreement;
        (agreement.Id, agreement.Version).ShouldBe(("amended", 1));
        agreement.Versions.ShouldBe(versions);
    }

    [Fact]
    public void A_report_known_only_to_the_day_of_an_amendment_that_changes_nothing_for_it_is_judged_and_records_the_later_version()
    {
        var a = Judge.Assess(Some.Incident().By("RU").OnDay("2025-04-01").Air().Means("drone.long-range").Hitting("energy.grid"), Amended);

        a.Verdict.ShouldBe(Verdict.Violation);
        a.AgreementVersion.ShouldBe(2);
    }

    [Theory]
    [InlineData("2025-04-05T03:00:00+03:00", "civilian.transport.port", Verdict.OutOfScope)] // v2's added clause, read hits-only
    [InlineData("2025-03-25T03:00:00+02:00", "energy.grid", Verdict.OutOfScope)]
    [InlineData("2025-04-12T03:00:00+03:00", "energy.grid", Verdict.OutOfScope)]
    public void An_interpretation_reads_the_clauses_amendments_add_and_replace_as_well(string at, string target, Verdict expected)
    {
        var terms = (Amended with { Interpretations = [new Interpretation("hits-only", null, null, StrikeStage.Hit, null)] }).Under("hits-only")!;
        var intercepted = Strike(at, target).Counting(6, 6, 0).Build();

        Judge.Decide(intercepted, terms).ShouldBe(expected);
        Judge.Assess(intercepted, terms).Verdict.ShouldBe(expected);
        Judge.Decide(Strike(at, target).Counting(6, 5, 1), terms).ShouldBe(Verdict.Violation);
    }

    [Fact]
    public void An_amendment_after_every_window_has_ended_is_a_warning_that_it_changes_no_verdict()
    {
        var result = TermsParser.Parse("""
            id: late-amendment
            version: 1
            title: Late
            parties: [UA, RU]
            window: { start: 2025-03-18T00:00:00+03:00, duration: P30D }
            clauses:
              - { id: energy, binds: all, prohibits: { target: [energy] } }
            amendments:
              - { version: 2, from: 2025-05-01T00:00:00+03:00, remove: [energy] }
            """);

        result.IsValid.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        (warning.Severity, warning.Line, warning.Column).ShouldBe((Severity.Warning, 9, 25));
        warning.Message.ShouldContain("when the agreement's windows have all ended (2025-04-17T00:00:00+03:00), so it changes no verdict");
    }

    [Fact]
    public void Deciding_under_amended_zoned_and_clause_windowed_terms_allocates_nothing()
    {
        var terms = Amended with
        {
            Windows = [.. Amended.Windows, new AgreementWindow(Some.Instant("2025-06-01T00:00:00+03:00"), null, "Europe/Kyiv")],
            Clauses = [.. Amended.Clauses, new Clause("later", Binds.All, new Criteria(null, null, null), []) { Windows = Amended.Windows }],
        };
        Incident[] incidents =
        [
            Strike("2025-03-25T03:00:00+02:00", "energy.grid").Counting(6, 6, 0),
            Strike("2025-04-05T03:00:00+03:00", "civilian.transport.port"),
            Some.Incident().By("RU").OnDay("2025-04-01").Air().Means("drone.long-range").Hitting("civilian.transport.port"),
            Strike("2025-07-01T03:00:00+03:00", "energy.grid"),
        ];
        var verdicts = 0;
        foreach (var incident in incidents)
        {
            verdicts += (int)Judge.Decide(incident, terms);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            verdicts += (int)Judge.Decide(incidents[i % incidents.Length], terms);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0, $"(verdicts {verdicts})");
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
