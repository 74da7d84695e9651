using System.Text;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;

namespace TruceWatch.Benchmarks.Data;

/// <summary>What the synthetic data set holds, so a reader of the results knows which mix of rows and verdicts was timed.</summary>
internal static class DataSetDescription
{
    public static void Print(TextWriter output)
    {
        var csv = SyntheticCanonicalCsv.Generate(BenchData.Rows);
        var items = BenchData.ParseAll(csv);
        var incidents = BenchData.Incidents(items);
        var reports = items.Select(i => ((ImportItem.Accepted)i).Record.Report).ToList();
        output.WriteLine($"rows: {items.Count:N0}; CSV {csv.Length:N0} chars, {Encoding.UTF8.GetByteCount(csv):N0} UTF-8 bytes ({(double)Encoding.UTF8.GetByteCount(csv) / items.Count:F0} bytes/row)");
        output.WriteLine($"time known {Share(reports, r => r.Time.IsKnown)}, day precision {Share(reports, r => r.Time.Precision == TimePrecision.Day)}, " +
            $"perpetrator known {Share(reports, r => r.Perpetrator is not null)}, means known {Share(reports, r => r.Means is not null)} " +
            $"(inferred from weapon {Share(reports, r => r.MeansInferred)}), targets none/one/two " +
            $"{Share(reports, r => r.Targets.IsEmpty)}/{Share(reports, r => r.Targets.Length == 1)}/{Share(reports, r => r.Targets.Length == 2)}");
        foreach (var id in new[] { BenchAgreements.PartialAirSeaTruce, BenchAgreements.EnergyMoratorium })
        {
            var agreement = BenchAgreements.Load(id);
            var counts = new int[Enum.GetValues<Verdict>().Length];
            foreach (var incident in incidents)
            {
                var verdict = Judge.Decide(incident, agreement);
                if (Judge.Assess(incident, agreement).Verdict != verdict)
                {
                    throw new InvalidOperationException($"Decide and Assess disagree on incident {incident.Id} under {id}");
                }

                counts[(int)verdict]++;
            }

            output.WriteLine($"{id}: " + string.Join(", ", Verdicts.All.Select(v => $"{v.ToText()} {100.0 * counts[(int)v] / incidents.Length:F1} %")));
        }
    }

    private static string Share(List<Report> reports, Func<Report, bool> predicate) =>
        $"{100.0 * reports.Count(predicate) / reports.Count:F0} %";
}
