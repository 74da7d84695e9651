using TruceWatch.Core.Agreements;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Terms;

/// <summary>The terms shipped in agreements/ parse cleanly and say what their comments say.</summary>
public sealed class BundledTermsTests
{
    public static TheoryData<string> BundledFiles => [.. Bundled.Files()];

    [Fact]
    public void Every_bundled_agreement_is_present() =>
        Bundled.Files().ShouldBe(["black-sea-navigation-2025.yaml", "energy-moratorium-2025.yaml", "french-british-truce-proposal-2025.yaml", "full-ceasefire-template.yaml",
            "holiday-ceasefires-2025.yaml", "istanbul-exchanges-2025.yaml", "ua-partial-air-sea-truce-2025.yaml"], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Every_bundled_file_parses_without_any_diagnostic(string file)
    {
        var result = TermsParser.Parse(Bundled.Text(file));
        result.Diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        result.IsValid.ShouldBeTrue();
        var agreement = result.Agreement.ShouldNotBeNull();
        $"{agreement.Id}.yaml".ShouldBe(file);
    }

    [Fact]
    public void The_energy_moratorium_runs_thirty_days_from_midnight_Moscow_time_on_18_March_2025()
    {
        var a = Bundled.EnergyMoratorium;
        a.Id.ShouldBe("energy-moratorium-2025");
        a.Version.ShouldBe(1);
        a.Title.ShouldBe("30-day moratorium on strikes against energy infrastructure (18 March 2025)");
        a.Status.ShouldBe(AgreementStatus.Lapsed);
        a.Parties.ShouldBe([PartyCode.Ukraine, PartyCode.Russia]);
        a.Reciprocity.ShouldBe(Reciprocity.Mutual);
        a.Obligations.ShouldBeEmpty();

        var window = a.Windows.ShouldHaveSingleItem();
        window.Start.ShouldBe(Some.Instant("2025-03-18T00:00:00+03:00"));
        window.Start!.Value.Offset.ShouldBe(TimeSpan.FromHours(3));
        window.End.ShouldBe(Some.Instant("2025-03-18T00:00:00+03:00").AddDays(30));
        window.End.ShouldBe(Some.Instant("2025-04-17T00:00:00+03:00"));

        var clause = a.Clauses.ShouldHaveSingleItem();
        clause.Id.ShouldBe("no-strikes-on-energy-infrastructure");
        clause.Binds.IsAll.ShouldBeTrue();
        clause.Prohibits.Domains.ShouldBeNull();
        clause.Prohibits.Means.ShouldBeNull();
        clause.Prohibits.Targets!.Select(t => t.Value).ShouldBe([
            "energy.oil.refinery", "energy.oil.pipeline", "energy.oil.depot", "energy.gas.pipeline", "energy.gas.storage", "energy.gas.compressor", "energy.generation", "energy.grid"]);
        clause.Except.ShouldBeEmpty();
    }

    [Fact]
    public void The_Ukrainian_proposal_covers_long_range_air_and_sea_strikes_and_the_naval_war()
    {
        var a = Bundled.UaPartialTruce;
        a.Id.ShouldBe("ua-partial-air-sea-truce-2025");
        a.Status.ShouldBe(AgreementStatus.Proposed);
        a.Parties.ShouldBe([PartyCode.Ukraine, PartyCode.Russia]);

        var window = a.Windows.ShouldHaveSingleItem();
        window.Start.ShouldBe(Some.Instant("2025-03-05T00:00:00+02:00"));
        window.End.ShouldBe(Some.Instant("2025-03-05T00:00:00+02:00").AddDays(30));

        a.Clauses.Select(c => c.Id).ShouldBe(["no-long-range-strikes-on-civilian-infrastructure", "no-naval-attacks"]);
        var longRange = a.Clauses[0];
        longRange.Binds.IsAll.ShouldBeTrue();
        longRange.Prohibits.Domains.ShouldBe([StrikeDomain.Air, StrikeDomain.Sea]);
        longRange.Prohibits.Means.ShouldNotBeNull().Select(m => m.Value).ShouldBe(["missile", "drone.long-range", "bomb"]);
        longRange.Prohibits.Targets.ShouldBe([Targets.Energy, Targets.Civilian]);
        // Military targets are left out by naming energy and civilian targets only; an exception for them could never apply.
        longRange.Except.ShouldBeEmpty();

        var naval = a.Clauses[1];
        naval.Prohibits.Domains.ShouldBe([StrikeDomain.Sea]);
        naval.Prohibits.Means.ShouldBeNull();
        naval.Prohibits.Targets.ShouldBeNull();
        naval.Except.ShouldBeEmpty();

        a.Obligations.ShouldBe([new Obligation("pow-exchange", "prisoner-exchange", "all-for-all")]);
        a.Reciprocity.ShouldBe(Reciprocity.Mutual);
    }
}
