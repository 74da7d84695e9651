using System.Globalization;
using System.Text;

namespace TruceWatch.Bench.Workload;

/// <summary>
/// Writes a realistic synthetic canonical report CSV (see <see cref="Mix"/> for the distributions and where they come from), deterministic
/// by seed and streamed row by row, so 10M rows cost no more memory than ten. Reports run in day order from 15 January to 14 May 2025
/// (across both bundled agreements' windows), in nightly waves: most strikes start between 18:00 and 07:00 Kyiv time. Every row is valid.
/// </summary>
public static class SyntheticReports
{
    public const int DefaultSeed = 20250318;

    /// <summary>The first day of the workload (Kyiv wall clock).</summary>
    public static readonly DateTime FirstDay = new(2025, 1, 15, 0, 0, 0, DateTimeKind.Unspecified);

    public const int Days = 120;

    private const string Header =
        "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    // Kyiv switched from +02:00 to +03:00 at 03:00 local on 30 March 2025.
    private static readonly DateTime SummerTime = new(2025, 3, 30, 3, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Writes the header and <paramref name="reports"/> rows to <paramref name="output"/> (UTF-8, no BOM, <c>\n</c> line ends).</summary>
    public static void Write(Stream output, long reports, int seed)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.Write(Header);
        writer.Write('\n');
        var random = new SplitMix64(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 1));
        var row = new StringBuilder(256);
        for (var i = 0L; i < reports; i++)
        {
            row.Clear();
            AppendRow(row, ref random, i, reports);
            foreach (var chunk in row.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }
    }

    /// <summary>Writes to a file, replacing it.</summary>
    public static void WriteFile(string path, long reports, int seed)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file, reports, seed);
    }

    private static void AppendRow(StringBuilder sb, ref SplitMix64 random, long i, long total)
    {
        var inv = CultureInfo.InvariantCulture;
        var party = Mix.Perpetrator.Draw(ref random);
        var mix = party ?? (random.Below(4) == 0 ? Mix.Ukraine : Mix.Russia);

        var source = (mix == Mix.Russia ? Mix.SourcesAboutRussia : Mix.SourcesAboutUkraine).Draw(ref random);
        sb.Append(source).Append(',').Append(source).Append('-').Append(i.ToString(inv)).Append(',');

        // The day advances with the row number, so the file is in day order like a real feed; within a day, a night wave.
        var day = FirstDay.AddDays((double)(i * Days / Math.Max(total, 1)));
        var hour = random.Percent(80) ? (18 + random.Below(14)) % 24 : 7 + random.Below(11);
        var local = day.AddHours(hour < 7 ? 24 + hour : hour).AddMinutes(random.Below(60)).AddSeconds(random.Below(60));
        var offset = local >= SummerTime ? "+03:00" : "+02:00";

        // Precision: a date only (as the Air Force's daily tallies give), to the minute, or to the second.
        var precision = random.Below(100);
        var dateOnly = precision < 35;
        var minute = precision is >= 35 and < 50;
        var timeFormat = minute ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";

        if (random.Percent(70))
        {
            sb.Append(local.AddMinutes(random.Between(30, 720)).ToString("yyyy-MM-dd'T'HH:mm:ss", inv)).Append(offset);
        }

        sb.Append(',');
        sb.Append(dateOnly ? local.ToString("yyyy-MM-dd", inv) : local.ToString(timeFormat, inv) + offset).Append(',');

        // end_time for a third of rows: the wave's end, the next morning or a few hours on.
        if (random.Percent(33))
        {
            var end = local.AddMinutes(random.Between(10, 600));
            if (local < SummerTime && end >= SummerTime.AddHours(-1))
            {
                end = end.AddHours(1); // the clocks went forward an hour in between
            }

            sb.Append(dateOnly ? end.ToString("yyyy-MM-dd", inv) : end.ToString(timeFormat, inv) + (end >= SummerTime ? "+03:00" : "+02:00"));
        }

        sb.Append(',');
        sb.Append(party?.Code ?? "").Append(',');

        var (means, weapon) = mix.Arms.Draw(ref random);
        var domain = "";
        if (random.Percent(25) && means.Length > 0)
        {
            domain = means.StartsWith("naval", StringComparison.Ordinal) ? "sea" : means.StartsWith("artillery", StringComparison.Ordinal) ? "land" : "air";
        }

        sb.Append(domain).Append(',').Append(means).Append(',').Append(weapon).Append(',');

        // Counts for 60 % of rows, heavy-tailed like the daily tallies (median ~3, a few waves of 100+).
        if (random.Percent(60))
        {
            var launched = random.Percent(50) ? random.Between(1, 5) : random.Percent(70) ? random.Between(5, 40) : random.Between(40, 300);
            var intercepted = random.Between(0, launched);
            sb.Append(launched.ToString(inv)).Append(',').Append(intercepted.ToString(inv)).Append(',').Append((launched - intercepted).ToString(inv)).Append(',');
        }
        else
        {
            sb.Append(",,,");
        }

        var region = mix.Regions.Draw(ref random);
        var placed = random.Below(100);
        sb.Append(placed < 95 ? region.Country : "").Append(',');
        sb.Append(placed < 85 ? region.Admin1 : "").Append(',');
        sb.Append(placed < 55 ? region.Town : "").Append(',');
        if (random.Percent(30))
        {
            sb.Append((region.Lat + ((random.Unit() - 0.5) / 10)).ToString("F4", inv)).Append(',')
                .Append((region.Lon + ((random.Unit() - 0.5) / 10)).ToString("F4", inv)).Append(',');
        }
        else
        {
            sb.Append(",,");
        }

        // Targets: none 12 %, one 78 %, two 10 %.
        var t = random.Below(100);
        if (t >= 12)
        {
            sb.Append(mix.Targets.Draw(ref random));
            if (t >= 90)
            {
                sb.Append(';').Append(mix.Targets.Draw(ref random));
            }
        }

        sb.Append(',');
        if (random.Percent(25))
        {
            sb.Append(random.Below(10).ToString(inv)).Append(',').Append(random.Below(30).ToString(inv)).Append(',');
        }
        else
        {
            sb.Append(",,");
        }

        // Description: plain half the time; quoted with a comma and escaped quotes a fifth of the time.
        var d = random.Below(100);
        if (d < 50)
        {
            sb.Append(Mix.Descriptions[random.Below(Mix.Descriptions.Length)]);
        }
        else if (d < 70)
        {
            sb.Append('"').Append(Mix.Descriptions[random.Below(Mix.Descriptions.Length)]).Append(", per \"\"regional administration\"\"\"");
        }

        sb.Append('\n');
    }
}
