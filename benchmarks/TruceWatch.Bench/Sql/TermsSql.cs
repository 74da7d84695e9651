using System.Globalization;
using System.Text;
using TruceWatch.Bench.Pipeline;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Bench.Sql;

/// <summary>The SQL dialects the benchmark compares with; they differ only in how a target list is split and searched.</summary>
public enum Dialect
{
    DuckDb,
    Postgres,
}

/// <summary>
/// Writes the classification and aggregation as one SQL query, generated from the same agreements TruceWatch judges: for each report of
/// the <see cref="KnownFacts"/> subset and each agreement, the verdict as a <c>CASE</c> (window, then any clause breached, then any
/// clause excepted), grouped by agreement, party, day and verdict. Two-valued logic is exact there because no fact is unknown.
/// </summary>
public static class TermsSql
{
    /// <summary>The query over <paramref name="source"/> (a table, or DuckDB's <c>read_csv(…)</c>) with columns named as in the canonical CSV.</summary>
    public static string Query(IReadOnlyList<Agreement> agreements, string source, Dialect dialect)
    {
        var sb = new StringBuilder();
        sb.Append("WITH k AS (SELECT upper(perpetrator) AS party, means, target, ")
            .Append("coalesce(lower(domain), CASE split_part(means, '.', 1) WHEN 'missile' THEN 'air' WHEN 'drone' THEN 'air' WHEN 'bomb' THEN 'air' ")
            .Append("WHEN 'naval' THEN 'sea' WHEN 'artillery' THEN 'land' END) AS dom, ")
            .Append("CAST(start_time AS TIMESTAMPTZ) AS ts, substr(start_time, 1, 10) AS day FROM ").Append(source)
            .Append(" WHERE perpetrator IS NOT NULL AND target IS NOT NULL AND end_time IS NULL AND length(start_time) = 25 AND substr(start_time, 11, 1) = 'T'")
            .Append(" AND means IN (").Append(List(KnownFacts.MeansLeaves)).Append(')')
            .Append(" AND ").Append(AllTargetsIn(dialect, KnownFacts.TargetLeaves)).Append("), v AS (");
        for (var a = 0; a < agreements.Count; a++)
        {
            if (a > 0)
            {
                sb.Append(" UNION ALL ");
            }

            sb.Append("SELECT ").Append(Literal(agreements[a].Id)).Append(" AS agreement, party, day, ").Append(Verdict(agreements[a], dialect)).Append(" AS verdict FROM k");
        }

        sb.Append(") SELECT agreement, party, day, verdict, count(*) AS n FROM v GROUP BY agreement, party, day, verdict");
        return sb.ToString();
    }

    private static string Verdict(Agreement agreement, Dialect dialect)
    {
        var breached = new List<string>();
        var excepted = new List<string>();
        foreach (var clause in agreement.Clauses)
        {
            var scope = $"({Binds(clause.Binds, agreement.Parties)} AND {Criteria(clause.Prohibits, all: false, dialect)})";
            var except = clause.Except.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", clause.Except.Select(e => Criteria(e, all: true, dialect))) + ")";
            breached.Add($"({scope} AND NOT {except})");
            excepted.Add($"({scope} AND {except})");
        }

        return $"CASE WHEN NOT {Windows(agreement.Windows)} THEN 'outside-window' WHEN {Or(breached)} THEN 'violation' WHEN {Or(excepted)} THEN 'permitted' ELSE 'out-of-scope' END";
    }

    /// <summary>In any of the windows (none: always); a side left open is no condition.</summary>
    private static string Windows(IReadOnlyList<AgreementWindow> windows) =>
        windows.Count == 0 ? "TRUE" : "(" + string.Join(" OR ", windows.Select(w =>
            "(" + string.Join(" AND ", new[] { w.Start is { } s ? $"ts >= {Timestamp(s)}" : null, w.End is { } e ? $"ts < {Timestamp(e)}" : null }.OfType<string>().DefaultIfEmpty("TRUE")) + ")")) + ")";

    private static string Binds(Binds binds, IReadOnlyList<Core.Parties.PartyCode> parties) =>
        $"party IN ({List((binds.Parties ?? parties).Select(p => p.Value))})";

    private static string Criteria(Criteria criteria, bool all, Dialect dialect)
    {
        var parts = new List<string>();
        if (criteria.Domains is { } domains)
        {
            parts.Add($"dom IN ({List(domains.Select(d => d.ToText()))})");
        }

        if (criteria.Means is { } means)
        {
            parts.Add(Under("means", means));
        }

        if (criteria.Targets is { } targets)
        {
            parts.Add(Targets(dialect, targets, all));
        }

        return parts.Count == 0 ? "TRUE" : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>A value falls under a rule when it is the rule or a descendant of it (<see cref="TaxonomyPath.IsWithin"/>).</summary>
    private static string Under(string column, IEnumerable<TaxonomyPath> rules) =>
        "(" + string.Join(" OR ", rules.Select(r => $"{column} = {Literal(r.Value)} OR {column} LIKE {Literal(r.Value + ".%")}")) + ")";

    /// <summary>Any target under the rules (prohibitions), or all of them (exceptions).</summary>
    private static string Targets(Dialect dialect, IReadOnlyList<TaxonomyPath> rules, bool all) => dialect switch
    {
        Dialect.DuckDb => all
            ? $"len(list_filter(string_split(target, ';'), t -> NOT {Under("t", rules)})) = 0"
            : $"len(list_filter(string_split(target, ';'), t -> {Under("t", rules)})) > 0",
        _ => all
            ? $"NOT EXISTS (SELECT 1 FROM unnest(string_to_array(target, ';')) AS x(t) WHERE NOT {Under("t", rules)})"
            : $"EXISTS (SELECT 1 FROM unnest(string_to_array(target, ';')) AS x(t) WHERE {Under("t", rules)})",
    };

    private static string AllTargetsIn(Dialect dialect, IReadOnlyList<string> leaves) => dialect switch
    {
        Dialect.DuckDb => $"list_has_all([{List(leaves)}], string_split(target, ';'))",
        _ => $"string_to_array(target, ';') <@ ARRAY[{List(leaves)}]",
    };

    private static string Or(List<string> terms) => terms.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", terms) + ")";

    private static string Timestamp(DateTimeOffset value) =>
        $"CAST('{value.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture)}' AS TIMESTAMPTZ)";

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(Literal));

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
