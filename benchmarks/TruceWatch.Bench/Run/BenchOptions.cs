namespace TruceWatch.Bench.Run;

/// <summary>What <c>trucewatch bench run</c> was asked to do.</summary>
public sealed record BenchOptions(string File, string Store, bool DuckDb, bool Postgres, string? PostgresServer, bool StreamingOnly);
