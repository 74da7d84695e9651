using BenchmarkDotNet.Running;
using TruceWatch.Benchmarks;
using TruceWatch.Benchmarks.Data;

// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/TruceWatch.Benchmarks -- --describe   (what the synthetic data set holds; no timing)
if (args is ["--describe", ..])
{
    DataSetDescription.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, BenchConfig.Create());
