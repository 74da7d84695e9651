namespace TruceWatch.Core.Reports;

/// <summary>One row read from an input file: either a report to store or a row to quarantine.</summary>
public abstract record ImportItem
{
    private ImportItem()
    {
    }

    /// <summary>The 1-based line the row started on.</summary>
    public abstract long Line { get; }

    /// <summary>A row that became a report.</summary>
    public sealed record Accepted(ReportRecord Record) : ImportItem
    {
        public override long Line => Record.Line;
    }

    /// <summary>A row that could not become a report, with the reason.</summary>
    public sealed record Rejected(QuarantinedRow Row) : ImportItem
    {
        public override long Line => Row.Line;
    }
}
