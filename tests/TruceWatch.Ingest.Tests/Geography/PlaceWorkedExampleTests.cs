using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// The worked examples of docs/terms-language.md whose verdict table has a <c>place</c> column, executed with the bundled map: the terms
/// load without any diagnostic and every row comes out as printed (TruceWatch.Core.Tests runs the tables that need no map).
/// </summary>
public sealed partial class PlaceWorkedExampleTests
{
    private static readonly MapGeography Map = MapGeography.Load(Repo.Data("front-line-deepstate"));

    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, _, rows) in Examples())
        {
            foreach (var row in rows)
            {
                data.Add(id, row);
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_have_a_worked_example_judged_by_place()
    {
        Examples().Select(e => (e.Id, e.Rows.Count >= 8)).ShouldBe([("black-sea-shipping", true)]);
    }

    [Fact]
    public void Each_place_worked_example_loads_without_any_diagnostic()
    {
        foreach (var (id, yaml, _) in Examples())
        {
            AgreementLibrary.Parse(yaml).Diagnostics.ShouldBeEmpty(id);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_is_judged_with_the_map_as_the_docs_say(string id, string row)
    {
        var terms = AgreementLibrary.Parse(Examples().Single(e => e.Id == id).Yaml).Agreement.ShouldNotBeNull();
        var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var (by, when, target, place, verdict) = (cells[0], cells[1], cells[2], cells[3], cells[4]);
        var incident = Incident.FromReport(new IncidentId(1), new Report
        {
            Key = new ReportKey("docs", row),
            Time = new ReportedTime(DateTimeOffset.Parse(when, CultureInfo.InvariantCulture), null, TimePrecision.Minute),
            Perpetrator = PartyCode.Parse(by),
            Domain = StrikeDomain.Air,
            Means = TaxonomyPath.Parse("drone.long-range"),
            Targets = [TaxonomyPath.Parse(target)],
            Place = ParsePlace(place),
        });

        var assessment = Judge.Assess(incident, terms, Map);

        assessment.Verdict.ToText().ShouldBe(verdict, assessment.Trace.Reason);
        Judge.Decide(incident, terms, Map).ToText().ShouldBe(verdict);
        if (assessment.Verdict == Verdict.Indeterminate)
        {
            assessment.Trace.MissingFacts.ShouldBe(["location"]);
        }
    }

    private static Place ParsePlace(string text)
    {
        if (text == "unknown")
        {
            return Place.Unknown;
        }

        var parts = text.Split(' ');
        var latLon = parts[0].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var precision = parts[1] == "point" ? PlacePrecision.Point : PlacePrecision.Settlement;
        return new Place(null, null, null, new GeoPoint(latLon[0], latLon[1]), precision);
    }

    private static IReadOnlyList<(string Id, string Yaml, IReadOnlyList<string> Rows)> Examples()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "terms-language.md"));
        var list = new List<(string, string, IReadOnlyList<string>)>();
        foreach (Match section in Section().Matches(doc))
        {
            var lines = section.Groups["table"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines[0].Contains("| place |", StringComparison.Ordinal))
            {
                var yaml = section.Groups["yaml"].Value;
                list.Add((Regex.Match(yaml, @"^id: (\S+)", RegexOptions.Multiline).Groups[1].Value, yaml, lines.Skip(2).ToList()));
            }
        }

        return list;
    }

    [GeneratedRegex(@"^## [^\n]*worked example\n.*?```yaml\n(?<yaml>.*?)```\n\n(?<table>(\|[^\n]*\n)+)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Section();
}
