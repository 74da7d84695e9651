using System.Runtime;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Bench.Measure;

/// <summary>
/// Untimed warm-up until the JIT is done with a stage's code: the pass runs again, with a pause after it, until a pass and its pause
/// compile nothing new. Tiered compilation starts counting calls only once no new method has been compiled for a moment, and compiles
/// the optimized code on a background thread; a single short warm-up leaves that work to the timed stage, where on two busy cores it
/// competes with the stage itself (docs/benchmarks.md, run 18). So each engine's code is measured as it runs once compiled; DuckDB's is
/// native and needs none.
/// </summary>
public static class WarmUp
{
    private const int MaxPasses = 12;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>The first few MB of <paramref name="file"/> (whole rows, header first): what a warm-up pass reads.</summary>
    public static TextReader Head(string file)
    {
        var whole = PartitionedFile.Split(file, 1)[0];
        return PartitionedFile.OpenText(file, whole with { End = Math.Min(whole.End, 8L << 20) });
    }

    /// <summary>Runs <paramref name="pass"/> until the JIT settles (at most a dozen times); returns how many passes it took.</summary>
    public static int Until(Action pass)
    {
        for (var passes = 1; ; passes++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            pass();
            Thread.Sleep(Pause);
            if (JitInfo.GetCompiledMethodCount() == before || passes == MaxPasses)
            {
                return passes;
            }
        }
    }
}
