using System.Globalization;
using System.Text.RegularExpressions;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Terms;

/// <summary>
/// The worked examples of docs/terms-language.md are executed: each ```yaml block that follows a "worked example" heading must load
/// without any diagnostic, and every row of the verdict table under it must come out as printed. Tables with a <c>place</c> column need
/// the bundled map and are executed by TruceWatch.Ingest.Tests (<c>PlaceWorkedExampleTests</c>).
/// </summary>
public sealed partial class WorkedExampleTests
{
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, _, _, rows) in Examples().Where(e => !NeedsMap(e.Header)))
        {
            foreach (var row in rows)
            {
                data.Add(id, row);
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_have_worked_examples_each_with_a_table_of_verdicts()
    {
        Examples().Select(e => (e.Id, e.Rows.Count > 3)).ShouldBe([("energy-arrangement-with-easter-truce", true), ("black-sea-shipping", true), ("energy-moratorium-amended", true)]);
        Examples().Where(e => NeedsMap(e.Header)).Select(e => e.Id).ShouldBe(["black-sea-shipping"]);
    }

    [Fact]
    public void Each_worked_example_loads_without_any_diagnostic()
    {
        foreach (var (id, yaml, _, _) in Examples())
        {
            var result = TermsParser.Parse(yaml);
            result.Diagnostics.ShouldBeEmpty($"{id}: {string.Join("\n", result.Diagnostics)}");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_of_a_worked_example_is_judged_as_the_docs_say(string id, string row)
    {
        var terms = TermsParser.Parse(Examples().Single(e => e.Id == id).Yaml).Agreement.ShouldNotBeNull();
        var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var (by, when, target, counts, verdict, version) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
        var incident = Some.Incident().By(by).Air().Means("drone.long-range").Hitting(target);
        incident = when.Length == 10 ? incident.OnDay(when) : incident.At(when);
        if (counts.Length > 0)
        {
            var n = counts.Split('/').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            incident = incident.Counting(n[0], n[1], n[2]);
        }

        var a = Judge.Assess(incident, terms);

        a.Verdict.ToText().ShouldBe(verdict, a.Trace.Reason);
        a.AgreementVersion.ToString(CultureInfo.InvariantCulture).ShouldBe(version);
        Judge.Decide(incident, terms).ToText().ShouldBe(verdict);
        if (a.Verdict == Verdict.Indeterminate)
        {
            a.Trace.MissingFacts.ShouldBe(["time"]);
        }
    }

    private static bool NeedsMap(string header) => header.Contains("| place |", StringComparison.Ordinal);

    private static IReadOnlyList<(string Id, string Yaml, string Header, IReadOnlyList<string> Rows)> Examples()
    {
        var doc = File.ReadAllText(Path.Combine(Bundled.Root, "docs", "terms-language.md"));
        var list = new List<(string, string, string, IReadOnlyList<string>)>();
        foreach (Match section in Section().Matches(doc))
        {
            var yaml = section.Groups["yaml"].Value;
            var id = Regex.Match(yaml, @"^id: (\S+)", RegexOptions.Multiline).Groups[1].Value;
            var lines = section.Groups["table"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            list.Add((id, yaml, lines[0], lines.Skip(2).ToList()));
        }

        return list;
    }

    [GeneratedRegex(@"^## [^\n]*worked example\n.*?```yaml\n(?<yaml>.*?)```\n\n(?<table>(\|[^\n]*\n)+)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Section();
}
