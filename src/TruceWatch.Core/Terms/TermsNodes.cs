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
