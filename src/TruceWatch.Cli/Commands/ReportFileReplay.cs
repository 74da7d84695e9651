using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// <c>replay --reports FILE</c>: the file read in parts on every core (<see cref="PartitionedFile"/>), each part judged and counted into
/// its own <see cref="ReplayTally"/>, the tallies merged. A canonical file is read by the judge-only <see cref="CanonicalFactsReader"/>
/// and judged through a <see cref="VerdictMemo"/>: the same path <c>trucewatch bench run</c> measures.
/// </summary>
internal static class ReportFileReplay
{
    private const int WarningsShown = 10;

    /// <summary>The replay document, or <c>null</c> after printing why the file cannot be read.</summary>
    public static ReplayDocument? Run(string path, IReadOnlyList<Agreement> terms, ReportQuery period, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            CommonOptions.Fail($"{path}: no such file");
            return null;
        }

        var format = ReportFiles.Choose(path, "auto", out var error);
        if (format is null)
        {
            CommonOptions.Fail(error!);
            return null;
        }

        // Canonical files take the judge-only reader (the facts judgement reads, nothing else); other formats their own reader.
        var parts = format is CanonicalCsvFormat
            ? PartitionedFile.ForEachPart(path, Environment.ProcessorCount, () => new Part(terms, period), (part, reader, range) =>
            {
                part.LinesBefore = range.LinesBefore;
                new CanonicalFactsReader(WeaponCatalog.Bundled).Read(reader, part, cancellationToken);
            }, cancellationToken)
            : PartitionedFile.Fold(path, format, Environment.ProcessorCount, () => new Part(terms, period), static (part, item) => part.Add(item), cancellationToken);
        var total = parts[0].Tally;
        var rejected = new List<QuarantinedRow>(parts[0].Rejected);
        var rejectedCount = parts[0].RejectedCount;
        for (var i = 1; i < parts.Length; i++)
        {
            total.Merge(parts[i].Tally);
            rejected.AddRange(parts[i].Rejected);
            rejectedCount += parts[i].RejectedCount;
        }

        foreach (var row in rejected.Take(WarningsShown))
        {
            Console.Error.WriteLine($"warning: {path}, {row.Reason} (row skipped)");
        }

        if (rejectedCount > WarningsShown)
        {
            Console.Error.WriteLine($"warning: … {rejectedCount - WarningsShown} more rows skipped");
        }

        return total.ToDocument();
    }

    private sealed class Part(IReadOnlyList<Agreement> terms, ReportQuery period) : IFactsSink
    {
        /// <summary>Data lines of the file before this part, so rejected rows are named by the whole file's line.</summary>
        public long LinesBefore { get; set; }

        public ReplayTally Tally { get; } = new(terms, period.From, period.To, LazyGeography.Bundled);

        public List<QuarantinedRow> Rejected { get; } = [];

        public long RejectedCount { get; private set; }

        public void Add(in ReportFacts facts) => Tally.Add(facts);

        public void Reject(QuarantinedRow row)
        {
            RejectedCount++;
            if (Rejected.Count < WarningsShown)
            {
                Rejected.Add(PartitionedFile.Shift(row, LinesBefore));
            }
        }

        public void Add(ImportItem item)
        {
            switch (item)
            {
                case ImportItem.Accepted a:
                    Tally.Add(a.Record.Report);
                    break;
                case ImportItem.Rejected r:
                    RejectedCount++;
                    if (Rejected.Count < WarningsShown)
                    {
                        Rejected.Add(r.Row);
                    }

                    break;
            }
        }
    }
}
