using System.Text;
using System.Text.Json;
using Shouldly;
using TruceWatch.Bench.Workload;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary>
/// The judge-only path (<see cref="CanonicalFactsReader"/> → <see cref="VerdictMemo"/> → <see cref="ReplayTally"/>, in parts) must give
/// exactly what the full path gives: the full reader, an incident per report, <c>Judge.Decide</c> of each, reciprocity over the whole set.
/// </summary>
public sealed class JudgeOnlyReplayTests : IDisposable
{
    private const string Header = CanonicalColumns.Header;

    // Rows the lean path hands to the full parser, to be accepted differently from the common way or rejected with its reasons.
    private static readonly string[] Unusual =
    [
        "edge,f1,,2025-03-20T01:00:00+02:00,,RU,air,missile.cruise,,4.0,2.0,2.0,UA,Kyiv Oblast,,,,energy.grid.substation,1.0,,float counts",
        "edge,f2,,2025-03-20T01:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,999,35.0,energy.grid.substation,,,bad latitude",
        "edge,f3,,2025-03-20,2025-03-21,RU,,drone.long-range,,,,,UA,Odesa Oblast,,,,energy.generation.thermal,,,two days",
        "edge,f4,2025-03-20T05:00:00Z,2025-03-20T01:00:00Z,,UA,,drone.long-range,,,,,RU,,,,,energy.oil.refinery,,,zulu",
        "edge,f5,,2025-03-20T01:00+02:00,2025-03-20T02:30+02:00,RU,,,Shahed-136,,,,ua,,Odesa,46.48,30.72,civilian.residential,,,minutes and a point",
        ",f6,,2025-03-20T01:00:00+02:00,,RU,,,,,,,UA,,,,,,,,no source",
        "edge,f7,,2025-03-20T01:00:00+02:00,,XX,,,,,,,UA,,,,,,,,no such party",
        "edge,f8,,2025-03-20T01:00:00+02:00,,RU,,,,,,,UA,,,,,,,too few fields",
        "edge,f9,, 2025-03-20T01:00:00.5+02:00 ,,\" RU \",,missile.ballistic,,,,,UA,,,,,\"energy.grid.substation;civilian.residential\",,2,fraction and spaces",
        "edge,f10,yesterday,2025-03-20T01:00:00+02:00,,RU,,,,,,,UA,,,,,,,,bad reported_at",
        "edge,f11,,,,RU,air,missile.cruise,,,,,UA,,,,,energy.grid.substation,,,no time",
        "edge,f12,,2025-03-21T01:00:00+02:00,2025-03-20T01:00:00+02:00,RU,,,,,,,UA,,,,,,,,end before start",
        "edge,f13,,2025-03-20T01:00:00+02:00,,RU,,,,,,,UA,,,,,energy.no-such-thing,,,unknown target",
        "edge,,,2025-04-01,,RU,sea,missile.cruise,Kalibr,3,3,,UA,Mykolaiv Oblast,,,,civilian.residential,,,no record id",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("trucewatch-judge-only-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_judge_only_reader_reads_the_facts_the_full_reader_reads_and_rejects_the_same_rows()
    {
        var path = Workload(20_000);
        var full = new List<string>();
        var fullRejected = new List<QuarantinedRow>();
        using (var reader = new StreamReader(path))
        {
            foreach (var item in new CanonicalCsvFormat(WeaponCatalog.Bundled).Read(reader, TestContext.Current.CancellationToken))
            {
                if (item is ImportItem.Accepted a)
                {
                    full.Add(Describe(ReportFacts.Of(a.Record.Report)));
                }
                else
                {
                    fullRejected.Add(((ImportItem.Rejected)item).Row);
                }
            }
        }

        var lean = new Collect();
        using (var reader = new StreamReader(path))
        {
            new CanonicalFactsReader(WeaponCatalog.Bundled).Read(reader, lean, TestContext.Current.CancellationToken);
        }

        fullRejected.Count.ShouldBe(12);
        lean.Rejected.ShouldBe(fullRejected);
        lean.Facts.Count.ShouldBe(full.Count);
        for (var i = 0; i < full.Count; i++)
        {
            lean.Facts[i].ShouldBe(full[i], $"row {i + 1} of the accepted");
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2025-03-18", "2025-04-16")]
    public async Task Replay_of_a_file_counts_what_the_whole_set_replay_counts_under_every_bundled_agreement(string? from, string? to)
    {
        // Big enough to be read in two parts, with a violation streak that suspends a party under conditional reciprocity.
        var path = Workload(40_000);
        IReadOnlyList<Agreement> agreements = [.. AgreementLibrary.Bundled().Agreements];
        agreements.ShouldContain(a => a.Reciprocity == Reciprocity.Conditional);
        var fromTime = from is null ? (DateTimeOffset?)null : IsoTime.StartOfDay(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), IsoTime.Kyiv);
        var toTime = to is null ? (DateTimeOffset?)null : IsoTime.StartOfDay(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture).AddDays(1), IsoTime.Kyiv);

        var incidents = new List<Incident>();
        var rejected = new List<QuarantinedRow>();
        using (var reader = new StreamReader(path))
        {
            foreach (var item in new CanonicalCsvFormat(WeaponCatalog.Bundled).Read(reader, TestContext.Current.CancellationToken))
            {
                if (item is ImportItem.Accepted a && a.Record.Report.Time.Overlaps(fromTime, toTime))
                {
                    incidents.Add(Incident.FromReport(new IncidentId(incidents.Count + 1), a.Record.Report));
                }
                else if (item is ImportItem.Rejected r)
                {
                    rejected.Add(r.Row);
                }
            }
        }

        var expected = ReplayDocument.Build(agreements, incidents, fromTime, toTime, MapGeography.Bundled);
        expected.Agreements.Single(c => c.Agreement.Id == "full-ceasefire-template").Summary.Values.Sum(v => v["permitted"]).ShouldBeGreaterThan(0);

        string[] period = from is null ? [] : ["--from", from, "--to", to!];
        var replay = await Trucewatch.RunAsync(_dir, ["replay", "--reports", path, "--format", "json", .. period]);

        replay.ExitCode.ShouldBe(0, replay.ToString());
        replay.Stdout.Trim().ShouldBe(JsonSerializer.Serialize(expected, AssessmentDocument.Json).Trim());
        var warnings = replay.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        warnings.ShouldBe([.. rejected.Take(10).Select(r => $"warning: {path}, {r.Reason} (row skipped)"), $"warning: … {rejected.Count - 10} more rows skipped"]);
    }

    /// <summary>A synthetic workload with the unusual rows spread through it (one in each part of a two-part read).</summary>
    private string Workload(int reports)
    {
        var generated = Path.Combine(_dir, "generated.csv");
        SyntheticReports.WriteFile(generated, reports, seed: 20250318);
        var lines = File.ReadAllLines(generated);
        var path = Path.Combine(_dir, $"workload-{reports}.csv");
        var text = new StringBuilder(lines[0].Length * (lines.Length + Unusual.Length));
        text.Append(Header).Append('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append('\n');
            if (i == 5 || i == lines.Length - 6)
            {
                foreach (var row in Unusual)
                {
                    text.Append(row).Append('\n');
                }
            }
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Describe(in ReportFacts f) => string.Join(" | ",
        f.Perpetrator?.Value, f.Time.Start?.ToString("O"), f.Time.End?.ToString("O"), f.Time.Precision, f.Time.Latest?.ToString("O"), f.Domain,
        f.Means?.Value, f.MeansInferred, f.Weapon, f.Counts, f.Place, string.Join(";", f.Targets), f.Harm);

    private sealed class Collect : IFactsSink
    {
        public List<string> Facts { get; } = [];

        public List<QuarantinedRow> Rejected { get; } = [];

        public void Add(in ReportFacts facts) => Facts.Add(Describe(facts));

        public void Reject(QuarantinedRow row) => Rejected.Add(row);
    }
}
