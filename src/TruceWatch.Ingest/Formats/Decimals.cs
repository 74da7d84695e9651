using System.Globalization;
using System.Runtime.CompilerServices;

namespace TruceWatch.Ingest.Formats;

/// <summary>
/// Reads a coordinate or other decimal the way <c>double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c> does, to the
/// last bit, with a fast path for the common plain form (<c>-48.512345</c>): at most 15 digits, so the digits as a whole number are exact
/// in a double, and at most 22 after the point, so is the power of ten; one correctly rounded division of the two is then the correctly
/// rounded value (Clinger's fast path). Anything else (exponents, more digits, spaces) goes to the general parser.
/// </summary>
internal static class Decimals
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        long mantissa = 0;
        int digits = 0, fraction = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || ++digits > MaxDigits)
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }

            mantissa = (mantissa * 10) + digit;
            fraction += point ? 1 : 0;
        }

        if (digits == 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        value = mantissa / PowersOfTen[fraction];
        value = negative ? -value : value;
        return true;
    }
}
