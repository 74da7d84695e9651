namespace TruceWatch.Ingest.Tests.MissileAttacks;

/// <summary>The real "Massive Missile Attacks on Ukraine" files in the repository's <c>data/</c> folder.</summary>
internal static class RealDataSet
{
    /// <summary>Rows in <c>missile_attacks_daily.csv</c>, header excluded (see data/missile-attacks-ukraine/SOURCE.md).</summary>
    public const int DailyRows = 3585;

    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "data", "missile-attacks-ukraine");

    public static string DailyPath => Path.Combine(Directory, "missile_attacks_daily.csv");

    public static string ReferencePath => Path.Combine(Directory, "missiles_and_uavs.csv");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TruceWatch.slnx above {AppContext.BaseDirectory}.");
    }
}
