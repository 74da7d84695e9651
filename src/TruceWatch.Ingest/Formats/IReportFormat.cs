using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Formats;

/// <summary>An input format: recognises its files by their header and turns their rows into reports or quarantined rows.</summary>
public interface IReportFormat
{
    /// <summary>The name used with <c>--format</c> (e.g. <c>canonical</c>).</summary>
    string Name { get; }

    /// <summary>The source id reports from this format are stored under when the rows do not name one.</summary>
    string DefaultSource { get; }

    /// <summary>Whether a file whose first line is <paramref name="headerLine"/> is in this format.</summary>
    bool Recognizes(string headerLine);

    /// <summary>Reads every row. Never throws for bad rows: they come back as <see cref="ImportItem.Rejected"/>.</summary>
    IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default);
}
