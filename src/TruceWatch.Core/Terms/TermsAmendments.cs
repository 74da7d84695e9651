using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads <c>amendments</c>: each a later <c>version</c> in force <c>from</c> a moment (a window-style time: with an offset, or with a
/// <c>zone</c>), adding, replacing or removing clauses by id. Lint: versions must rise, an amendment may not take effect before the
/// agreement starts, and it may only replace or remove a clause that exists by then.
/// </summary>
internal static class TermsAmendments
{
    private static readonly string[] Keys = ["version", "from", "zone", "note", "add", "replace", "remove"];

    public static List<Amendment> Parse(
        YamlNode node, int baseVersion, IReadOnlyList<AgreementWindow> windows, IReadOnlyList<Clause> baseClauses, IReadOnlyList<PartyCode> parties,
        Func<string, string?>? regions, TermsDiagnostics errors)
    {
        var list = new List<Amendment>();
        var ids = new HashSet<string>(baseClauses.Select(c => c.Id), StringComparer.Ordinal);
        var lastVersion = baseVersion;
        DateTimeOffset? lastFrom = null;
        var start = windows.Count > 0 && windows.All(w => w.Start is not null) ? windows.Min(w => w.Start) : null;
        var end = windows.Count > 0 && windows.All(w => w.End is not null) ? windows.Max(w => w.End) : null;
        foreach (var map in Mappings(node, nonEmpty: false, "amendments must be a list of { version, from, add | replace | remove }",
            "an amendment must be a mapping with version, from and what it changes", Keys, "amendment", errors))
        {

            var versionNode = Value(map, "version");
            int? version = versionNode is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            if (version is null)
            {
                errors.Add((versionNode ?? map).Start, "an amendment needs a version: a whole number above the terms' own");
            }
            else if (version <= lastVersion)
            {
                errors.Add(versionNode!.Start, $"amendment version {version} must be above {lastVersion} (versions rise, each once)");
            }

            // The moment it takes effect is read like a window's start, zone and all.
            AgreementWindow? fromWindow = null;
            if (Value(map, "from") is { } fromNode)
            {
                var asWindow = new YamlMappingNode(new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode("start"), fromNode));
                if (Value(map, "zone") is { } zoneNode)
                {
                    asWindow.Add(new YamlScalarNode("zone"), zoneNode);
                }

                fromWindow = TermsWindows.Parse(asWindow, errors).FirstOrDefault();
            }

            var from = fromWindow?.Start;
            if (Value(map, "from") is null)
            {
                errors.Add(map.Start, "an amendment needs from: the moment it takes effect");
            }
            else if (from is { } f)
            {
                if (start is { } s && f < s)
                {
                    errors.Add(Value(map, "from")!.Start, "the amendment takes effect before the agreement starts");
                }

                if (end is { } e && f >= e)
                {
                    errors.Warn(Value(map, "from")!.Start, $"the amendment takes effect at {IsoTime.Format(f)}, when the agreement's windows have all ended " +
                        $"({IsoTime.Format(e)}), so it changes no verdict; check the date, or extend the window");
                }

                if (lastFrom is { } lf && f < lf)
                {
                    errors.Add(Value(map, "from")!.Start, "amendments take effect in the order of their versions; this one is earlier than the one before");
                }
            }

            var add = Value(map, "add") is { } addNode ? TermsParser.ParseClauseList(addNode, "add", parties, regions, errors) : [];
            var replace = Value(map, "replace") is { } replaceNode ? TermsParser.ParseClauseList(replaceNode, "replace", parties, regions, errors) : [];
            var remove = new List<string>();
            if (Value(map, "remove") is { } removeNode)
            {
                foreach (var r in removeNode is YamlSequenceNode rs ? rs.Children : [removeNode])
                {
                    var id = (r as YamlScalarNode)?.Value ?? "";
                    if (!ids.Contains(id))
                    {
                        errors.Add(r.Start, $"remove names clause '{id}', which is not in force by then");
                    }

                    remove.Add(id);
                }
            }

            foreach (var c in replace.Where(c => !ids.Contains(c.Id)))
            {
                errors.Add(Value(map, "replace")!.Start, $"replace names clause '{c.Id}', which is not in force by then (use add)");
            }

            foreach (var c in add.Where(c => ids.Contains(c.Id)))
            {
                errors.Add(Value(map, "add")!.Start, $"add names clause '{c.Id}', which is already in force (use replace)");
            }

            if (add.Count == 0 && replace.Count == 0 && remove.Count == 0)
            {
                errors.Add(map.Start, "the amendment changes nothing (give add, replace or remove)");
            }

            ids.ExceptWith(remove);
            ids.UnionWith(add.Select(c => c.Id));
            if (version is { } ver && from is { } fr)
            {
                list.Add(new Amendment(ver, fr, Value(map, "note") is YamlScalarNode { Value: { } note } ? note : null, add, replace, remove));
                lastVersion = Math.Max(lastVersion, ver);
                lastFrom = fr;
            }
        }

        return list;
    }
}
