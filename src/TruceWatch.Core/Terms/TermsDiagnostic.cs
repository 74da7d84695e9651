namespace TruceWatch.Core.Terms;

/// <summary>How serious a finding in a terms file is.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>A finding in a terms file at a 1-based line and column.</summary>
public sealed record TermsDiagnostic(Severity Severity, int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>The outcome of reading a terms file: the agreement when there were no errors, and every finding either way.</summary>
public sealed record TermsResult(Agreements.Agreement? Agreement, IReadOnlyList<TermsDiagnostic> Diagnostics)
{
    public bool IsValid => Agreement is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}
