namespace TruceWatch.Core.Sources;

/// <summary>What kind of reporter a source is.</summary>
public enum SourceKind
{
    PartyOfficial,
    IndependentMonitor,
    Media,
    Osint,
    Field,
    Crowd,
}

/// <summary>Text forms of <see cref="SourceKind"/> as written in files and APIs (<c>party-official</c>, …).</summary>
public static class SourceKinds
{
    public static string ToText(this SourceKind kind) => kind switch
    {
        SourceKind.PartyOfficial => "party-official",
        SourceKind.IndependentMonitor => "independent-monitor",
        SourceKind.Media => "media",
        SourceKind.Osint => "osint",
        SourceKind.Field => "field",
        SourceKind.Crowd => "crowd",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out SourceKind kind)
    {
        foreach (var k in Enum.GetValues<SourceKind>())
        {
            if (string.Equals(k.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
