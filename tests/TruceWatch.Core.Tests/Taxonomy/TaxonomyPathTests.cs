using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Core.Tests.Taxonomy;

public sealed class TaxonomyPathTests
{
    private static TaxonomyPath P(string text) => TaxonomyPath.Parse(text);

    [Theory]
    [InlineData("energy", "energy")]
    [InlineData("energy.grid.substation", "energy.grid.substation")]
    [InlineData("  Energy.Grid ", "energy.grid")]
    [InlineData("drone.long-range", "drone.long-range")]
    [InlineData("military.defence-industry", "military.defence-industry")]
    public void Parse_trims_and_folds_case(string text, string expected) => P(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".energy")]
    [InlineData("energy.")]
    [InlineData("energy..grid")]
    [InlineData("energy grid")]
    [InlineData("energy/grid")]
    [InlineData("енергія")]
    public void Text_that_is_not_a_dot_path_is_rejected(string text)
    {
        TaxonomyPath.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => TaxonomyPath.Parse(text));
    }

    [Theory]
    [InlineData("energy.grid.substation", "energy", true)]
    [InlineData("energy.grid.substation", "energy.grid", true)]
    [InlineData("energy.grid.substation", "energy.grid.substation", true)]
    [InlineData("energy.grid", "energy.grid.substation", false)]
    [InlineData("energy.oil.refinery", "energy.grid", false)]
    [InlineData("energy.oil", "energy.grid", false)]
    [InlineData("energyx", "energy", false)]
    [InlineData("energyx.grid", "energy", false)]
    [InlineData("energy.gridlock", "energy.grid", false)]
    [InlineData("civilian", "civil", false)]
    [InlineData("military.depot", "energy", false)]
    public void IsWithin_holds_for_the_path_itself_and_everything_beneath_it_at_a_dot_boundary(string path, string prefix, bool expected) =>
        P(path).IsWithin(P(prefix)).ShouldBe(expected);

    [Theory]
    [InlineData("energy.grid.substation", "energy", Tri.True)]
    [InlineData("energy.grid", "energy.grid", Tri.True)]
    [InlineData("missile.cruise", "missile", Tri.True)]
    [InlineData("missile", "missile.cruise", Tri.Unknown)]
    [InlineData("energy", "energy.grid", Tri.Unknown)]
    [InlineData("energy", "energy.grid.substation", Tri.Unknown)]
    [InlineData("drone", "drone.long-range", Tri.Unknown)]
    [InlineData("energy.grid", "energy.oil", Tri.False)]
    [InlineData("energy.oil.refinery", "energy.grid", Tri.False)]
    [InlineData("missile.ballistic", "missile.cruise", Tri.False)]
    [InlineData("drone.fpv", "drone.long-range", Tri.False)]
    [InlineData("energyx", "energy", Tri.False)]
    [InlineData("energy", "energyx", Tri.False)]
    [InlineData("military", "energy.grid", Tri.False)]
    public void Matches_is_true_within_the_rule_unknown_when_the_fact_is_coarser_and_false_otherwise(string fact, string rule, Tri expected) =>
        P(fact).Matches(P(rule)).ShouldBe(expected);

    [Theory]
    [InlineData("energy.grid.substation", "energy")]
    [InlineData("energy", "energy")]
    [InlineData("drone.long-range", "drone")]
    public void Root_is_the_first_segment(string path, string root) => P(path).Root.ShouldBe(root);

    [Fact]
    public void Paths_are_equal_by_value_after_normalisation()
    {
        P("Energy.Grid").ShouldBe(P("energy.grid"));
        P("energy.grid").ToString().ShouldBe("energy.grid");
    }
}

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("energy")]
    [InlineData("energy.grid")]
    [InlineData("energy.grid.substation")]
    [InlineData("civilian.transport")]
    [InlineData("military")]
    [InlineData("unknown")]
    public void Target_vocabulary_holds_every_leaf_and_every_ancestor(string path) =>
        Targets.Vocabulary.Contains(TaxonomyPath.Parse(path)).ShouldBeTrue();

    [Theory]
    [InlineData("energy.grid.substations")]
    [InlineData("energi")]
    [InlineData("grid")]
    [InlineData("missile")]
    public void Target_vocabulary_refuses_words_outside_the_taxonomy(string path) =>
        Targets.Vocabulary.Contains(TaxonomyPath.Parse(path)).ShouldBeFalse();

    [Theory]
    [InlineData("missile")]
    [InlineData("missile.cruise")]
    [InlineData("drone.long-range")]
    [InlineData("naval")]
    [InlineData("artillery.rocket")]
    public void Means_vocabulary_holds_classes_and_their_roots(string path) =>
        MeansClasses.Vocabulary.Contains(TaxonomyPath.Parse(path)).ShouldBeTrue();

    [Fact]
    public void All_is_sorted_without_duplicates_and_has_roots()
    {
        var all = MeansClasses.Vocabulary.All;
        all.ShouldBe(all.Order(StringComparer.Ordinal).Distinct().ToList());
        all.ShouldContain("missile");
        all.ShouldContain("drone");
        all.ShouldContain("bomb");
        all.ShouldContain("artillery");
        all.ShouldContain("naval");
        MeansClasses.Vocabulary.Name.ShouldBe("means");
        Targets.Vocabulary.Name.ShouldBe("target");
    }

    [Fact]
    public void Every_vocabulary_entry_is_itself_a_valid_path_within_its_root()
    {
        foreach (var text in Targets.Vocabulary.All.Concat(MeansClasses.Vocabulary.All))
        {
            var path = TaxonomyPath.Parse(text);
            path.Value.ShouldBe(text);
            path.IsWithin(TaxonomyPath.Parse(path.Root)).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("missile.cruise", StrikeDomain.Air)]
    [InlineData("drone.long-range", StrikeDomain.Air)]
    [InlineData("bomb.guided", StrikeDomain.Air)]
    [InlineData("naval.surface-drone", StrikeDomain.Sea)]
    [InlineData("artillery.tube", StrikeDomain.Land)]
    public void Means_imply_a_default_domain(string means, StrikeDomain domain) =>
        MeansClasses.DefaultDomain(TaxonomyPath.Parse(means)).ShouldBe(domain);

    [Fact]
    public void Means_outside_the_taxonomy_imply_no_domain() =>
        MeansClasses.DefaultDomain(TaxonomyPath.Parse("sabotage")).ShouldBeNull();

    [Fact]
    public void Target_constants_are_the_taxonomy_roots()
    {
        Targets.Energy.Value.ShouldBe("energy");
        Targets.Civilian.Value.ShouldBe("civilian");
        Targets.Military.Value.ShouldBe("military");
        Targets.Unknown.Value.ShouldBe("unknown");
    }
}
