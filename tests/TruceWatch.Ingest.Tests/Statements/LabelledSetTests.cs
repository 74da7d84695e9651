using System.Globalization;
using System.Text;
using System.Text.Json;
using Shouldly;
using TruceWatch.Ingest.Statements;
using TruceWatch.Testing;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

/// <summary>
/// Runs the extractor over the two hand-labelled sets — the first (ru-mod.json, ua-airforce.json, drawn by labelled/sample.py, the rules were
/// written on it) and the held-out one (heldout-*.json, drawn by labelled/sample-heldout.py, labelled before the extractor was run on it) — and
/// measures precision and recall per field. Each field is a set of facts per post (the post's kind, its perpetrator, window bounds, weapons,
/// counts per weapon, region and stage, regions, targets); a fact is right when the labels hold the same one. The first set's floors sit just
/// under what was measured; the held-out set's are the issue's targets (docs/extraction.md). A change that reads worse fails here.
/// </summary>
public sealed class LabelledSetTests
{
    /// <summary>Field → (precision floor, recall floor); measured values are in docs/extraction.md.</summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new()
    {
        ["is-strike-report"] = (0.99, 0.99),
        ["perpetrator"] = (0.99, 0.99),
        ["window start"] = (0.99, 0.99),
        ["window end"] = (0.99, 0.99),
        ["weapon type"] = (0.99, 0.99),
        ["counts per stage"] = (0.99, 0.99),
        ["regions"] = (0.99, 0.99),
        ["targets"] = (0.99, 0.99),
    };

    /// <summary>
    /// Field → (precision floor, recall floor) on the held-out set (labelled/heldout-*.json, drawn by labelled/sample-heldout.py): the issue's targets
    /// (0.95 for counts and weapon types, 0.9 for regions) and, for the other fields, floors under what was measured.
    /// </summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> HeldOutFloors = new()
    {
        ["is-strike-report"] = (0.95, 0.95),
        ["perpetrator"] = (0.95, 0.95),
        ["window start"] = (0.9, 0.9),
        ["window end"] = (0.9, 0.9),
        ["weapon type"] = (0.95, 0.95),
        ["counts per stage"] = (0.95, 0.95),
        ["regions"] = (0.9, 0.9),
        ["targets"] = (0.99, 0.99),
    };

    public static TheoryData<string> Sets => new("ru-mod", "ua-airforce", "both", "heldout-ru-mod", "heldout-ua-airforce", "heldout-both");

    [Theory]
    [MemberData(nameof(Sets))]
    public void Extraction_on_the_labelled_posts_stays_above_its_floors_for_precision_and_recall(string set)
    {
        var heldOut = set.StartsWith("heldout-", StringComparison.Ordinal);
        var posts = set.EndsWith("both", StringComparison.Ordinal)
            ? heldOut ? [.. Load("heldout-ru-mod"), .. Load("heldout-ua-airforce")] : [.. Load("ru-mod"), .. Load("ua-airforce")]
            : Load(set);
        var expected = new Dictionary<string, HashSet<string>>();
        var actual = new Dictionary<string, HashSet<string>>();
        var misses = new StringBuilder();
        foreach (var post in posts)
        {
            var read = StatementExtractor.Default.Extract(new Statement(post.Source, post.Text, post.PostedAt));
            var want = Facts(post.Id, post.Label);
            var got = Facts(post.Id, read);
            foreach (var (field, facts) in want)
            {
                expected.TryAdd(field, []);
                expected[field].UnionWith(facts);
            }

            foreach (var (field, facts) in got)
            {
                actual.TryAdd(field, []);
                actual[field].UnionWith(facts);
            }

            var diff = got.SelectMany(f => f.Value).Except(want.SelectMany(f => f.Value)).Select(f => "+ " + f)
                .Concat(want.SelectMany(f => f.Value).Except(got.SelectMany(f => f.Value)).Select(f => "- " + f)).ToList();
            if (diff.Count > 0)
            {
                misses.AppendLine(CultureInfo.InvariantCulture, $"{post.Id}: {string.Join("; ", diff)}");
            }
        }

        var table = new StringBuilder("| field | precision | recall | facts labelled |\n|---|---|---|---|\n");
        var failures = new List<string>();
        foreach (var (field, floor) in heldOut ? HeldOutFloors : Floors)
        {
            var want = expected.GetValueOrDefault(field) ?? [];
            var got = actual.GetValueOrDefault(field) ?? [];
            var hit = got.Count(want.Contains);
            var precision = got.Count == 0 ? 1.0 : (double)hit / got.Count;
            var recall = want.Count == 0 ? 1.0 : (double)hit / want.Count;
            table.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {precision:0.000} | {recall:0.000} | {want.Count} |");
            if (precision < floor.Precision || recall < floor.Recall)
            {
                failures.Add($"{field}: precision {precision:0.000} (floor {floor.Precision}), recall {recall:0.000} (floor {floor.Recall})");
            }
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"extraction-{set}.md"), table + "\n" + misses);
        failures.ShouldBeEmpty(table + "\n" + misses);
    }

    /// <summary>The facts a reading states, per field; window bounds are compared as instants.</summary>
    private static Dictionary<string, HashSet<string>> Facts(string post, ExtractedStatement read)
    {
        var facts = new Dictionary<string, HashSet<string>>
        {
            ["is-strike-report"] = read.Kind == StatementKind.StrikeReport ? [post] : [],
            ["perpetrator"] = [.. read.Claims.Select(c => $"{post} {c.Perpetrator.Value}")],
            ["window start"] = read.Kind == StatementKind.StrikeReport && read.Window.Start is { } s ? [$"{post} {s.UtcDateTime:O}"] : [],
            ["window end"] = read.Kind == StatementKind.StrikeReport && read.Window.End is { } e ? [$"{post} {e.UtcDateTime:O}"] : [],
            ["weapon type"] = [.. read.Claims.Select(c => $"{post} {c.Weapon}")],
            ["counts per stage"] = [.. read.Claims.SelectMany(c => Stages(post, c))],
            ["regions"] = [.. read.Claims.SelectMany(c => c.Regions.Select(r => r.Key).Prepend(c.Region?.Key)).OfType<string>().Select(r => $"{post} {r}")],
            ["targets"] = [.. read.Claims.SelectMany(c => c.Targets).Select(t => $"{post} {t.Value}")],
        };
        return facts;
    }

    private static IEnumerable<string> Stages(string post, StatementClaim c)
    {
        var where = c.Region?.Key ?? "(all)";
        if (c.Launched is { } l)
        {
            yield return $"{post} {c.Weapon} {where} launched={l}";
        }

        if (c.Intercepted is { } i)
        {
            yield return $"{post} {c.Weapon} {where} intercepted={i}";
        }

        if (c.Hit is { } h)
        {
            yield return $"{post} {c.Weapon} {where} hit={h}";
        }
    }

    private static List<LabelledPost> Load(string set)
    {
        var path = Path.Combine(Repo.Root, "tests", "TruceWatch.Ingest.Tests", "Statements", "labelled", set + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var source = set.EndsWith("ru-mod", StringComparison.Ordinal) ? StatementSource.RussianMod : StatementSource.UkrainianAirForce;
        return [.. doc.RootElement.GetProperty("posts").EnumerateArray().Select(p => LabelledPost.From(source, p))];
    }

    private sealed record LabelledPost(string Id, StatementSource Source, string Text, DateTimeOffset PostedAt, ExtractedStatement Label)
    {
        public static LabelledPost From(StatementSource source, JsonElement p)
        {
            var strike = p.GetProperty("kind").GetString() == "strike-report";
            var perpetrator = strike ? Core.Parties.PartyCode.Parse(p.GetProperty("perpetrator").GetString()!) : default;
            var claims = strike
                ? p.GetProperty("claims").EnumerateArray().Select(c => new StatementClaim(
                    perpetrator,
                    c.GetProperty("weapon").GetString()!,
                    null,
                    c.GetProperty("region").GetString() is { } r ? new RegionName(r, null) : null,
                    Int(c, "launched"),
                    Int(c, "intercepted"),
                    Int(c, "hit"),
                    // Regions named together without counts of their own belong to the post's claim without a region.
                    c.GetProperty("region").ValueKind == JsonValueKind.Null && Int(c, "intercepted") is not null
                        ? [.. p.GetProperty("regions_without_counts").EnumerateArray().Select(x => new RegionName(x.GetString()!, null))]
                        : [],
                    [.. p.GetProperty("targets").EnumerateArray().Select(t => Core.Taxonomy.TaxonomyPath.Parse(t.GetString()!))])).ToList()
                : [];
            var window = new StatementWindow(Time(p, "window_start"), Time(p, "window_end"), Core.Reports.IsoTime.Kyiv);
            var label = new ExtractedStatement(strike ? StatementKind.StrikeReport : StatementKind.Other, window, [.. claims]);
            return new LabelledPost(p.GetProperty("id").GetString()!, source, p.GetProperty("text").GetString()!,
                DateTimeOffset.Parse(p.GetProperty("posted_at").GetString()!, CultureInfo.InvariantCulture), label);
        }

        private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

        private static DateTimeOffset? Time(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;
    }
}
