using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace TruceWatch.Benchmarks.Data;

/// <summary>
/// An ACLED export of any length made from the codebook fixture's rows (tests/TruceWatch.Ingest.Tests/Acled/acled-ukraine-sample.csv):
/// each output row is a fixture row with a fresh <c>event_id_cnty</c>, a date and a nudged point, so every row is a new event with
/// realistic notes, actors and sources. Only rows the adapter accepts are used as templates.
/// </summary>
internal static class SyntheticAcledCsv
{
    public static string Generate(int rows)
    {
        var path = Path.Combine(RepoRoot.Find(), "tests", "TruceWatch.Ingest.Tests", "Acled", "acled-ukraine-sample.csv");
        using var reader = Sep.Reader().FromFile(path);
        var header = reader.Header;
        var names = header.ColNames.ToArray();
        var templates = new List<string[]>();
        foreach (var row in reader)
        {
            if (row["event_type"].ToString() == "Explosions/Remote violence")
            {
                var fields = new string[names.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                templates.Add(fields);
            }
        }

        int id = Array.IndexOf(names, "event_id_cnty"), date = Array.IndexOf(names, "event_date"), year = Array.IndexOf(names, "year"),
            lat = Array.IndexOf(names, "latitude"), lon = Array.IndexOf(names, "longitude");
        var text = new StringBuilder(rows * 420);
        text.Append(string.Join(',', names)).Append('\n');
        var start = new DateOnly(2024, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var fields = (string[])templates[i % templates.Count].Clone();
            var day = start.AddDays(i % 700);
            fields[id] = string.Create(CultureInfo.InvariantCulture, $"UKR{300000 + i}");
            fields[date] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields[year] = day.Year.ToString(CultureInfo.InvariantCulture);
            fields[lat] = (double.Parse(fields[lat], CultureInfo.InvariantCulture) + (i % 97) * 0.001).ToString("0.0000", CultureInfo.InvariantCulture);
            fields[lon] = (double.Parse(fields[lon], CultureInfo.InvariantCulture) + (i % 89) * 0.001).ToString("0.0000", CultureInfo.InvariantCulture);
            for (var f = 0; f < fields.Length; f++)
            {
                if (f > 0)
                {
                    text.Append(',');
                }

                var value = fields[f];
                if (value.AsSpan().IndexOfAny(",\"\n") >= 0)
                {
                    text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    text.Append(value);
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
