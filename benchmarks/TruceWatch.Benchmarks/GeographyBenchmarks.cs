using BenchmarkDotNet.Attributes;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Judging with geography: 100k strikes at points spread over Ukraine in March 2025, against terms whose clause needs the region,
/// the distance from the front line on the day and the occupation (the long-range example of docs/terms-language.md), with the
/// bundled map. The baseline is the same incidents against the same terms without the place condition.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GeographyBenchmarks
{
    public const int Incidents = 100_000;

    private const string Terms = """
        id: long-range
        version: 1
        title: Long-range energy strikes
        parties: [UA, RU]
        window: { start: 2025-03-01T00:00:00+02:00, duration: P1M }
        clauses:
          - id: long-range-energy
            binds: [RU]
            where: { country: [UA], beyond_km: { from: front-line, distance: 30 }, occupied: exclude }
            prohibits: { domain: [air], target: [energy] }
        """;

    private Incident[] _incidents = [];
    private Incident[] _atSettlements = [];
    private Agreement _withPlace = null!;
    private Agreement _withoutPlace = null!;
    private MapGeography _map = null!;

    [GlobalSetup]
    public void Setup()
    {
        _withPlace = AgreementLibrary.Parse(Terms).Agreement!;
        _withoutPlace = _withPlace with { Clauses = [.. _withPlace.Clauses.Select(c => c with { Prohibits = c.Prohibits with { Where = null } })] };
        _map = MapGeography.Bundled;
        var random = new Random(7);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(2));
        _incidents = [.. Enumerable.Range(0, Incidents).Select(i => Incident.FromReport(new IncidentId(i), new Report
        {
            Key = new ReportKey("bench", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Time = new ReportedTime(start.AddMinutes(random.Next(0, 30 * 24 * 60)), null, TimePrecision.Minute),
            Perpetrator = Core.Parties.PartyCode.Parse("RU"),
            Domain = StrikeDomain.Air,
            Targets = [Core.Taxonomy.TaxonomyPath.Parse("energy.grid")],
            Place = new Place("UA", null, null, new GeoPoint(45.5 + (random.NextDouble() * 6), 23.5 + (random.NextDouble() * 16)), PlacePrecision.Settlement),
        }))];

        // Real reports come from a few thousand settlements, night after night: the same 2,000 points, drawn again and again.
        var settlements = Enumerable.Range(0, 2_000).Select(_ => new GeoPoint(45.5 + (random.NextDouble() * 6), 23.5 + (random.NextDouble() * 16))).ToArray();
        _atSettlements = [.. _incidents.Select(i => i with { Place = i.Place with { Point = settlements[random.Next(settlements.Length)] } })];

        // Build the map's geometry (and every snapshot of the month) outside the timed part.
        foreach (var incident in _incidents.Take(5_000))
        {
            Judge.Decide(incident, _withPlace, _map);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Incidents)]
    public int WithoutPlace() => Violations(_withoutPlace);

    [Benchmark(OperationsPerInvoke = Incidents)]
    public int WithPlace() => Violations(_withPlace);

    /// <summary>The same, with points repeating as real settlements do: the map's distance memo answers most of them.</summary>
    [Benchmark(OperationsPerInvoke = Incidents)]
    public int WithPlaceAtSettlements() => Violations(_withPlace, _atSettlements);

    private int Violations(Agreement terms) => Violations(terms, _incidents);

    private int Violations(Agreement terms, Incident[] incidents)
    {
        var violations = 0;
        foreach (var incident in incidents)
        {
            if (Judge.Decide(incident, terms, _map) == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }
}
