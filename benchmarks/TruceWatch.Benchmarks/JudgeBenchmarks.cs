using BenchmarkDotNet.Attributes;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Benchmarks;

/// <summary>Judging 1M pre-built incidents against one agreement: the verdict alone (the bulk hot path) against the verdict with its trace.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class JudgeBenchmarks
{
    private Incident[] _incidents = [];
    private List<ImportItem> _items = [];
    private Agreement _agreement = null!;

    [Params(BenchAgreements.PartialAirSeaTruce, BenchAgreements.EnergyMoratorium)]
    public string Agreement { get; set; } = BenchAgreements.PartialAirSeaTruce;

    [GlobalSetup]
    public void Setup()
    {
        _items = BenchData.ParseAll(SyntheticCanonicalCsv.Generate(BenchData.Rows));
        _incidents = BenchData.Incidents(_items);
        _agreement = BenchAgreements.Load(Agreement);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BenchData.Rows)]
    public int Decide()
    {
        var violations = 0;
        foreach (var incident in _incidents)
        {
            if (Judge.Decide(incident, _agreement) == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }

    /// <summary>Incident construction plus the verdict: what a caller holding reports, not incidents, pays.</summary>
    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public int FromReportAndDecide()
    {
        var violations = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            var incident = Incident.FromReport(new IncidentId(i + 1), ((ImportItem.Accepted)_items[i]).Record.Report);
            if (Judge.Decide(incident, _agreement) == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public int Assess()
    {
        var violations = 0;
        foreach (var incident in _incidents)
        {
            if (Judge.Assess(incident, _agreement).Verdict == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }
}
