using System.Diagnostics;
using nietras.SeparatedValues;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Bench.Measure;

/// <summary>
/// The floor under any CSV tool on this machine: <c>cat FILE &gt; /dev/null</c> from a warm page cache, and a Sep pass with the canonical
/// reader's options that touches every field's span and parses nothing, on one core and in parts on every core.
/// </summary>
public static class PhysicalLimit
{
    public static async Task<List<StageResult>> RunAsync(string file, CancellationToken cancellationToken)
    {
        var rows = 0L;
        var stages = new List<StageResult>();

        // Untimed warm-up on the first few MB until the JIT is done, as for TruceWatch's stages: the limit is the loop's speed, not its JIT.
        WarmUp.Until(() =>
        {
            using var head = WarmUp.Head(file);
            NoOp(head);
        });

        var (cat, _) = await Meter.RunAsync("limit", "cat FILE > /dev/null", async () =>
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "cat \"$1\" > /dev/null", "sh", file]) { UseShellExecute = false })!;
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (0, 0L);
        }).ConfigureAwait(false);

        var (one, _) = await Meter.RunAsync("limit", "no-op Sep pass (1 core)", () =>
        {
            using var reader = PartitionedFile.OpenText(file, PartitionedFile.Split(file, 1)[0]);
            rows = NoOp(reader);
            return Task.FromResult((0, rows));
        }).ConfigureAwait(false);

        var cores = Environment.ProcessorCount;
        var (parts, _) = await Meter.RunAsync("limit", $"no-op Sep pass ({cores} parts)", () =>
        {
            var ranges = PartitionedFile.Split(file, cores);
            var counts = new long[ranges.Count];
            Parallel.For(0, ranges.Count, i =>
            {
                using var reader = PartitionedFile.OpenText(file, ranges[i]);
                counts[i] = NoOp(reader);
            });
            return Task.FromResult((0, counts.Sum()));
        }).ConfigureAwait(false);

        stages.Add(cat with { Rows = rows });
        stages.Add(one);
        stages.Add(parts);
        return stages;
    }

    private static long NoOp(TextReader text)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(text);
        var rows = 0L;
        var sum = 0L;
        foreach (var row in sep)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                sum += row[i].Span.Length;
            }

            rows++;
        }

        return sum >= 0 ? rows : -1;
    }
}
