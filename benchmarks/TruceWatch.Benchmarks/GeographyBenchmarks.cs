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
/// <para>
/// Cold points: before each iteration every remembered distance is forgotten, so each point is answered as if never seen — from the
/// snapshot's prepared grid where a cell settles it, measured otherwise. The same with the grids never built shows what they buy.
/// Repeated points: 2,000 settlements drawn again and again, as real reports repeat them.
/// </para>
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
    private MapGeography _unprepared = null!;

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

        // Build the map's geometry (and every snapshot of the month, with its grid) outside the timed part.
        _unprepared = MapGeography.Load(MapGeography.FindFrontLineDirectory(), int.MaxValue);
        foreach (var incident in _incidents.Take(5_000))
        {
            Judge.Decide(incident, _withPlace, _map);
            Judge.Decide(incident, _withPlace, _unprepared);
        }

        _map.PrepareAll();
    }

    [IterationSetup(Targets = [nameof(WithPlace), nameof(WithPlaceWithoutGrid)])]
    public void ForgetMeasurements()
    {
        _map.ForgetMeasurements();
        _unprepared.ForgetMeasurements();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Incidents)]
    public int WithoutPlace() => Violations(_withoutPlace);

    /// <summary>Points never seen before (memo emptied each iteration), answered from the snapshots' prepared grids.</summary>
    [Benchmark(OperationsPerInvoke = Incidents)]
    public int WithPlace() => Violations(_withPlace, _incidents, _map);

    /// <summary>The same cold points with no grid: every distance measured by NetTopologySuite (run 9's path).</summary>
    [Benchmark(OperationsPerInvoke = Incidents)]
    public int WithPlaceWithoutGrid() => Violations(_withPlace, _incidents, _unprepared);

    /// <summary>Points repeating as real settlements do: the grid, and the memo for the few it leaves to measure.</summary>
    [Benchmark(OperationsPerInvoke = Incidents)]
    public int WithPlaceAtSettlements() => Violations(_withPlace, _atSettlements, _map);

    private int Violations(Agreement terms) => Violations(terms, _incidents, _map);

    private static int Violations(Agreement terms, Incident[] incidents, MapGeography map)
    {
        var violations = 0;
        foreach (var incident in incidents)
        {
            if (Judge.Decide(incident, terms, map) == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }
}
