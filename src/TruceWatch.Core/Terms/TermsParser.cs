using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads agreement terms from YAML (the format in docs/terms-language.md). Every error in the file is reported at once, each with its
/// line and column; a file with any error yields no agreement.
/// </summary>
public static class TermsParser
{
    private static readonly string[] TopKeys = ["id", "version", "title", "status", "parties", "window", "clauses", "obligations", "reciprocity", "interpretations", "amendments", "source", "corridors"];
    private static readonly string[] ClauseKeys = ["id", "binds", "window", "where", "counts", "prohibits", "except", "note"];
    private static readonly string[] CriteriaKeys = ["domain", "means", "target", "where"];
    private static readonly string[] ObligationKeys = ["id", "kind", "terms", "note", "ref", "by", "zone", "tolerance_km2", "within"];

    public static TermsResult Parse(string yaml) => Parse(yaml, null);

    /// <summary>
    /// Parses terms whose <c>admin1</c> lists may name regions (in English, Ukrainian or Russian) as well as give ISO 3166-2 codes:
    /// <paramref name="regions"/> turns a name into its code, or returns <c>null</c> for a name it does not know.
    /// </summary>
    public static TermsResult Parse(string yaml, Func<string, string?>? regions)
    {
        var errors = new TermsDiagnostics();
        if (TermsLimits.Check(yaml, errors))
        {
            return new TermsResult(null, errors.List);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, $"YAML syntax: {Clean(ex.Message)}");
            return new TermsResult(null, errors.List);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws this, without a position, for some malformed input (e.g. an unclosed [ list followed by more
            // keys); the problem is found by the end of the text, so that is the position reported.
            var lines = yaml.Split('\n');
            var last = lines.Length - (lines[^1].Length == 0 ? 1 : 0);
            errors.List.Add(new TermsDiagnostic(Severity.Error, Math.Max(1, last), 1, $"YAML syntax: {ex.Message} (an unclosed [ or {{ before this line?)"));
            return new TermsResult(null, errors.List);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start, "terms must be a mapping with id, version, title, parties and clauses");
            return new TermsResult(null, errors.List);
        }

        CheckKeys(root, TopKeys, "agreement", errors);
        var id = RequiredString(root, "id", errors);
        if (id is not null && !IsIdentifier(id))
        {
            errors.Add(Value(root, "id")!.Start, $"id '{id}' must be lower-case words joined by dashes (e.g. ua-partial-air-sea-truce-2025)");
        }

        var version = 0;
        if (Value(root, "version") is { } versionNode)
        {
            if (versionNode is not YamlScalarNode { Value: { } v } || !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
            {
                errors.Add(versionNode.Start, "version must be a whole number from 1 up");
            }
        }
        else
        {
            errors.Add(root.Start, "missing 'version'");
        }

        var title = RequiredString(root, "title", errors);
        var status = ParseStatus(root, errors);
        var parties = ParseParties(root, errors);
        var windows = Value(root, "window") is { } windowNode ? TermsWindows.Parse(windowNode, errors) : [];
        if (Value(root, "corridors") is { } corridorsNode)
        {
            errors.Corridors = TermsCorridors.Parse(corridorsNode, errors);
        }

        var clauses = ParseClauses(root, parties, regions, errors);
        var obligations = ParseObligations(root, errors);
        var (reciprocity, suspendAfter) = ParseReciprocity(root, errors);
        var interpretations = Value(root, "interpretations") is { } readingsNode ? TermsReadings.Interpretations(readingsNode, errors) : [];
        var amendments = Value(root, "amendments") is { } amendmentsNode ? TermsAmendments.Parse(amendmentsNode, version, windows, clauses, parties, regions, errors) : [];
        if (Value(root, "clauses") is { } clausesNode)
        {
            TermsLint.CheckClauseWindows(clausesNode, windows, clauses, errors);
        }

        if (Value(root, "corridors") is YamlSequenceNode definedCorridors)
        {
            TermsLint.CheckCorridorsUsed(definedCorridors, errors);
        }

        if (errors.HasErrors)
        {
            return new TermsResult(null, errors.List);
        }

        var agreement = new Agreement
        {
            Id = id!,
            Version = version,
            Title = title!,
            Status = status,
            Parties = parties,
            Windows = windows,
            Interpretations = interpretations,
            Amendments = amendments,
            Clauses = clauses,
            Obligations = obligations,
            Corridors = [.. errors.Corridors.Values],
            Reciprocity = reciprocity,
            SuspendAfter = suspendAfter,
        };
        return new TermsResult(agreement, errors.List);
    }

    private static AgreementStatus ParseStatus(YamlMappingNode root, TermsDiagnostics errors)
    {
        if (Value(root, "status") is not { } node)
        {
            return AgreementStatus.Proposed;
        }

        switch (Scalar(node))
        {
            case "proposed": return AgreementStatus.Proposed;
            case "in-force": return AgreementStatus.InForce;
            case "lapsed": return AgreementStatus.Lapsed;
            case "collapsed": return AgreementStatus.Collapsed;
            default:
                errors.Add(node.Start, $"status '{Scalar(node)}' is not one of proposed, in-force, lapsed, collapsed");
                return AgreementStatus.Proposed;
        }
    }

    private static (Reciprocity, SuspensionRule?) ParseReciprocity(YamlMappingNode root, TermsDiagnostics errors)
    {
        if (Value(root, "reciprocity") is not { } node)
        {
            return (Reciprocity.Mutual, null);
        }

        if (node is YamlMappingNode map)
        {
            // reciprocity: { conditional: { suspend_after: 3, within: P7D } }
            if (Value(map, "conditional") is not YamlMappingNode rule || map.Children.Count != 1)
            {
                errors.Add(node.Start, "a reciprocity mapping is { conditional: { suspend_after: N, within: P7D } }");
                return (Reciprocity.Mutual, null);
            }

            CheckKeys(rule, ["suspend_after", "within"], "conditional", errors);
            int? count = Value(rule, "suspend_after") is { } n && int.TryParse(Scalar(n), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : null;
            if (count is null)
            {
                errors.Add((Value(rule, "suspend_after") ?? rule).Start, "conditional needs suspend_after: a whole number of violations above zero");
            }

            var withinText = Value(rule, "within") is { } w ? Scalar(w) : null;
            if (withinText is null || !IsoDuration.TryParse(withinText, out var within))
            {
                errors.Add((Value(rule, "within") ?? rule).Start, $"conditional needs within: an ISO 8601 duration (e.g. P7D){(withinText is null ? "" : $", not '{withinText}'")}");
                return (Reciprocity.Conditional, null);
            }

            return (Reciprocity.Conditional, count is { } k ? new SuspensionRule(k, within, withinText) : null);
        }

        switch (Scalar(node))
        {
            case "mutual": return (Reciprocity.Mutual, null);
            case "unilateral": return (Reciprocity.Unilateral, null);
            default:
                errors.Add(node.Start, $"reciprocity '{Scalar(node)}' is not one of mutual, unilateral, or {{ conditional: {{ suspend_after: N, within: P7D }} }}");
                return (Reciprocity.Mutual, null);
        }
    }

    private static List<PartyCode> ParseParties(YamlMappingNode root, TermsDiagnostics errors)
    {
        var parties = new List<PartyCode>();
        if (Value(root, "parties") is not { } node)
        {
            errors.Add(root.Start, "missing 'parties' (e.g. parties: [UA, RU])");
            return parties;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            errors.Add(node.Start, "parties must be a non-empty list of party codes (e.g. [UA, RU])");
            return parties;
        }

        foreach (var item in seq.Children)
        {
            if (!PartyCode.TryParse(Scalar(item), out var party))
            {
                errors.Add(item.Start, $"'{Scalar(item)}' is not a party code (2–8 letters, e.g. UA)");
            }
            else if (parties.Contains(party))
            {
                errors.Add(item.Start, $"party {party} is listed twice");
            }
            else
            {
                parties.Add(party);
            }
        }

        return parties;
    }

    private static List<Clause> ParseClauses(YamlMappingNode root, IReadOnlyList<PartyCode> parties, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        if (Value(root, "clauses") is not { } node)
        {
            // An agreement of duties alone (an exchange deal) has obligations and no prohibitions.
            if (Value(root, "obligations") is null)
            {
                errors.Add(root.Start, "missing 'clauses' (or 'obligations', for an agreement of duties alone)");
            }

            return [];
        }

        return ParseClauseList(node, "clauses", parties, regions, errors);
    }

    /// <summary>A list of clause mappings (the agreement's <c>clauses</c>, an amendment's <c>add</c> or <c>replace</c>).</summary>
    internal static List<Clause> ParseClauseList(YamlNode node, string name, IReadOnlyList<PartyCode> parties, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        var clauses = new List<Clause>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var map in Mappings(node, nonEmpty: true, $"{name} must be a non-empty list", "each clause must be a mapping with id, binds and prohibits", ClauseKeys, "clause", errors))
        {
            var id = RequiredString(map, "id", errors);
            if (id is not null && !ids.Add(id))
            {
                errors.Add(Value(map, "id")!.Start, $"clause id '{id}' is used twice");
            }

            var binds = ParseBinds(map, parties, errors);
            Criteria? prohibits = null;
            if (Value(map, "prohibits") is { } prohibitsNode)
            {
                prohibits = ParseCriteria(prohibitsNode, "prohibits", regions, errors);
            }
            else
            {
                errors.Add(map.Start, $"clause '{id}' needs 'prohibits'");
            }

            var except = new List<Criteria>();
            if (Value(map, "except") is { } exceptNode)
            {
                if (exceptNode is YamlSequenceNode exceptSeq)
                {
                    foreach (var e in exceptSeq.Children)
                    {
                        if (ParseCriteria(e, "except", regions, errors) is { } criteria)
                        {
                            except.Add(criteria);
                            if (prohibits is not null)
                            {
                                TermsLint.CheckException(prohibits, criteria, (YamlMappingNode)e, errors);
                            }
                        }
                    }
                }
                else
                {
                    errors.Add(exceptNode.Start, "except must be a list of conditions (e.g. - target: [military])");
                }
            }

            // A clause-level where ("this clause applies there") is a condition of its prohibition.
            if (Value(map, "where") is { } whereNode && TermsPlaces.Parse(whereNode, regions, errors) is { } place && prohibits is not null)
            {
                if (prohibits.Where is not null)
                {
                    errors.Add(whereNode.Start, $"clause '{id}' gives where twice (beside prohibits and inside it); keep one");
                }

                prohibits = prohibits with { Where = place };
            }

            var counts = Value(map, "counts") is { } countsNode ? TermsReadings.Stage(countsNode, errors) : StrikeStage.Launched;
            var clauseWindows = Value(map, "window") is { } clauseWindowNode ? TermsWindows.Parse(clauseWindowNode, errors) : [];
            if (id is not null && prohibits is not null)
            {
                clauses.Add(new Clause(id, binds, prohibits, except) { Counts = counts ?? StrikeStage.Launched, Windows = clauseWindows });
            }
        }

        return clauses;
    }

    private static Binds ParseBinds(YamlMappingNode clause, IReadOnlyList<PartyCode> parties, TermsDiagnostics errors)
    {
        if (Value(clause, "binds") is not { } node)
        {
            return Binds.All;
        }

        if (node is YamlScalarNode { Value: "all" })
        {
            return Binds.All;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            errors.Add(node.Start, "binds must be 'all' or a list of party codes (e.g. [RU])");
            return Binds.All;
        }

        var bound = new List<PartyCode>();
        foreach (var item in seq.Children)
        {
            if (!PartyCode.TryParse(Scalar(item), out var party))
            {
                errors.Add(item.Start, $"'{Scalar(item)}' is not a party code");
            }
            else if (!parties.Contains(party))
            {
                errors.Add(item.Start, $"binds names {party}, which is not among the parties [{string.Join(", ", parties)}]");
            }
            else
            {
                bound.Add(party);
            }
        }

        return new Binds(bound);
    }

    private static Criteria? ParseCriteria(YamlNode node, string where, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start, $"{where} must be a mapping of domain, means and/or target");
            return null;
        }

        CheckKeys(map, CriteriaKeys, where, errors);
        TermsLint.CheckEmptyLists(map, where, errors);
        List<StrikeDomain>? domains = null;
        if (Value(map, "domain") is { } domainNode)
        {
            domains = [];
            foreach (var item in Items(domainNode))
            {
                if (StrikeDomains.TryParse(Scalar(item), out var d))
                {
                    domains.Add(d);
                }
                else
                {
                    errors.Add(item.Start, $"domain '{Scalar(item)}' is not one of air, sea, land");
                }
            }
        }

        var means = Value(map, "means") is { } meansNode ? Paths(meansNode, MeansClasses.Vocabulary, errors) : null;
        var targets = Value(map, "target") is { } targetNode ? Paths(targetNode, Targets.Vocabulary, errors) : null;
        var place = Value(map, "where") is { } placeNode ? TermsPlaces.Parse(placeNode, regions, errors) : null;
        if (domains is null && means is null && targets is null && place is null)
        {
            errors.Add(map.Start, $"{where} names no condition (domain, means, target or where)");
        }

        return new Criteria(domains, means, targets) { Where = place };
    }

    private static List<TaxonomyPath> Paths(YamlNode node, Vocabulary vocabulary, TermsDiagnostics errors)
    {
        var paths = new List<TaxonomyPath>();
        foreach (var item in Items(node))
        {
            var text = Scalar(item);
            if (!TaxonomyPath.TryParse(text, out var path))
            {
                errors.Add(item.Start, $"{vocabulary.Name} '{text}' is not a dot path (e.g. energy.grid)");
            }
            else if (!vocabulary.Contains(path))
            {
                var near = vocabulary.All.Where(p => p.Contains(path.Value, StringComparison.Ordinal) || path.Value.Contains(p, StringComparison.Ordinal)).Take(4).ToList();
                errors.Add(item.Start, $"{vocabulary.Name} '{text}' is not in the {vocabulary.Name} taxonomy" +
                    (near.Count > 0 ? $" (did you mean {string.Join(", ", near)}?)" : $" (roots: {string.Join(", ", vocabulary.All.Where(p => !p.Contains('.', StringComparison.Ordinal)))})"));
            }
            else
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    private static List<Obligation> ParseObligations(YamlMappingNode root, TermsDiagnostics errors)
    {
        var list = new List<Obligation>();
        if (Value(root, "obligations") is not { } node)
        {
            return list;
        }

        foreach (var map in Mappings(node, nonEmpty: false, "obligations must be a list", "each obligation must be a mapping with id and kind", ObligationKeys, "obligation", errors))
        {
            var id = RequiredString(map, "id", errors);
            var kind = RequiredString(map, "kind", errors);
            var terms = Value(map, "terms") is { } t ? Scalar(t) : null;
            if (kind is not null and not (Obligation.PrisonerExchange or Obligation.Notify or Obligation.CeaseFireLine))
            {
                errors.Add(Value(map, "kind")!.Start, $"obligation kind '{kind}' is not one of prisoner-exchange, notify, cease-fire-line");
            }

            int? count = null;
            if (kind == Obligation.PrisonerExchange && terms is not null and not "all-for-all")
            {
                var parts = terms.Split("-for-");
                if (parts.Length == 2 && parts[0] == parts[1] && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    count = n;
                }
                else
                {
                    errors.Add(Value(map, "terms")!.Start, $"prisoner-exchange terms '{terms}' are not all-for-all or N-for-N (e.g. 1000-for-1000)");
                }
            }

            DateTimeOffset? by = null;
            if (Value(map, "by") is { } byNode)
            {
                var asWindow = new YamlMappingNode(new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode("end"), byNode));
                if (Value(map, "zone") is { } zoneNode)
                {
                    asWindow.Add(new YamlScalarNode("zone"), zoneNode);
                }

                by = TermsWindows.Parse(asWindow, errors).FirstOrDefault()?.End;
            }

            double tolerance = 10;
            if (Value(map, "tolerance_km2") is { } toleranceNode && !(double.TryParse(Scalar(toleranceNode), NumberStyles.Float, CultureInfo.InvariantCulture, out tolerance) && tolerance >= 0))
            {
                errors.Add(toleranceNode.Start, $"tolerance_km2 '{Scalar(toleranceNode)}' is not a number of square kilometres");
            }

            if (id is not null && kind is not null)
            {
                list.Add(new Obligation(id, kind, terms)
                {
                    Count = count,
                    Ref = Value(map, "ref") is { } r ? Scalar(r) : null,
                    By = by,
                    ToleranceKm2 = tolerance,
                    Within = Value(map, "within") is { } w ? Scalar(w) : null,
                });
            }
        }

        return list;
    }

    private static string? RequiredString(YamlMappingNode map, string key, TermsDiagnostics errors)
    {
        var node = Value(map, key);
        if (node is null)
        {
            errors.Add(map.Start, $"missing '{key}'");
            return null;
        }

        var text = Scalar(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(node.Start, $"'{key}' must be a non-empty text");
            return null;
        }

        return text;
    }

    private static bool IsIdentifier(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');

    private static string Clean(string message)
    {
        var at = message.IndexOf("):", StringComparison.Ordinal);
        return at > 0 && message.StartsWith('(') ? message[(at + 2)..].Trim() : message;
    }
}
