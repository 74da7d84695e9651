using Shouldly;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// The verdict memo of the fast replay path against <see cref="Judge.Decide"/> per report, with every bundled agreement (one of which asks
/// where a strike was) on the real map: the same verdicts on thousands of reports at distinct points, in the Black Sea, on its coast and
/// inland, and far fewer judgements than reports.
/// </summary>
public sealed class VerdictMemoTests
{
    private static readonly MapGeography Map = MapGeography.Load(Repo.Data("front-line-deepstate"));

    private static readonly string[] TargetTexts =
        ["civilian.transport.vessel", "civilian.transport.port", "military", "energy.grid", "energy.oil.refinery", "unknown", "civilian.residential"];

    private static readonly string?[] MeansTexts = ["drone.long-range", "missile.cruise", "artillery", "drone.naval", null];

    [Fact]
    public void Remembered_verdicts_equal_deciding_every_report_and_points_do_not_defeat_the_memo()
    {
        var agreements = AgreementLibrary.Load(Repo.Agreements).Agreements.ToList();
        agreements.ShouldContain(a => a.Id == "black-sea-navigation-2025");
        var memo = new VerdictMemo(agreements, Map);
        var random = new Random(20250325);
        var targets = TargetTexts.Select(t => (System.Collections.Immutable.ImmutableArray<TaxonomyPath>)[TaxonomyPath.Parse(t)]).ToArray();
        var means = MeansTexts.Select(m => m is null ? (TaxonomyPath?)null : TaxonomyPath.Parse(m)).ToArray();
        // A few dozen kinds of strike (party, time, domain, means, target, precision), each at many distinct points.
        var kinds = Enumerable.Range(0, 40).Select(_ => new ReportFacts
        {
            Perpetrator = PartyCode.Parse(random.Next(2) == 0 ? "RU" : "UA"),
            Time = new ReportedTime(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 24 * 120)), null, TimePrecision.Minute),
            Domain = (StrikeDomain)random.Next(0, 3),
            Means = means[random.Next(means.Length)],
            Targets = targets[random.Next(targets.Length)],
            Place = new Place(null, null, null, null, random.Next(2) == 0 ? PlacePrecision.Point : PlacePrecision.Settlement),
        }).ToArray();
        const int Reports = 4000;
        for (var i = 0; i < Reports; i++)
        {
            // Points spread over the western Black Sea, its coast and the land north of it; every report its own point.
            var point = new GeoPoint(43.0 + (random.NextDouble() * 5.0), 29.0 + (random.NextDouble() * 9.0));
            var kind = kinds[random.Next(kinds.Length)];
            var facts = kind with { Place = kind.Place with { Point = point } };

            var remembered = memo.Decide(facts).ToArray();
            var incident = Incident.FromReport(new IncidentId(1), facts.ToReport(new ReportKey("test", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            for (var a = 0; a < agreements.Count; a++)
            {
                remembered[a].ShouldBe(Judge.Decide(incident, agreements[a], Map), $"report {i} under {agreements[a].Id}");
            }
        }

        // The place enters the key only as the answers of the rules a report can reach (three answers a rule), so 4,000 distinct
        // points of 40 kinds are judged at most 40 × 3 times, not 4,000.
        memo.Judged.ShouldBeLessThanOrEqualTo(40 * 3);
        memo.Judged.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Target_lists_and_means_enter_the_key_as_the_answers_of_the_agreements_tests()
    {
        var agreements = AgreementLibrary.Load(Repo.Agreements).Agreements.ToList();
        var memo = new VerdictMemo(agreements, Map);
        var random = new Random(20250326);
        string[] leaves =
        [
            "energy.grid", "energy.grid.substation", "energy.oil.refinery", "energy.oil.depot", "energy.generation.thermal", "military",
            "military.airfield", "civilian.residential", "civilian.transport.port", "civilian.transport.vessel", "unknown", "civilian.medical",
        ];
        var times = new[] { new DateTimeOffset(2025, 3, 20, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 10, 3, 0, 0, TimeSpan.Zero) };
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        const int Reports = 3000;
        for (var i = 0; i < Reports; i++)
        {
            // Every report gets its own target list and means instances (as from a file whose caches are full): by reference, all differ.
            var targets = Enumerable.Range(0, random.Next(1, 4)).Select(_ => leaves[random.Next(leaves.Length)]).Distinct().Order(StringComparer.Ordinal).ToArray();
            var means = MeansTexts[random.Next(MeansTexts.Length)];
            var facts = new ReportFacts
            {
                Perpetrator = PartyCode.Parse(random.Next(2) == 0 ? "RU" : "UA"),
                Time = new ReportedTime(times[random.Next(times.Length)], null, TimePrecision.Minute),
                Domain = (StrikeDomain)random.Next(0, 3),
                Means = means is null ? null : TaxonomyPath.Parse(new string(means.AsSpan())),
                Targets = [.. targets.Select(t => TaxonomyPath.Parse(new string(t.AsSpan())))],
                Place = Place.Unknown,
            };
            distinct.Add($"{facts.Perpetrator}|{facts.Time.Start}|{facts.Domain}|{means}|{string.Join(';', targets)}");

            var remembered = memo.Decide(facts).ToArray();
            var incident = Incident.FromReport(new IncidentId(1), facts.ToReport(new ReportKey("test", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            for (var a = 0; a < agreements.Count; a++)
            {
                remembered[a].ShouldBe(Judge.Decide(incident, agreements[a], Map), $"report {i} under {agreements[a].Id}");
            }
        }

        // Keyed by reference, every report would be judged; by value, once per distinct combination; by the tests' answers, fewer still.
        distinct.Count.ShouldBeGreaterThan(Reports / 4);
        memo.Judged.ShouldBeLessThan(distinct.Count / 2);
    }
}
