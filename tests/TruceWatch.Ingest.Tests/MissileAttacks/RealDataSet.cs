namespace TruceWatch.Ingest.Tests.MissileAttacks;

/// <summary>The real "Massive Missile Attacks on Ukraine" files in the repository's <c>data/</c> folder.</summary>
internal static class RealDataSet
{
    /// <summary>Rows in <c>missile_attacks_daily.csv</c>, header excluded (see data/missile-attacks-ukraine/SOURCE.md).</summary>
    public const int DailyRows = 3585;

    public static string DailyPath { get; } = Path.Combine(Repo.Root, "data", "missile-attacks-ukraine", "missile_attacks_daily.csv");

    public static string ReferencePath { get; } = Path.Combine(Repo.Root, "data", "missile-attacks-ukraine", "missiles_and_uavs.csv");
}
