using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Core.Terms;

namespace TruceWatch.Core.Tests.Support;

/// <summary>Entry points for test data that reads like the domain: <c>Some.Incident().By("RU").Air().Hitting("energy")</c>.</summary>
public static class Some
{
    private static long _nextId;

    public static IncidentBuilder Incident() => new(Interlocked.Increment(ref _nextId));

    /// <summary>An agreement from terms text; the terms must parse without errors (lint warnings are allowed: tests build odd terms on purpose).</summary>
    public static Agreement Agreement(string yaml)
    {
        var result = TermsParser.Parse(yaml);
        result.Diagnostics.Where(d => d.Severity == Severity.Error).ShouldBeEmpty(string.Join(Environment.NewLine, result.Diagnostics));
        return result.Agreement.ShouldNotBeNull();
    }

    /// <summary>
    /// An agreement with the usual header (parties UA and RU) and the given window and clauses, each written as YAML lines
    /// without the leading indentation of the clauses list.
    /// </summary>
    public static Agreement Terms(string window, string clauses, string id = "test-terms") =>
        Agreement($"""
            id: {id}
            version: 1
            title: Test terms
            parties: [UA, RU]
            {window}
            clauses:
            {clauses}
            """);

    /// <summary>Asserts that parsing reported a diagnostic saying <paramref name="says"/>, showing every diagnostic if not.</summary>
    public static void ShouldReport(this TermsResult result, string says) =>
        result.Diagnostics.ShouldContain(d => d.Message.Contains(says, StringComparison.Ordinal), string.Join("\n", result.Diagnostics));

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>Builds an incident of one report; every fact not given is unknown.</summary>
public sealed class IncidentBuilder
{
    private readonly long _id;
    private PartyCode? _perpetrator;
    private ReportedTime _time = ReportedTime.Unknown;
    private StrikeDomain? _domain;
    private TaxonomyPath? _means;
    private List<TaxonomyPath> _targets = [];
    private ReportKey _key;
    private string? _weapon;
    private Place _place = Place.Unknown;

    public IncidentBuilder(long id)
    {
        _id = id;
        _key = new ReportKey("test", id.ToString(CultureInfo.InvariantCulture));
    }

    public IncidentBuilder By(string? party)
    {
        _perpetrator = party is null ? null : PartyCode.Parse(party);
        return this;
    }

    public IncidentBuilder ByUnknown() => By(null);

    /// <summary>An instant with its offset; precision is the second when seconds are written, else the minute.</summary>
    public IncidentBuilder At(string instant)
    {
        var precision = instant.Length > 16 && instant[16] == ':' ? TimePrecision.Second : TimePrecision.Minute;
        return At(instant, precision);
    }

    public IncidentBuilder At(string instant, TimePrecision precision)
    {
        _time = new ReportedTime(Some.Instant(instant), null, precision);
        return this;
    }

    /// <summary>A report that gives only the date, read as that whole day in Kyiv time.</summary>
    public IncidentBuilder OnDay(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _time = new ReportedTime(IsoTime.StartOfDay(day, IsoTime.Kyiv), null, TimePrecision.Day);
        return this;
    }

    public IncidentBuilder Between(string start, string end, TimePrecision precision = TimePrecision.Second)
    {
        _time = new ReportedTime(Some.Instant(start), Some.Instant(end), precision);
        return this;
    }

    public IncidentBuilder WithTime(ReportedTime time)
    {
        _time = time;
        return this;
    }

    public IncidentBuilder AtUnknownTime() => WithTime(ReportedTime.Unknown);

    public IncidentBuilder Air() => In(StrikeDomain.Air);

    public IncidentBuilder Sea() => In(StrikeDomain.Sea);

    public IncidentBuilder Land() => In(StrikeDomain.Land);

    public IncidentBuilder In(StrikeDomain? domain)
    {
        _domain = domain;
        return this;
    }

    public IncidentBuilder InUnknownDomain() => In(null);

    public IncidentBuilder Means(string? means)
    {
        _means = means is null ? null : TaxonomyPath.Parse(means);
        return this;
    }

    public IncidentBuilder ByUnknownMeans() => Means(null);

    public IncidentBuilder Hitting(params string[] targets)
    {
        _targets = [.. targets.Select(TaxonomyPath.Parse)];
        return this;
    }

    public IncidentBuilder HittingNothingNamed() => Hitting();

    public IncidentBuilder Weapon(string weapon)
    {
        _weapon = weapon;
        return this;
    }

    private StrikeCounts _counts;
    private Harm _harm;

    public IncidentBuilder At(Place place)
    {
        _place = place;
        return this;
    }

    /// <summary>Launched, intercepted and hit counts as the source gave them (null: not given).</summary>
    public IncidentBuilder Counting(int? launched, int? intercepted, int? hits)
    {
        _counts = new StrikeCounts(launched, intercepted, hits);
        return this;
    }

    public IncidentBuilder Harming(int? killed, int? injured)
    {
        _harm = new Harm(killed, injured);
        return this;
    }

    public IncidentBuilder From(string source, string recordId)
    {
        _key = new ReportKey(source, recordId);
        return this;
    }

    public Incident Build()
    {
        var report = new Report
        {
            Key = _key,
            Time = _time,
            Perpetrator = _perpetrator,
            Domain = _domain,
            Means = _means,
            Weapon = _weapon,
            Place = _place,
            Targets = [.. _targets],
            Counts = _counts,
            Harm = _harm,
        };
        return Incidents.Incident.FromReport(new IncidentId(_id), report);
    }

    public static implicit operator Incident(IncidentBuilder builder) => builder.Build();
}
