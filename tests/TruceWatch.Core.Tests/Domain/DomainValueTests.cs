using TruceWatch.Core.Incidents;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Domain;

public sealed class DomainValueTests
{
    [Theory]
    [InlineData("UA", "UA")]
    [InlineData(" ru ", "RU")]
    [InlineData("md", "MD")]
    [InlineData("UA-DPR", "UA-DPR")]
    public void Party_codes_are_trimmed_and_upper_cased(string text, string expected)
    {
        PartyCode.TryParse(text, out var code).ShouldBeTrue();
        code.Value.ShouldBe(expected);
        code.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("R")]
    [InlineData("TOOLONGCODE")]
    [InlineData("U A")]
    [InlineData("UA!")]
    public void Text_that_is_not_a_party_code_is_refused(string? text)
    {
        PartyCode.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => PartyCode.Parse(text!));
    }

    [Fact]
    public void The_two_named_parties_are_Ukraine_and_Russia()
    {
        PartyCode.Ukraine.ShouldBe(PartyCode.Parse("ua"));
        PartyCode.Russia.ShouldBe(PartyCode.Parse("RU"));
    }

    [Theory]
    [InlineData("air", StrikeDomain.Air)]
    [InlineData(" SEA ", StrikeDomain.Sea)]
    [InlineData("Land", StrikeDomain.Land)]
    public void Domains_parse_and_print(string text, StrikeDomain expected)
    {
        StrikeDomains.TryParse(text, out var domain).ShouldBeTrue();
        domain.ShouldBe(expected);
        StrikeDomains.TryParse(domain.ToText(), out var back).ShouldBeTrue();
        back.ShouldBe(domain);
    }

    [Theory]
    [InlineData("space")]
    [InlineData("")]
    [InlineData("cyber")]
    public void Unknown_domains_are_refused(string text) => StrikeDomains.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_report_key_prints_as_source_colon_record_id() =>
        new ReportKey("ua-air-force", "2025-03-20-1").ToString().ShouldBe("ua-air-force:2025-03-20-1");

    [Fact]
    public void An_incident_from_one_report_carries_its_facts_unchanged()
    {
        var report = new Report
        {
            Key = new ReportKey("acled", "UKR1"),
            Time = new ReportedTime(Some.Instant("2025-03-20T03:00+02:00"), null, TimePrecision.Minute),
            Perpetrator = PartyCode.Russia,
            Domain = StrikeDomain.Air,
            Means = TaxonomyPath.Parse("drone.long-range"),
            Weapon = "Shahed-136",
            Targets = [TaxonomyPath.Parse("energy.grid.substation"), Targets.Unknown],
            Place = Place.Of("UA", "Odeska", null, null),
            Counts = new StrikeCounts(10, 8, 2),
        };

        var incident = Incident.FromReport(new IncidentId(7), report);

        incident.Id.ShouldBe(new IncidentId(7));
        incident.Id.ToString().ShouldBe("7");
        incident.Reports.ShouldBe([report]);
        incident.Perpetrator.ShouldBe(report.Perpetrator);
        incident.Time.ShouldBe(report.Time);
        incident.Domain.ShouldBe(report.Domain);
        incident.Means.ShouldBe(report.Means);
        incident.Weapon.ShouldBe(report.Weapon);
        incident.Targets.ShouldBe(report.Targets);
        incident.Place.ShouldBe(report.Place);
        incident.Counts.ShouldBe(report.Counts);
    }

    [Theory]
    [InlineData("UA", null, null, false, PlacePrecision.Country)]
    [InlineData("UA", "Kharkivska", null, false, PlacePrecision.Admin1)]
    [InlineData("UA", "Kharkivska", "Kharkiv", false, PlacePrecision.Settlement)]
    [InlineData(null, null, null, true, PlacePrecision.Point)]
    [InlineData(" ", "", null, false, PlacePrecision.Unknown)]
    public void A_place_is_as_precise_as_its_finest_part(string? country, string? admin1, string? name, bool point, PlacePrecision expected) =>
        Place.Of(country, admin1, name, point ? new GeoPoint(49.99, 36.23) : null).Precision.ShouldBe(expected);

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-91, 0)]
    [InlineData(0, 181)]
    [InlineData(double.NaN, 0)]
    public void A_point_off_the_globe_is_refused(double lat, double lon) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));
}
