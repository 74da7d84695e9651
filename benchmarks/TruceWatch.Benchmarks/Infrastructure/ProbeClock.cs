using System.Diagnostics;

namespace TruceWatch.Benchmarks;

/// <summary>What a probe stage took: wall and CPU time since <see cref="Start"/>, and the garbage collections of each generation.</summary>
internal readonly struct ProbeClock
{
    private readonly Stopwatch _wall;
    private readonly TimeSpan _cpu;
    private readonly int _gen0, _gen1, _gen2;

    private ProbeClock(Stopwatch wall, TimeSpan cpu, int gen0, int gen1, int gen2) => (_wall, _cpu, _gen0, _gen1, _gen2) = (wall, cpu, gen0, gen1, gen2);

    /// <summary>How many times to run a stage: <c>TRUCEWATCH_PROBE_REPEAT</c>, else once (so a profiler sees the stage, not the set-up).</summary>
    public static int Repeat => int.TryParse(Environment.GetEnvironmentVariable("TRUCEWATCH_PROBE_REPEAT"), out var n) && n > 0 ? n : 1;

    public static ProbeClock Start() =>
        new(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public TimeSpan Wall => _wall.Elapsed;

    public TimeSpan Cpu => Process.GetCurrentProcess().TotalProcessorTime - _cpu;

    /// <summary>Collections since the start, gen 0/1/2.</summary>
    public string Collections => $"{GC.CollectionCount(0) - _gen0}/{GC.CollectionCount(1) - _gen1}/{GC.CollectionCount(2) - _gen2}";
}
