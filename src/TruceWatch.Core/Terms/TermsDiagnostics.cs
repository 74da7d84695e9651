using YamlDotNet.Core;

namespace TruceWatch.Core.Terms;

/// <summary>The findings collected while reading one terms file, each at the YAML position it concerns.</summary>
internal sealed class TermsDiagnostics
{
    public List<TermsDiagnostic> List { get; } = [];

    /// <summary>
    /// The corridors the file defines, for each <c>where</c> to refer to by name. It rides along with the findings because every part of
    /// the reader is handed this collector, and a reference to an undefined corridor is itself a finding.
    /// </summary>
    public IReadOnlyDictionary<string, Geography.Corridor> Corridors { get; set; } = new Dictionary<string, Geography.Corridor>();

    /// <summary>The corridor names some <c>where</c> referred to (lint warns about the rest).</summary>
    public HashSet<string> CorridorsUsed { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => List.Exists(d => d.Severity == Severity.Error);

    public void Add(Mark mark, string message) => List.Add(At(Severity.Error, mark, message));

    public void Warn(Mark mark, string message) => List.Add(At(Severity.Warning, mark, message));

    private static TermsDiagnostic At(Severity severity, Mark mark, string message) =>
        new(severity, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column), message);
}
