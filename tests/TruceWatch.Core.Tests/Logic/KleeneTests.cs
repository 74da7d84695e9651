using FsCheck.Xunit;
using TruceWatch.Core.Logic;

namespace TruceWatch.Core.Tests.Logic;

public sealed class KleeneTests
{
    private const Tri T = Tri.True;
    private const Tri F = Tri.False;
    private const Tri U = Tri.Unknown;

    [Theory]
    [InlineData(T, T, T)]
    [InlineData(T, U, U)]
    [InlineData(T, F, F)]
    [InlineData(U, T, U)]
    [InlineData(U, U, U)]
    [InlineData(U, F, F)]
    [InlineData(F, T, F)]
    [InlineData(F, U, F)]
    [InlineData(F, F, F)]
    public void And_follows_the_Kleene_truth_table(Tri a, Tri b, Tri expected) => Kleene.And(a, b).ShouldBe(expected);

    [Theory]
    [InlineData(T, T, T)]
    [InlineData(T, U, T)]
    [InlineData(T, F, T)]
    [InlineData(U, T, T)]
    [InlineData(U, U, U)]
    [InlineData(U, F, U)]
    [InlineData(F, T, T)]
    [InlineData(F, U, U)]
    [InlineData(F, F, F)]
    public void Or_follows_the_Kleene_truth_table(Tri a, Tri b, Tri expected) => Kleene.Or(a, b).ShouldBe(expected);

    [Theory]
    [InlineData(T, F)]
    [InlineData(U, U)]
    [InlineData(F, T)]
    public void Not_swaps_true_and_false_and_keeps_unknown(Tri a, Tri expected) => Kleene.Not(a).ShouldBe(expected);

    [Theory]
    [InlineData(true, T)]
    [InlineData(false, F)]
    public void From_maps_a_boolean_to_its_truth_value(bool value, Tri expected) => Kleene.From(value).ShouldBe(expected);

    [Theory]
    [InlineData(T, "true")]
    [InlineData(F, "false")]
    [InlineData(U, "unknown")]
    public void ToText_spells_the_value_as_the_trace_does(Tri value, string expected) => value.ToText().ShouldBe(expected);

    [Property]
    public bool Double_negation_is_the_identity(Tri a) => Kleene.Not(Kleene.Not(a)) == a;

    [Property]
    public bool De_Morgan_not_of_and_is_or_of_nots(Tri a, Tri b) =>
        Kleene.Not(Kleene.And(a, b)) == Kleene.Or(Kleene.Not(a), Kleene.Not(b));

    [Property]
    public bool De_Morgan_not_of_or_is_and_of_nots(Tri a, Tri b) =>
        Kleene.Not(Kleene.Or(a, b)) == Kleene.And(Kleene.Not(a), Kleene.Not(b));

    [Property]
    public bool And_and_or_are_commutative_and_associative(Tri a, Tri b, Tri c) =>
        Kleene.And(a, b) == Kleene.And(b, a)
        && Kleene.Or(a, b) == Kleene.Or(b, a)
        && Kleene.And(a, Kleene.And(b, c)) == Kleene.And(Kleene.And(a, b), c)
        && Kleene.Or(a, Kleene.Or(b, c)) == Kleene.Or(Kleene.Or(a, b), c);

    [Property]
    public bool True_and_false_are_the_identities_and_absorbers(Tri a) =>
        Kleene.And(a, T) == a && Kleene.Or(a, F) == a && Kleene.And(a, F) == F && Kleene.Or(a, T) == T;

    [Property]
    public bool And_distributes_over_or(Tri a, Tri b, Tri c) =>
        Kleene.And(a, Kleene.Or(b, c)) == Kleene.Or(Kleene.And(a, b), Kleene.And(a, c));

    [Property]
    public bool Connectives_agree_with_boolean_logic_on_known_values(bool a, bool b) =>
        Kleene.And(Kleene.From(a), Kleene.From(b)) == Kleene.From(a && b)
        && Kleene.Or(Kleene.From(a), Kleene.From(b)) == Kleene.From(a || b)
        && Kleene.Not(Kleene.From(a)) == Kleene.From(!a);

    [Property]
    public bool Excluded_middle_holds_only_for_known_values(Tri a) =>
        Kleene.Or(a, Kleene.Not(a)) == (a == U ? U : T);
}
