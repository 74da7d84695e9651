using TruceWatch.Core.Agreements;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads a clause's <c>counts</c> (launched | hit | effect) and the agreement's <c>interpretations</c>: named overlays that replace the
/// window, the stage that counts, or whether occupied territory is in or out.
/// </summary>
internal static class TermsReadings
{
    private static readonly string[] Keys = ["name", "note", "window", "counts", "occupied"];

    public static StrikeStage? Stage(YamlNode node, TermsDiagnostics errors)
    {
        switch ((node as YamlScalarNode)?.Value)
        {
            case "launched": return StrikeStage.Launched;
            case "hit": return StrikeStage.Hit;
            case "effect": return StrikeStage.Effect;
            default:
                errors.Add(node.Start, $"counts '{(node as YamlScalarNode)?.Value}' is not one of launched, hit, effect");
                return null;
        }
    }

    public static List<Interpretation> Interpretations(YamlNode node, TermsDiagnostics errors)
    {
        var list = new List<Interpretation>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var map in Mappings(node, nonEmpty: false, "interpretations must be a list of { name, note, window | counts | occupied }",
            "an interpretation must be a mapping with a name and what it reads differently", Keys, "interpretation", errors))
        {

            var name = Value(map, "name") is YamlScalarNode { Value: { } n } ? n : null;
            if (name is null || !IsName(name))
            {
                errors.Add(map.Start, $"an interpretation needs a name of lower-case words joined by dashes{(name is null ? "" : $" (not '{name}')")}");
            }
            else if (!names.Add(name) || name == "base" || name == "all")
            {
                errors.Add(Value(map, "name")!.Start, name is "base" or "all" ? $"'{name}' is reserved (the terms as written; every reading)" : $"interpretation '{name}' is given twice");
            }

            var windows = Value(map, "window") is { } w ? TermsWindows.Parse(w, errors) : null;
            var counts = Value(map, "counts") is { } c ? Stage(c, errors) : null;
            OccupiedRule? occupied = Value(map, "occupied") is { } o ? (o as YamlScalarNode)?.Value switch
            {
                "include" => OccupiedRule.Include,
                "exclude" => OccupiedRule.Exclude,
                "only" => OccupiedRule.Only,
                var other => Error(errors, o, $"occupied '{other}' is not one of include, exclude, only"),
            } : null;
            if (windows is null && counts is null && occupied is null)
            {
                errors.Add(map.Start, $"interpretation '{name}' reads nothing differently (give window, counts or occupied)");
            }

            if (name is not null)
            {
                list.Add(new Interpretation(name, Value(map, "note") is YamlScalarNode { Value: { } note } ? note : null, windows, counts, occupied));
            }
        }

        return list;
    }

    private static OccupiedRule? Error(TermsDiagnostics errors, YamlNode at, string message)
    {
        errors.Add(at.Start, message);
        return null;
    }

    private static bool IsName(string name) => name.Length > 0 && name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-');
}
