namespace TruceWatch.Core.Reports;

/// <summary>Counts per stage of a strike. <c>null</c> is "not reported", never zero.</summary>
public readonly record struct StrikeCounts(int? Launched, int? Intercepted, int? Hits)
{
    public static StrikeCounts Unknown => default;
}

/// <summary>Human harm a report claims. <c>null</c> is "not reported", never zero.</summary>
public readonly record struct Harm(int? Killed, int? Injured)
{
    public static Harm Unknown => default;
}
