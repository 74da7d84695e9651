using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using TruceWatch.Core.Reports;
using Xunit;

namespace TruceWatch.Core.Tests.Reports;

/// <summary>The common forms take a fast path; it must read exactly what the general ISO 8601 parser reads.</summary>
public sealed class IsoTimeFormsTests
{
    private static readonly string[] Forms = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm'Z'"];

    [Property(MaxTest = 500)]
    public Property Every_common_form_parses_to_the_instant_it_was_written_from() =>
        Prop.ForAll(
            Gen.Choose(0, 4_000_000).Zip(Gen.Choose(-12 * 4, 14 * 4)).Zip(Gen.Elements(Forms)).ToArbitrary(),
            input =>
            {
                var ((minutes, quarterHours), form) = input;
                var offset = form.EndsWith("'Z'", StringComparison.Ordinal) ? TimeSpan.Zero : TimeSpan.FromMinutes(quarterHours * 15);
                var instant = new DateTimeOffset(2020, 1, 1, 0, 0, 0, offset).AddMinutes(minutes).AddSeconds(minutes % 60);
                var text = instant.ToString(form, CultureInfo.InvariantCulture);
                var expected = DateTimeOffset.ParseExact(text.Replace("Z", "+00:00", StringComparison.Ordinal), Forms[0..2], CultureInfo.InvariantCulture, DateTimeStyles.None);

                return IsoTime.TryParse(text, IsoTime.Kyiv, out var value, out var precision, out _)
                    && value == expected && value.Offset == expected.Offset
                    && precision == (form.Contains(":ss", StringComparison.Ordinal) ? TimePrecision.Second : TimePrecision.Minute);
            });

    [Theory]
    [InlineData("2025-02-29T10:00:00+02:00")]
    [InlineData("2025-13-01T10:00:00+02:00")]
    [InlineData("2025-03-18T24:00:00+02:00")]
    [InlineData("2025-03-18T10:60:00+02:00")]
    [InlineData("2025-03-18T10:00:61+02:00")]
    [InlineData("2025-03-18T10:00:00+15:00")]
    [InlineData("2025-03-18T10:00:00+02:60")]
    [InlineData("2025-03-18T1a:00:00+02:00")]
    [InlineData("2025-03-18T10:00:00*02:00")]
    public void Impossible_times_in_a_common_form_are_rejected(string text) =>
        IsoTime.TryParse(text, IsoTime.Kyiv, out _, out _, out _).ShouldBeFalse();
}
