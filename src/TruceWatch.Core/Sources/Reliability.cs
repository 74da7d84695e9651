namespace TruceWatch.Core.Sources;

/// <summary>Source reliability on the NATO Admiralty scale: A (completely reliable) to F (cannot be judged).</summary>
public enum Reliability
{
    A,
    B,
    C,
    D,
    E,
    F,
}
