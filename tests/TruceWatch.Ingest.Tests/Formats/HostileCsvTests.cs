using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Shouldly;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Formats;
using Xunit;

namespace TruceWatch.Ingest.Tests.Formats;

/// <summary>
/// Every CSV adapter against broken input, on real rows: a byte-order mark, CRLF and mixed line endings, a file cut off mid-row, the
/// wrong encoding, extra and missing columns, absurd values (coordinates off the globe, a negative count, dates in 1900 and next year)
/// and HTML in a text field. Nothing throws; a bad row is rejected with its own line number and costs its neighbours nothing.
/// </summary>
public sealed class HostileCsvTests
{
    /// <summary>Per format: its real file, and the columns holding latitude, longitude, the event date, a count and a free text.</summary>
    public static readonly TheoryData<string> Formats = new() { "canonical", "acled", "cir-events", "missile-attacks-daily" };

    private static Sample Load(string format) => format switch
    {
        "canonical" => Sample.From(format, Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "lat", "lon", "start_time", "launched", "description"),
        "acled" => Sample.From(format, Path.Combine(Repo.Root, "tests", "TruceWatch.Ingest.Tests", "Acled", "acled-ukraine-sample.csv"),
            "latitude", "longitude", "event_date", "fatalities", "notes"),
        "cir-events" => Sample.From(format, Repo.Data("cir-russia-ukraine-monitor-events", "events.csv"), "lat", "lon", "date", null, "brief description"),
        "missile-attacks-daily" => Sample.From(format, Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv"), null, null, "time_start", "launched", "model"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_byte_order_mark_and_CRLF_or_mixed_line_endings_change_nothing(string format)
    {
        var sample = Load(format);
        var plain = sample.Read(sample.Text("\n"));
        plain.Accepted.Count.ShouldBe(sample.Rows.Count);

        sample.Read("\uFEFF" + sample.Text("\n")).Keys.ShouldBe(plain.Keys);
        sample.Read(sample.Text("\r\n")).Keys.ShouldBe(plain.Keys);
        sample.Read(sample.Text("\r\n", mixed: true)).Keys.ShouldBe(plain.Keys);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_file_cut_off_mid_row_keeps_every_whole_row_and_rejects_the_cut_one_at_its_line(string format)
    {
        var sample = Load(format);
        var text = sample.Text("\n");
        var lastRow = text.LastIndexOf('\n', text.Length - 2) + 1;
        var cut = text[..(lastRow + (text.Length - lastRow) / 3)];

        var read = sample.Read(cut);

        read.Accepted.Count.ShouldBeGreaterThanOrEqualTo(sample.Rows.Count - 1);
        read.Rejected.ShouldAllBe(r => r.Line == sample.Rows.Count + 1);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Text_in_another_encoding_is_read_without_a_crash_and_without_losing_rows(string format)
    {
        var sample = Load(format);
        // What a Windows-1251 file looks like read as UTF-8: each Cyrillic letter one byte of 0xC0-0xFF, an invalid sequence, replaced.
        // The real samples are English apart from a few names, so every field also gets a Cyrillic word.
        var rows = sample.Rows.Select(r => r.Select((f, i) => i == sample.Column(sample.FreeText) ? f + " Харків" : f).ToArray()).ToList();
        var bytes = sample.Text("\n", rows).Select(c => c < 128 ? (byte)c : (byte)0xD5).ToArray();
        var read = sample.Read(Encoding.UTF8.GetString(bytes));

        (read.Accepted.Count + read.Rejected.Count).ShouldBe(sample.Rows.Count);
        read.Rejected.ShouldAllBe(r => r.Line >= 2 && r.Reason.Contains(r.Line.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_row_with_an_extra_or_a_missing_column_is_rejected_at_its_line_and_its_neighbours_are_kept(string format)
    {
        var sample = Load(format);
        foreach (var broken in (Func<string[], string[]>[])[f => [.. f, "surplus"], f => f[..^1]])
        {
            var rows = sample.Rows.Select(r => (string[])r.Clone()).ToList();
            rows[2] = broken(rows[2]);

            var read = sample.Read(sample.Text("\n", rows));

            read.Rejected.ShouldHaveSingleItem().Line.ShouldBe(4);
            read.Rejected[0].Reason.ShouldContain("line 4");
            read.Accepted.Count.ShouldBe(sample.Rows.Count - 1);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Absurd_values_are_rejected_at_their_line_with_the_column_named(string format)
    {
        var sample = Load(format);
        var nextYear = TimeProvider.System.GetUtcNow().AddDays(400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = new List<(string Column, string Value)>();
        if (sample.Lat is { } lat)
        {
            cases.Add((lat, "123.5"));
            cases.Add((sample.Lon!, "500"));
        }

        cases.Add((sample.Date, format == "missile-attacks-daily" ? "1900-01-01 10:00" : "1900-01-01"));
        cases.Add((sample.Date, format == "missile-attacks-daily" ? nextYear + " 10:00" : nextYear));
        if (sample.Count is { } count)
        {
            cases.Add((count, "-5"));
        }

        foreach (var (column, value) in cases)
        {
            var read = sample.Read(sample.Text("\n", sample.With(1, column, value)));

            read.Rejected.ShouldHaveSingleItem($"{column} = {value}").Line.ShouldBe(3);
            read.Rejected[0].Reason.ShouldContain("line 3");
            read.Accepted.Count.ShouldBe(sample.Rows.Count - 1, $"{column} = {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void HTML_in_a_text_field_is_kept_as_inert_text_never_interpreted(string format)
    {
        var sample = Load(format);
        const string Html = "<script>alert('x')</script><b>bold</b> &amp;";
        var rows = sample.With(1, sample.FreeText, sample.Rows[1][sample.Column(sample.FreeText)] + " " + Html);

        var read = sample.Read(sample.Text("\n", rows));

        (read.Accepted.Count + read.Rejected.Count).ShouldBe(sample.Rows.Count);
        read.Rejected.ShouldAllBe(r => r.Line == 3);
        var payload = read.Accepted.Select(a => a.Payload).Concat(read.Rejected.Select(r => r.Payload)).Single(p => p.Contains("<script>", StringComparison.Ordinal));
        payload.ShouldContain(Html);
    }

    private sealed record Read(List<ReportRecord> Accepted, List<QuarantinedRow> Rejected)
    {
        public List<string> Keys => [.. Accepted.Select(a => a.Report.Key.ToString())];
    }

    /// <summary>A header and the first rows of a real file that the format accepts one by one, with no line breaks inside fields.</summary>
    private sealed record Sample(IReportFormat Format, string[] Header, List<string[]> Rows, string? Lat, string? Lon, string Date, string? Count, string FreeText)
    {
        public static Sample From(string formatName, string path, string? lat, string? lon, string date, string? count, string freeText)
        {
            var format = FormatRegistry.Default.ByName(formatName)!;
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
            var header = reader.Header.ColNames.ToArray();
            var rows = new List<string[]>();
            var probe = new Sample(format, header, rows, lat, lon, date, count, freeText);
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                if (fields.Length == header.Length && !fields.Any(f => f.Contains('\n') || f.Contains('\r'))
                    && probe.Read(probe.Text("\n", [fields])).Accepted.Count == 1)
                {
                    rows.Add(fields);
                    if (rows.Count == 6)
                    {
                        break;
                    }
                }
            }

            rows.Count.ShouldBe(6, $"{path}: not enough plain rows the {formatName} format accepts");
            return probe;
        }

        public int Column(string name) => Array.IndexOf(Header, name) is >= 0 and var i ? i : throw new ArgumentException($"no column {name}");

        public List<string[]> With(int row, string column, string value)
        {
            var rows = Rows.Select(r => (string[])r.Clone()).ToList();
            rows[row][Column(column)] = value;
            return rows;
        }

        public string Text(string newline, List<string[]>? rows = null, bool mixed = false)
        {
            var text = new StringBuilder();
            var lines = new List<string[]> { Header };
            lines.AddRange(rows ?? Rows);
            for (var n = 0; n < lines.Count; n++)
            {
                text.Append(string.Join(',', lines[n].Select(Quote))).Append(mixed && n % 2 == 1 ? "\n" : newline);
            }

            return text.ToString();
        }

        public Read Read(string text)
        {
            var accepted = new List<ReportRecord>();
            var rejected = new List<QuarantinedRow>();
            foreach (var item in Format.Read(new StringReader(text), TestContext.Current.CancellationToken))
            {
                switch (item)
                {
                    case ImportItem.Accepted a:
                        accepted.Add(a.Record);
                        break;
                    case ImportItem.Rejected r:
                        rejected.Add(r.Row);
                        break;
                }
            }

            return new Read(accepted, rejected);
        }

        private static string Quote(string field) =>
            field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
