using System.Text;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Terms;

/// <summary>
/// A malformed terms file of any kind — bad YAML, wrong types, unknown fields, a huge file, deep nesting — comes back as errors with
/// places, never as an exception (or a stack overflow, which no catch could stop).
/// </summary>
public sealed class MalformedTermsTests
{
    private const string Header = """
        id: test-terms
        version: 1
        title: Test terms
        parties: [UA, RU]
        """;

    private static TermsResult Parse(string yaml)
    {
        TermsResult? result = null;
        Should.NotThrow(() => result = TermsParser.Parse(yaml), "bad terms must come back as diagnostics, never as an exception");
        return result!;
    }

    private static TermsDiagnostic SingleError(TermsResult result)
    {
        result.Agreement.ShouldBeNull();
        var error = result.Diagnostics.ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
        error.Severity.ShouldBe(Severity.Error);
        return error;
    }

    [Fact]
    public void A_file_over_the_size_limit_is_one_error_where_the_limit_falls()
    {
        var line = "# " + new string('x', 98) + "\n";
        var yaml = Header + "\n" + string.Concat(Enumerable.Repeat(line, (TermsLimits.MaxCharacters / line.Length) + 10));

        var error = SingleError(Parse(yaml));

        error.Message.ShouldContain("characters long");
        var (expectedLine, expectedColumn) = (5 + ((TermsLimits.MaxCharacters - Header.Length - 1) / line.Length), ((TermsLimits.MaxCharacters - Header.Length - 1) % line.Length) + 1);
        (error.Line, error.Column).ShouldBe((expectedLine, expectedColumn));
    }

    [Fact]
    public void A_large_file_under_the_limit_with_thousands_of_clauses_is_read()
    {
        var text = new StringBuilder(Header).Append("\nclauses:\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append("  - { id: c").Append(i).Append(", binds: all, prohibits: { target: [energy] } }\n");
        }

        text.Length.ShouldBeLessThan(TermsLimits.MaxCharacters);
        var result = Parse(text.ToString());

        result.Diagnostics.ShouldBeEmpty();
        result.Agreement.ShouldNotBeNull().Clauses.Count.ShouldBe(5_000);
    }

    [Fact]
    public void A_large_file_of_bad_clauses_reports_every_error_with_its_place()
    {
        var text = new StringBuilder(Header).Append("\nclauses:\n");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append("  - { id: c").Append(i).Append(", binds: all, prohibits: { target: [enrgy] } }\n");
        }

        var result = Parse(text.ToString());

        result.Agreement.ShouldBeNull();
        result.Diagnostics.Count.ShouldBe(2_000);
        result.Diagnostics.Select(d => d.Line).ShouldBe(Enumerable.Range(6, 2_000));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Deeply_nested_flow_lists_are_an_error_at_the_level_too_deep_not_a_stack_overflow(int depth)
    {
        var yaml = Header + "\nclauses: " + new string('[', depth) + new string(']', depth) + "\n";

        var error = SingleError(Parse(yaml));

        error.Message.ShouldContain($"nested more than {TermsLimits.MaxDepth} deep");
        // The mapping at the top is level 1, so the list that passes the limit is the (MaxDepth)th '['.
        (error.Line, error.Column).ShouldBe((5, "clauses: ".Length + TermsLimits.MaxDepth));
    }

    [Fact]
    public void Deeply_nested_flow_mappings_that_are_never_closed_are_an_error_not_a_crash()
    {
        var yaml = Header + "\nclauses: " + string.Concat(Enumerable.Repeat("{a: ", 50_000));

        var result = Parse(yaml);

        result.Agreement.ShouldBeNull();
        result.Diagnostics.ShouldNotBeEmpty();
        result.Diagnostics.ShouldAllBe(d => d.Severity == Severity.Error && d.Line >= 1 && d.Column >= 1);
    }

    [Fact]
    public void Deeply_nested_block_mappings_are_an_error_at_their_line()
    {
        var text = new StringBuilder(Header).Append("\nclauses:\n");
        for (var level = 0; level < 200; level++)
        {
            text.Append(new string(' ', 2 * (level + 1))).Append('k').Append(level).Append(":\n");
        }

        var error = SingleError(Parse(text.ToString()));

        error.Message.ShouldContain("nested more than");
        // "clauses:" is a key of the top mapping (level 1) on line 5; the mapping under it (level 2) starts on line 6 and each deeper one
        // a line later, so level MaxDepth + 1, the first too deep, starts on line 5 + MaxDepth.
        error.Line.ShouldBe(5 + TermsLimits.MaxDepth);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u007F")]
    public void A_control_character_is_an_error_at_its_place_not_a_crash(string character)
    {
        var error = SingleError(Parse("# a comment" + character + "\n" + Header));

        error.Message.ShouldContain("control character");
        (error.Line, error.Column).ShouldBe((1, 12));
    }

    [Fact]
    public void Nesting_within_the_limit_is_judged_by_the_usual_rules()
    {
        var yaml = Header + "\nclauses: " + new string('[', 10) + new string(']', 10) + "\n";

        var result = Parse(yaml);

        result.Agreement.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Message.Contains("each clause must be a mapping", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clauses: energy", "clauses must be a non-empty list")]
    [InlineData("clauses:\n  - id: [a, b]\n    prohibits: { target: [energy] }", "'id' must be a non-empty text")]
    [InlineData("clauses:\n  - id: a\n    prohibits: [energy]", "prohibits must be a mapping")]
    [InlineData("clauses:\n  - id: a\n    prohibits: { target: { energy: 1 } }", "is not a dot path")]
    [InlineData("clauses:\n  - id: a\n    prohibits: { target: [energy] }\n    where: [UA]", "where must be a mapping")]
    [InlineData("clauses:\n  - id: a\n    prohibits: { target: [energy] }\n    where: { beyond_km: 30 }", "beyond_km must be a mapping")]
    [InlineData("clauses:\n  - id: a\n    prohibits: { target: [energy] }\n    colour: red", "unknown key 'colour' in clause")]
    [InlineData("clauses:\n  - id: a\n    prohibits: { target: [energy] }\n    where: { sea: { black: sea } }", "sea must name")]
    [InlineData("corridors: grain\nclauses:\n  - id: a\n    prohibits: { target: [energy] }", "corridors must be a list")]
    [InlineData("corridors:\n  - { name: c, polygon: [[1, 2], [3]] }\nclauses:\n  - id: a\n    prohibits: { target: [energy] }", "a [lon, lat] pair")]
    public void A_value_of_the_wrong_type_is_an_error_with_its_place(string body, string says)
    {
        var result = Parse(Header + "\n" + body + "\n");

        result.Agreement.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Severity == Severity.Error && d.Message.Contains(says, StringComparison.Ordinal) && d.Line >= 5,
            string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Random_damage_to_every_bundled_agreement_never_crashes_and_every_finding_has_a_place()
    {
        string[] inserts = ["[", "]", "{", "}", ":", ": ", "- ", "\t", "&a ", "*a", "*b", "!!int ", "!!map ", "\"", "'", "#", "\n  ", "|", ">", "? ", ",", "%YAML 1.1\n", "---\n", "...\n", "\0", "\uFEFF", "😀", "~", "null", "9999999999999999999999"];
        var random = new Random(20250325);
        var crashes = new List<string>();
        foreach (var file in Bundled.Files())
        {
            var text = Bundled.Text(file);
            var lines = text.Split('\n').Length;
            for (var i = 0; i < 300; i++)
            {
                var damaged = Damage(text, random, inserts);
                try
                {
                    var result = TermsParser.Parse(damaged);
                    foreach (var d in result.Diagnostics)
                    {
                        if (d.Line < 1 || d.Column < 1 || d.Line > damaged.Split('\n').Length + 1)
                        {
                            crashes.Add($"{file} #{i}: {d} is outside the {lines}-line text");
                        }
                    }

                    if (result.Agreement is null && !result.Diagnostics.Any(d => d.Severity == Severity.Error))
                    {
                        crashes.Add($"{file} #{i}: no agreement and no error");
                    }
                }
                catch (Exception ex)
                {
                    crashes.Add($"{file} #{i}: {ex.GetType().Name}: {ex.Message}\n--- text ---\n{damaged}");
                }
            }
        }

        crashes.ShouldBeEmpty(string.Join("\n\n", crashes.Take(3)));
    }

    private static string Damage(string text, Random random, string[] inserts)
    {
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                1 => text.Insert(at, inserts[random.Next(inserts.Length)]),
                2 => text[..at],
                _ => text.Insert(at, text.Substring(random.Next(text.Length / 2), Math.Min(40, text.Length / 2))),
            };
        }

        return text;
    }
}
