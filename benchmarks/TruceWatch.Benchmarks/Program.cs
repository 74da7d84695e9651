using System.Globalization;
using BenchmarkDotNet.Running;
using TruceWatch.Benchmarks;
using TruceWatch.Benchmarks.Data;

// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --describe              what the synthetic data set holds
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --probe import 100000   one timed pass, for a profiler
//   stages: parse, import (canonical); acled-parse, acled-store, acled-import; TRUCEWATCH_PROBE_REPEAT=N runs the stage N times
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --probe-facts FILE 2       judge-only read and replay of a canonical file, in N parts
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --probe-geography 5          geography passes, wall and CPU time
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --write-csv 1000000 FILE  the synthetic data as a file (end-to-end runs)
switch (args)
{
    case ["--describe", ..]:
        DataSetDescription.Print(Console.Out);
        return;
    case ["--probe", var stage, ..]:
        var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        await Probe.RunAsync(stage, rows, Console.Out);
        return;
    case ["--probe-facts", var file, ..]:
        FactsProbe.Run(file, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount, Console.Out);
        return;
    case ["--probe-geography", ..]:
        GeographyProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, Console.Out);
        return;
    case ["--write-csv", var count, var path, ..]:
        await File.WriteAllTextAsync(path, SyntheticCanonicalCsv.Generate(int.Parse(count, CultureInfo.InvariantCulture)));
        Console.WriteLine($"wrote {count} synthetic canonical rows to {path}");
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, BenchConfig.Create());
        return;
}
