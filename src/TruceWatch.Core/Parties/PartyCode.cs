namespace TruceWatch.Core.Parties;

/// <summary>A party to a conflict or agreement, by its upper-case code (<c>UA</c>, <c>RU</c>).</summary>
public readonly record struct PartyCode
{
    public string Value { get; }

    private PartyCode(string value) => Value = value;

    public static readonly PartyCode Ukraine = new("UA");
    public static readonly PartyCode Russia = new("RU");

    /// <summary>Parses a code of 2–8 ASCII letters, digits or dashes; case is normalised to upper.</summary>
    public static bool TryParse(string? text, out PartyCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length is < 2 or > 8)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        code = new PartyCode(trimmed.ToUpperInvariant());
        return true;
    }

    public static PartyCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a party code (2–8 letters, e.g. UA, RU).");

    public override string ToString() => Value ?? "";
}
