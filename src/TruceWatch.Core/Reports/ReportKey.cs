namespace TruceWatch.Core.Reports;

/// <summary>A report's identity: the source that published it and that source's own record id. A key is imported once, ever.</summary>
public readonly record struct ReportKey(string Source, string SourceRecordId)
{
    public override string ToString() => $"{Source}:{SourceRecordId}";
}
