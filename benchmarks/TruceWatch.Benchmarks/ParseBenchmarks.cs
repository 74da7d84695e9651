using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using TruceWatch.Benchmarks.Data;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Benchmarks;

/// <summary>
/// Reading 1M canonical rows from an in-memory string, against a Sep pass that touches every field and parses nothing: the ratio is
/// what parsing costs over the physical limit of reading the text.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ParseBenchmarks
{
    private string _csv = "";
    private Agreement _agreement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _csv = SyntheticCanonicalCsv.Generate(BenchData.Rows);
        _agreement = BenchAgreements.Load(BenchAgreements.PartialAirSeaTruce);
    }

    /// <summary>Sep with the options the canonical reader uses; reads every field's span and parses nothing.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BenchData.Rows)]
    public long SepPass()
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(new StringReader(_csv));
        long chars = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public int Parse()
    {
        var accepted = 0;
        foreach (var item in BenchData.Format.Read(new StringReader(_csv)))
        {
            if (item is ImportItem.Accepted)
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>The whole in-memory pipeline: parse, make an incident, decide against the partial air-and-sea truce.</summary>
    [Benchmark(OperationsPerInvoke = BenchData.Rows)]
    public int ParseAndJudge()
    {
        var violations = 0;
        long id = 0;
        foreach (var item in BenchData.Format.Read(new StringReader(_csv)))
        {
            if (item is ImportItem.Accepted a
                && Judge.Decide(Incident.FromReport(new IncidentId(++id), a.Record.Report), _agreement) == Verdict.Violation)
            {
                violations++;
            }
        }

        return violations;
    }
}
