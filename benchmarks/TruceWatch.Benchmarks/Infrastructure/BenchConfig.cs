using BenchmarkDotNet.Configs;

namespace TruceWatch.Benchmarks;

/// <summary>The suite's config: default columns plus rows/s, and artifacts kept beside the project rather than in the working directory.</summary>
internal static class BenchConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddColumn(new RowsPerSecondColumn())
            .WithArtifactsPath(Path.Combine(RepoRoot.Find(), "benchmarks", "TruceWatch.Benchmarks", "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.JoinSummary);
}
