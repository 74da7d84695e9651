using YamlDotNet.RepresentationModel;

namespace TruceWatch.Core.Terms;

/// <summary>Reading YAML nodes the way every part of the terms parser does: values by key, scalars, one-or-many lists, unknown keys.</summary>
internal static class TermsNodes
{
    /// <summary>A list's items, or a single value as a list of one (<c>target: energy</c> is <c>target: [energy]</c>).</summary>
    public static IEnumerable<YamlNode> Items(YamlNode node) => node is YamlSequenceNode seq ? seq.Children : [node];

    /// <summary>Reports every key of <paramref name="map"/> that is not <paramref name="allowed"/>, at its position.</summary>
    public static void CheckKeys(YamlMappingNode map, string[] allowed, string where, TermsDiagnostics errors)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key);
            if (name is null || !allowed.Contains(name))
            {
                errors.Add(key.Start, $"unknown key '{name}' in {where} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    /// <summary>
    /// The mappings of a list (clauses, amendments, corridors…), each with its keys checked as it is reached: the node not being a list
    /// (or being empty, where <paramref name="nonEmpty"/>) is <paramref name="notAList"/> at the node, an item that is not a mapping is
    /// <paramref name="notAMapping"/> at the item, and reading goes on with the next.
    /// </summary>
    public static IEnumerable<YamlMappingNode> Mappings(
        YamlNode node, bool nonEmpty, string notAList, string notAMapping, string[] keys, string where, TermsDiagnostics errors)
    {
        if (node is not YamlSequenceNode seq || (nonEmpty && seq.Children.Count == 0))
        {
            errors.Add(node.Start, notAList);
            yield break;
        }

        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add(item.Start, notAMapping);
                continue;
            }

            CheckKeys(map, keys, where, errors);
            yield return map;
        }
    }

    public static YamlNode? Value(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if (Scalar(k) == key)
            {
                return v;
            }
        }

        return null;
    }

    public static string? Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value : null;
}
