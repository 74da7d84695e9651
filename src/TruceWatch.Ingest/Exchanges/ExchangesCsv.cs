using System.Globalization;
using nietras.SeparatedValues;
using TruceWatch.Core.Obligations;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Exchanges;

/// <summary>
/// Reads the prisoner-exchange table (<c>data/pow-exchanges-2025/exchanges.csv</c>: date, kind, ref, stage, returned_to_ua,
/// returned_to_ru, category, mediator, place, source, note). Every bad row is reported with its line; good rows are kept.
/// </summary>
public static class ExchangesCsv
{
    private static readonly string[] Required = ["date", "kind", "ref", "stage", "returned_to_ua", "returned_to_ru", "category", "source"];

    public static (IReadOnlyList<Exchange> Exchanges, IReadOnlyList<string> Errors) Read(TextReader reader)
    {
        var exchanges = new List<Exchange>();
        var errors = new List<string>();
        using var sep = Sep.Reader(o => o with { Unescape = true, Sep = new Sep(',') }).From(reader);
        var names = sep.Header.ColNames;
        var missing = Required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"line 1: header lacks column(s) {string.Join(", ", missing)}");
            return (exchanges, errors);
        }

        foreach (var row in sep)
        {
            var line = row.LineNumberFrom;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                fields[name] = row[name].Span.Trim().ToString();
            }

            string F(string name) => fields.GetValueOrDefault(name, "");
            var problems = new List<string>();
            if (!DateOnly.TryParseExact(F("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"date '{F("date")}' is not YYYY-MM-DD");
            }

            var kind = F("kind");
            if (kind is not ("agreement" or "exchange"))
            {
                problems.Add($"kind '{kind}' is not agreement or exchange");
            }

            int? Number(string name)
            {
                var text = F(name);
                if (text.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                problems.Add($"{name} '{text}' is not a whole number");
                return null;
            }

            var stage = Number("stage");
            var toUa = Number("returned_to_ua");
            var toRu = Number("returned_to_ru");
            if (problems.Count > 0)
            {
                errors.Add($"line {line}: {string.Join("; ", problems)}");
                continue;
            }

            exchanges.Add(new Exchange(date, kind, F("ref") is { Length: > 0 } r ? r : null, stage, toUa, toRu, F("category"), F("source"), F("note") is { Length: > 0 } n ? n : null));
        }

        return (exchanges, errors);
    }

    /// <summary>The bundled table: <c>TRUCEWATCH_EXCHANGES</c>, else beside the program, else the repository's <c>data/</c>.</summary>
    public static string? FindBundled()
    {
        if (Environment.GetEnvironmentVariable("TRUCEWATCH_EXCHANGES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "exchanges.csv");
        if (File.Exists(beside))
        {
            return beside;
        }

        return RepositoryFiles.Above(Directory.GetCurrentDirectory(), "data", "pow-exchanges-2025", "exchanges.csv");
    }
}
