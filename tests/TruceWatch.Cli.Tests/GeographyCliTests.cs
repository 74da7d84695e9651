using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary>The geography example of docs/terms-language.md, judged by the CLI on real places with the bundled map and front lines.</summary>
public sealed partial class GeographyCliTests : CliTest
{
    private const string Header = "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    [Fact]
    public async Task The_documented_long_range_terms_judge_each_place_by_its_distance_from_the_front_line_on_the_day()
    {
        await File.WriteAllTextAsync(Path.Combine(Dir, "terms.yaml"), DocumentedExample(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Dir, "strikes.csv"), Header + "\n" +
            "t,kharkiv-city,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,Kharkiv,49.9935,36.2304,energy.grid,,,\n" +
            "t,kyiv,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,Kyiv,50.4501,30.5234,energy.grid,,,\n" +
            "t,pokrovsk,,2025-03-20T03:00:00+02:00,,RU,air,bomb.guided,,,,,UA,,Pokrovsk,48.2820,37.1758,energy.grid,,,\n" +
            "t,donetsk,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,Donetsk,48.0159,37.8028,energy.grid,,,\n" +
            "t,dnipro-region,,2025-03-20T03:00:00+02:00,,RU,air,drone.long-range,,,,,UA,UA-12,,,,energy.grid,,,\n" +
            "t,lviv,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,Lviv,49.8397,24.0297,energy.grid,,,\n",
            TestContext.Current.CancellationToken);

        var lint = await Run("agreements", "lint", "terms.yaml");
        var assess = await Run("assess", "--agreement", "terms.yaml", "--reports", "strikes.csv", "--format", "json");

        lint.ExitCode.ShouldBe(0, lint.ToString());
        assess.ExitCode.ShouldBe(0, assess.ToString());
        using var document = JsonDocument.Parse(assess.Stdout);
        var verdicts = document.RootElement.GetProperty("incidents").EnumerateArray()
            .ToDictionary(i => i.GetProperty("reports")[0].GetString()!, i => i.GetProperty("verdict").GetString());
        verdicts["t:kharkiv-city"].ShouldBe("violation", "Kharkiv lies 30+ km from the front and in a listed oblast");
        verdicts["t:kyiv"].ShouldBe("violation");
        verdicts["t:pokrovsk"].ShouldBe("out-of-scope", "Pokrovsk lay on the front line in March 2025 (and Donetsk oblast is not listed)");
        verdicts["t:donetsk"].ShouldBe("out-of-scope", "Donetsk is occupied and not listed");
        verdicts["t:dnipro-region"].ShouldBe("indeterminate", "a region without a point: its distance from the front is unknown");
        verdicts["t:lviv"].ShouldBe("out-of-scope", "Lviv oblast is not listed");
        assess.Stdout.ShouldContain("km from the front line of 2025-03-20");
    }

    /// <summary>The terms under "Geography" in docs/terms-language.md, exactly as printed there.</summary>
    private static string DocumentedExample()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "terms-language.md"));
        var section = docs[docs.IndexOf("## Geography", StringComparison.Ordinal)..];
        var match = YamlBlock().Match(section);
        match.Success.ShouldBeTrue("the Geography section of docs/terms-language.md has a ```yaml block");
        return match.Groups["yaml"].Value;
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
