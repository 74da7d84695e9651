using System.Diagnostics;

namespace TruceWatch.Bench.Measure;

/// <summary>What one stage took: wall and CPU time, the peaks of resident memory and of the GC heap while it ran, and what it allocated.</summary>
public sealed record StageResult(string Engine, string Stage, long Rows, TimeSpan Wall, TimeSpan Cpu, long PeakWorkingSet, long PeakGcHeap, long Allocated)
{
    public double RowsPerSecond => Rows / Math.Max(Wall.TotalSeconds, 1e-9);

    public double AllocatedPerRow => Rows == 0 ? 0 : (double)Allocated / Rows;
}

/// <summary>
/// Times a stage and samples memory every few milliseconds on a background thread while it runs (the process's resident set from
/// /proc, and the GC heap). Wall time is the figure compared; CPU time shows how many cores a stage kept busy.
/// </summary>
public static class Meter
{
    public static async Task<(StageResult Result, T Value)> RunAsync<T>(string engine, string stage, Func<Task<(T Value, long Rows)>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var peakWs = ResidentBytes();
        var peakHeap = GC.GetTotalMemory(false);
        var running = 1;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref running) == 1)
            {
                peakWs = Math.Max(peakWs, ResidentBytes());
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var (value, rows) = await work().ConfigureAwait(false);
        clock.Stop();
        Volatile.Write(ref running, 0);
        sampler.Join();
        process.Refresh();
        var result = new StageResult(engine, stage, rows, clock.Elapsed, process.TotalProcessorTime - cpu,
            Math.Max(peakWs, ResidentBytes()), Math.Max(peakHeap, GC.GetTotalMemory(false)), GC.GetTotalAllocatedBytes(precise: true) - allocated);
        return (result, value);
    }

    /// <summary>The process's resident set now (VmRSS), or the working set where /proc is absent.</summary>
    public static long ResidentBytes() => Status("VmRSS:") is { } rss ? rss : Environment.WorkingSet;

    /// <summary>The process's peak resident set so far (VmHWM), or 0 where /proc is absent.</summary>
    public static long PeakResidentBytes() => Status("VmHWM:") ?? 0;

    /// <summary>The 1, 5 and 15-minute load averages (/proc/loadavg), for the record: the machine is shared.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static long? Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
