using System.Text;
using System.Text.RegularExpressions;
using nietras.SeparatedValues;
using Shouldly;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class CountPhrasesTests
{
    /// <summary>The pattern the scanner stands for, as it was first written (a regular expression over every word form).</summary>
    private static readonly Regex Reference = new(
        @"(?<!\p{L})(?<each>по\s+|each\s+)?(?<n>\d{1,5}(?![\d.:])|(?:" + string.Join('|', NumberWords.Forms.Select(Regex.Escape)) + @")(?:[\s-]+(?:"
        + string.Join('|', NumberWords.Forms.Select(Regex.Escape)) + @")){0,2})(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("уничтожены двадцать два украинских БПЛА", "двадцать два", 22, false)]
    [InlineData("▫️ по одному БПЛА над территориями", "по одному", 1, true)]
    [InlineData("С 20.00 до 07.00 мск 12 БПЛА", "00", 0, false)]
    [InlineData("forty-two UAVs", "forty-two", 42, false)]
    [InlineData("- п'ять ударних БПЛА", "п'ять", 5, false)]
    [InlineData("тридцатью трижды 7", "7", 7, false)]
    public void The_first_count_is_found_with_its_value(string text, string found, int value, bool each)
    {
        var m = CountPhrases.Next(text, 0);

        m.Success.ShouldBeTrue();
        text.Substring(m.Index, m.Length).ShouldBe(found);
        (m.Value(text), m.Each).ShouldBe((value, each));
    }

    [Fact]
    public void A_number_of_six_digits_is_no_count_but_its_last_five_are() => CountPhrases.Next("ПВО 123456 уничтожен", 0).Index.ShouldBe(5);

    /// <summary>Every count in every real post (and in slices of them, as region-list segments are read) is the one the pattern finds.</summary>
    [Fact]
    public void The_scanner_finds_exactly_what_the_pattern_finds_in_every_real_post()
    {
        var texts = Posts().Select(StatementText.Clean).ToList();
        var slices = texts.SelectMany(t => Enumerable.Range(0, t.Length / 50).Select(i => t.Substring(i * 50, Math.Min(t.Length - (i * 50), 70)))).ToList();
        var differ = texts.Concat(slices).Where(t => !Scanned(t).SequenceEqual(Matched(t))).Take(5).ToList();

        texts.Count.ShouldBeGreaterThan(6000);
        differ.ShouldBeEmpty();
    }

    private static List<(int, int, bool, int?)> Scanned(string text)
    {
        var found = new List<(int, int, bool, int?)>();
        for (var m = CountPhrases.Next(text, 0); m.Success; m = CountPhrases.Next(text, m.Index + m.Length))
        {
            found.Add((m.Index, m.Length, m.Each, m.Value(text)));
        }

        return found;
    }

    private static List<(int, int, bool, int?)> Matched(string text) =>
        [.. Reference.Matches(text).Select(m => (m.Index, m.Length, m.Groups["each"].Success, NumberWords.Parse(m.Groups["n"].Value)))];

    private static IEnumerable<string> Posts()
    {
        foreach (var (file, column) in new[] { ("russia-mod-statements/mod_russia_clean.csv", "text_snippet"), ("ua-airforce-statements/statements_uk.csv", "text_uk") })
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(new StreamReader(Path.Combine(Repo.Root, "data", file), Encoding.UTF8));
            var at = reader.Header.IndexOf(column);
            foreach (var row in reader)
            {
                yield return row[at].ToString();
            }
        }
    }
}
