using nietras.SeparatedValues;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Formats;

/// <summary>
/// The row loop of a CSV format whose columns are found by name (ACLED, CIR): reads the header (a byte-order mark the reader left is
/// dropped), checks the columns the format cannot do without, and hands each row's trimmed fields, by name, to the format's parser. A
/// row with more or fewer fields than the header, or that the parser finds problems in, is rejected at its line with every problem
/// named; its neighbours are read as usual.
/// </summary>
internal static class NamedRows
{
    /// <summary>Parses one row: <c>field(name)</c> is the row's value of a column ("" when the header lacks it); problems go into <c>errors</c>.</summary>
    public delegate Report? Parser(Func<string, string> field, List<string> errors);

    public static IEnumerable<ImportItem> Read(TextReader reader, string formatTitle, IReadOnlyList<string> required, Parser parse, CancellationToken cancellationToken)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        var names = sep.Header.ColNames.Select((n, i) => i == 0 ? n.TrimStart('\uFEFF') : n).ToList();
        var missing = required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            yield return Rejects.At(1, $"{formatTitle} header lacks column(s) {string.Join(", ", missing)}", string.Join(',', names));
            yield break;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }

        var fields = new string[names.Count];
        string Field(string name) => index.TryGetValue(name, out var i) ? fields[i] : "";
        var errors = new List<string>(4);
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = row.LineNumberFrom;
            var payload = row.Span.ToString();
            if (row.ColCount != names.Count)
            {
                yield return Rejects.At(line, $"has {row.ColCount} field(s), the header has {names.Count}", payload);
                continue;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].Span.Trim().ToString();
            }

            errors.Clear();
            var report = parse(Field, errors);
            yield return report is null || errors.Count > 0
                ? Rejects.At(line, string.Join("; ", errors), payload)
                : new ImportItem.Accepted(new ReportRecord(report, payload, line));
        }
    }
}
