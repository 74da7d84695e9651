using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Formats;

/// <summary>The one form of a rejected row: its line, the reason prefixed with that line, and the row as it was.</summary>
internal static class Rejects
{
    public static ImportItem.Rejected At(long line, string reason, string payload) =>
        new(new QuarantinedRow(line, $"line {line}: {reason}", payload));
}
