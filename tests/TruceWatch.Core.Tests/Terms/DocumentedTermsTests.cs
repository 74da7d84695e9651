using Shouldly;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;
using Xunit;

namespace TruceWatch.Core.Tests.Terms;

/// <summary>The example in docs/terms-language.md is real terms: it must load clean and mean what the text says.</summary>
public sealed class DocumentedTermsTests
{
    private static string Example()
    {
        var doc = File.ReadAllText(Path.Combine(Bundled.Root, "docs", "terms-language.md"));
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "docs/terms-language.md has no ```yaml example");
        start += "```yaml\n".Length;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_documented_example_loads_without_any_diagnostic()
    {
        var result = TermsParser.Parse(Example());

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Agreement.ShouldNotBeNull().Clauses.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("military.airbase", Verdict.Permitted)]
    [InlineData("energy.grid.substation", Verdict.Violation)]
    [InlineData("unknown", Verdict.Indeterminate)]
    public void The_documented_example_excepts_military_targets(string target, Verdict expected)
    {
        var terms = TermsParser.Parse(Example()).Agreement!;

        Judge.Decide(Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting(target), terms).ShouldBe(expected);
    }
}
