namespace TruceWatch.Core.Logic;

/// <summary>A three-valued truth value (Kleene logic): a fact that is not known is neither true nor false.</summary>
public enum Tri : byte
{
    False = 0,
    Unknown = 1,
    True = 2,
}

/// <summary>Kleene connectives over <see cref="Tri"/>.</summary>
public static class Kleene
{
    public static Tri And(Tri a, Tri b) => (Tri)Math.Min((byte)a, (byte)b);

    public static Tri Or(Tri a, Tri b) => (Tri)Math.Max((byte)a, (byte)b);

    public static Tri Not(Tri a) => (Tri)(2 - (byte)a);

    public static Tri From(bool value) => value ? Tri.True : Tri.False;

    public static string ToText(this Tri value) => value switch
    {
        Tri.True => "true",
        Tri.False => "false",
        _ => "unknown",
    };
}
