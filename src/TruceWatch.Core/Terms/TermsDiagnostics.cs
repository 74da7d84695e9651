using YamlDotNet.Core;

namespace TruceWatch.Core.Terms;

/// <summary>The findings collected while reading one terms file, each at the YAML position it concerns.</summary>
internal sealed class TermsDiagnostics
{
    public List<TermsDiagnostic> List { get; } = [];

    public bool HasErrors => List.Exists(d => d.Severity == Severity.Error);

    public void Add(Mark mark, string message) => List.Add(At(Severity.Error, mark, message));

    public void Warn(Mark mark, string message) => List.Add(At(Severity.Warning, mark, message));

    private static TermsDiagnostic At(Severity severity, Mark mark, string message) =>
        new(severity, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column), message);
}
