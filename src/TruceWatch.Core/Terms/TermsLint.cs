using TruceWatch.Core.Agreements;
using TruceWatch.Core.Taxonomy;
using YamlDotNet.RepresentationModel;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Warnings for drafters: terms that parse but cannot mean what they seem to say. Each names its position and how to fix it.
/// </summary>
internal static class TermsLint
{
    /// <summary>
    /// An exception that names a category the prohibition does not cover can never apply (the act is already out of scope), so it
    /// usually means the prohibition is narrower than intended.
    /// </summary>
    public static void CheckException(Criteria prohibits, Criteria exception, YamlMappingNode node, TermsDiagnostics diagnostics)
    {
        if (prohibits.Targets is { Count: > 0 } prohibited && exception.Targets is { Count: > 0 } excepted)
        {
            foreach (var path in excepted)
            {
                if (!prohibited.Any(p => path.IsWithin(p) || p.IsWithin(path)))
                {
                    diagnostics.Warn(Position(node, "target"), $"except target '{path}' lies outside the prohibited targets [{string.Join(", ", prohibited)}], " +
                        $"so this exception can never apply; widen the prohibition (e.g. drop its target list and keep the exception) or remove '{path}'");
                }
            }
        }

        if (prohibits.Means is { Count: > 0 } prohibitedMeans && exception.Means is { Count: > 0 } exceptedMeans)
        {
            foreach (var path in exceptedMeans)
            {
                if (!prohibitedMeans.Any(p => path.IsWithin(p) || p.IsWithin(path)))
                {
                    diagnostics.Warn(Position(node, "means"), $"except means '{path}' lies outside the prohibited means [{string.Join(", ", prohibitedMeans)}], so this exception can never apply");
                }
            }
        }

        if (prohibits.Domains is { Count: > 0 } prohibitedDomains && exception.Domains is { Count: > 0 } exceptedDomains)
        {
            foreach (var domain in exceptedDomains.Where(d => !prohibitedDomains.Contains(d)))
            {
                diagnostics.Warn(Position(node, "domain"), $"except domain '{domain.ToString().ToLowerInvariant()}' is not among the prohibited domains, so this exception can never apply");
            }
        }
    }

    /// <summary>An empty list matches nothing: a prohibition with one can never be breached, an exception with one never applies.</summary>
    public static void CheckEmptyLists(YamlMappingNode node, string where, TermsDiagnostics diagnostics)
    {
        foreach (var (key, value) in node.Children)
        {
            if (value is YamlSequenceNode { Children.Count: 0 })
            {
                var effect = where == "prohibits" ? "the clause can never be breached" : "this exception can never apply";
                diagnostics.Warn(value.Start, $"{where} {(key as YamlScalarNode)?.Value} is an empty list, which matches nothing: {effect}; remove the key to mean 'any'");
            }
        }
    }

    /// <summary>A clause window that shares no moment with the agreement's windows can never apply: the clause is never breached.</summary>
    public static void CheckClauseWindows(YamlNode clausesNode, IReadOnlyList<AgreementWindow> windows, IReadOnlyList<Clause> clauses, TermsDiagnostics diagnostics)
    {
        if (windows.Count == 0 || clausesNode is not YamlSequenceNode seq)
        {
            return;
        }

        foreach (var item in seq.Children.OfType<YamlMappingNode>())
        {
            var id = TermsNodes.Value(item, "id") is YamlScalarNode { Value: { } v } ? v : null;
            if (TermsNodes.Value(item, "window") is not { } node || clauses.FirstOrDefault(c => c.Id == id) is not { Windows.Count: > 0 } clause)
            {
                continue;
            }

            foreach (var window in clause.Windows.Where(w => !windows.Any(a => TermsWindows.Overlap(a, w))))
            {
                diagnostics.Warn(node.Start, $"clause '{id}' window {window} lies outside the agreement's window, so the clause can never apply there; " +
                    "widen the agreement's window or correct the clause's");
            }
        }
    }

    /// <summary>A corridor no <c>where</c> names plays no part in the terms: usually a name misspelt where it was meant to be used.</summary>
    public static void CheckCorridorsUsed(YamlSequenceNode corridors, TermsDiagnostics diagnostics)
    {
        foreach (var item in corridors.Children.OfType<YamlMappingNode>())
        {
            if (TermsNodes.Value(item, "name") is YamlScalarNode { Value: { } name } node && diagnostics.Corridors.ContainsKey(name) && !diagnostics.CorridorsUsed.Contains(name))
            {
                diagnostics.Warn(node.Start, $"corridor '{name}' is defined but no where names it, so it plays no part in the terms; " +
                    $"refer to it with where: {{ corridor: [{name}] }} or remove it");
            }
        }
    }

    private static YamlDotNet.Core.Mark Position(YamlMappingNode node, string key)
    {
        foreach (var (k, v) in node.Children)
        {
            if ((k as YamlScalarNode)?.Value == key)
            {
                return v.Start;
            }
        }

        return node.Start;
    }
}
