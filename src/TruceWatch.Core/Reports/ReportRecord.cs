namespace TruceWatch.Core.Reports;

/// <summary>A parsed report with the verbatim text it came from and where in its file it stood.</summary>
public sealed record ReportRecord(Report Report, string Payload, long Line);

/// <summary>A row that could not become a report: kept verbatim with its line number and the reason, never silently dropped.</summary>
public sealed record QuarantinedRow(long Line, string Reason, string Payload);
