namespace TruceWatch.Benchmarks;

/// <summary>Finds the repository root (the folder holding TruceWatch.slnx) from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"TruceWatch.slnx not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
