using System.Text;
using nietras.SeparatedValues;
using Shouldly;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class WeaponPhrasesTests
{
    private static readonly WeaponPhrases Phrases = new(WeaponCatalog.Bundled);

    [Theory]
    [InlineData("- 14 КР Х-101, Х-555, «Калібр»", new[] { "Kh-101", "Kalibr" })]
    [InlineData("- 4 крилаті ракети Х-101/Х-555/Х-55", new[] { "Kh-101", "Kh-55" })]
    [InlineData("- 15 крилатих ракет Х-101/555", new[] { "Kh-101" })]
    [InlineData("- 2 КАР Х 59", new[] { "Kh-59" })]
    [InlineData("- 8 ударних БПЛА \"Shahed-136/131\"", new[] { "Shahed-136" })]
    [InlineData("- 2 крилаті ракети (тип уточнюється)", new string[0])]
    public void The_models_a_text_names_are_found_in_the_order_named(string text, string[] models) =>
        Phrases.Models(text).ShouldBe(models);

    /// <summary>
    /// The span-based lookup must find exactly what looking every candidate string up in the catalog finds (the way it was first written, kept
    /// below as the reference), on every real post of both files, raw and cleaned.
    /// </summary>
    [Fact]
    public void The_models_found_in_every_real_post_are_those_the_catalog_finds_for_each_candidate_string()
    {
        var texts = Column("russia-mod-statements/mod_russia_clean.csv", "text_snippet").Concat(Column("ua-airforce-statements/statements_uk.csv", "text_uk")).ToList();
        var differ = texts.Concat(texts.Select(StatementText.Clean))
            .Where(t => !Phrases.Models(t).SequenceEqual(ReferenceModels(t)))
            .Take(5)
            .ToList();

        texts.Count.ShouldBeGreaterThan(6000);
        differ.ShouldBeEmpty();
    }

    private static IEnumerable<string> Column(string file, string column)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(new StreamReader(Path.Combine(Repo.Root, "data", file), Encoding.UTF8));
        var at = reader.Header.IndexOf(column);
        var texts = new List<string>();
        foreach (var row in reader)
        {
            texts.Add(row[at].ToString());
        }

        return texts;
    }

    private static List<string> ReferenceModels(string text)
    {
        string[] generic = ["Unknown UAV", "Unknown Missile", "Ballistic Missile", "Reconnaissance UAV", "Aerial Bomb", "Cruise Missile", "Guided Missile", "Fixed-wing UAV"];
        var found = new List<string>();
        foreach (var candidate in ReferenceCandidates(text))
        {
            if (WeaponCatalog.Bundled.Find(candidate) is { } entry && !generic.Contains(entry.Name) && !found.Contains(entry.Name))
            {
                found.Add(entry.Name);
            }
        }

        return found;
    }

    private static IEnumerable<string> ReferenceCandidates(string text)
    {
        foreach (var raw in System.Text.RegularExpressions.Regex.Split(text, @"[""(),;:]|\s(?:та|і|и|and)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant))
        {
            var chunk = raw.Trim(' ', '.', '-', '+', '\'');
            if (chunk.Length < 2)
            {
                continue;
            }

            yield return chunk;
            var words = chunk.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (i + 1 < words.Length)
                {
                    yield return words[i] + " " + words[i + 1];
                }

                yield return words[i];
                if (!words[i].Contains('/', StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = words[i].Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }

                var prefix = parts[0].TrimEnd("0123456789".ToCharArray());
                foreach (var part in parts)
                {
                    yield return part;
                    if (part.All(char.IsAsciiDigit))
                    {
                        yield return prefix + part;
                    }
                }
            }
        }
    }
}
