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

    /// <summary>
    /// A row that was read without fault but holds no report (a party's post that is no strike or interception report): counted under its reason
    /// in the import's summary, neither stored nor quarantined.
    /// </summary>
    public sealed record Skipped(long LineNumber, string Reason) : ImportItem
    {
        public override long Line => LineNumber;
    }

    /// <summary>A row that could not become a report, with the reason.</summary>
    public sealed record Rejected(QuarantinedRow Row) : ImportItem
    {
        public override long Line => Row.Line;
    }
}
