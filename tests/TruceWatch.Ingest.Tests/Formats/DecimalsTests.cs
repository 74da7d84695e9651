using System.Globalization;
using Shouldly;
using TruceWatch.Ingest.Formats;
using Xunit;

namespace TruceWatch.Ingest.Tests.Formats;

/// <summary>The fast decimal reader gives the general parser's double to the last bit, and its verdict on text it cannot read.</summary>
public sealed class DecimalsTests
{
    [Theory]
    [InlineData("48.512345")]
    [InlineData("-48.512345")]
    [InlineData("+30.1")]
    [InlineData("0")]
    [InlineData("-0.0")]
    [InlineData("48.")]
    [InlineData(".5")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456")]
    [InlineData("0.0000000000000000000001")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("4.8e1")]
    [InlineData("1E400")]
    [InlineData(" 48.5")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("48,5")]
    [InlineData("NaN")]
    [InlineData("٤٨")]
    public void Reads_as_the_general_parser_does(string text) => Same(text);

    [Fact]
    public void Reads_random_coordinates_as_the_general_parser_does()
    {
        var random = new Random(20251125);
        for (var i = 0; i < 200_000; i++)
        {
            // Up to 17 digits in all, so both paths are taken: the fast one up to 15, the general one beyond.
            var whole = random.Next(0, 181).ToString(CultureInfo.InvariantCulture);
            var places = random.Next(0, 15);
            var fraction = new string([.. Enumerable.Range(0, places).Select(_ => (char)('0' + random.Next(10)))]);
            var text = (random.Next(2) == 0 ? "-" : "") + whole + (places > 0 || random.Next(4) == 0 ? "." + fraction : "");
            Same(text);
        }

        for (var i = 0; i < 100_000; i++)
        {
            Same((random.NextDouble() * 360 - 180).ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void Same(string text)
    {
        var expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        Decimals.TryParse(text, out var actual).ShouldBe(expectedOk, text);
        if (expectedOk)
        {
            BitConverter.DoubleToInt64Bits(actual).ShouldBe(BitConverter.DoubleToInt64Bits(expected), text);
        }
    }
}
