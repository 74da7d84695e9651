using System.Text.Json;
using Shouldly;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class StatementSourcesTests
{
    public static TheoryData<string, StatementSource> LabelledFiles => new()
    {
        { "ru-mod", StatementSource.RussianMod },
        { "heldout-ru-mod", StatementSource.RussianMod },
        { "ua-airforce", StatementSource.UkrainianAirForce },
        { "heldout-ua-airforce", StatementSource.UkrainianAirForce },
    };

    [Theory]
    [MemberData(nameof(LabelledFiles))]
    public void Every_labelled_post_is_recognised_as_its_source_s_from_its_text_alone(string set, StatementSource source)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "TruceWatch.Ingest.Tests", "Statements", "labelled", set + ".json")));
        var wrong = doc.RootElement.GetProperty("posts").EnumerateArray()
            .Where(p => StatementSources.Detect(p.GetProperty("text").GetString()) != source)
            .Select(p => p.GetProperty("id").GetString())
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Between 10:00 and 11:10 MSK, air defence systems destroyed three Ukrainian UAVs over the Kursk, Belgorod and Rostov regions.", StatementSource.RussianMod)]
    [InlineData("25.12.2023\n(07:00)\n\nDESTROYED:\n- 28 attack UAVs \"Shahed-136/131\"\n\nAir Force of Ukraine", StatementSource.UkrainianAirForce)]
    public void An_English_translation_is_recognised_by_its_wording(string text, StatementSource source) =>
        StatementSources.Detect(text).ShouldBe(source);

    [Theory]
    [InlineData("ru-mod", StatementSource.RussianMod)]
    [InlineData(" UA-AirForce ", StatementSource.UkrainianAirForce)]
    public void A_source_name_is_read_in_any_case(string name, StatementSource source)
    {
        StatementSources.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(source);
    }

    [Fact]
    public void Auto_is_a_valid_name_that_leaves_the_source_to_detection()
    {
        StatementSources.TryParse("auto", out var parsed).ShouldBeTrue();
        parsed.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_name_is_refused() => StatementSources.TryParse("tass", out _).ShouldBeFalse();
}
