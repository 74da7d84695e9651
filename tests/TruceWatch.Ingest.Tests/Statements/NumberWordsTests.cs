using Shouldly;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("три", 3)]
    [InlineData("один", 1)]
    [InlineData("шести", 6)]
    [InlineData("двух", 2)]
    [InlineData("двадцать два", 22)]
    [InlineData("двадцять", 20)]
    [InlineData("сорок два", 42)]
    [InlineData("дві", 2)]
    [InlineData("чотири", 4)]
    [InlineData("п'ять", 5)]
    [InlineData("п’ятнадцять", 15)]
    [InlineData("сто двадцять три", 123)]
    [InlineData("forty-two", 42)]
    [InlineData("twenty one", 21)]
    [InlineData("two hundred and five", 205)]
    [InlineData("99", 99)]
    public void A_count_written_in_words_or_digits_has_its_value(string text, int expected) =>
        NumberWords.Parse(text).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("БПЛА")]
    [InlineData("два три")]
    [InlineData("двенадцать два")]
    [InlineData("twenty forty")]
    public void Words_that_are_no_single_number_are_no_count(string text) =>
        NumberWords.Parse(text).ShouldBeNull();
}
