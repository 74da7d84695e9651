namespace TruceWatch.Core.Reports;

/// <summary>Where a strike was carried out: in the air, at sea or on land.</summary>
public enum StrikeDomain
{
    Air,
    Sea,
    Land,
}

/// <summary>Text forms of <see cref="StrikeDomain"/>.</summary>
public static class StrikeDomains
{
    public static string ToText(this StrikeDomain domain) => domain switch
    {
        StrikeDomain.Air => "air",
        StrikeDomain.Sea => "sea",
        StrikeDomain.Land => "land",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    public static bool TryParse(ReadOnlySpan<char> text, out StrikeDomain domain)
    {
        text = text.Trim();
        if (text.Equals("air", StringComparison.OrdinalIgnoreCase))
        {
            domain = StrikeDomain.Air;
            return true;
        }

        if (text.Equals("sea", StringComparison.OrdinalIgnoreCase))
        {
            domain = StrikeDomain.Sea;
            return true;
        }

        if (text.Equals("land", StringComparison.OrdinalIgnoreCase))
        {
            domain = StrikeDomain.Land;
            return true;
        }

        domain = default;
        return false;
    }
}
