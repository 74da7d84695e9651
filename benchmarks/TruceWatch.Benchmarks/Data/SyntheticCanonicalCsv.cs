using System.Globalization;
using System.Text;

namespace TruceWatch.Benchmarks.Data;

/// <summary>
/// Deterministic synthetic canonical CSV for scale runs: the same seed always gives the same text, so runs compare like with like.
/// The mix imitates the real feeds (mostly Russian long-range strikes in March–April 2025, half of them with the means left for the
/// weapon catalog to infer, some date-only times, some multi-target rows, some quoted descriptions); every row is valid.
/// </summary>
internal static class SyntheticCanonicalCsv
{
    public const int DefaultSeed = 20250318;

    private const string Header =
        "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    private static readonly string[] StatedMeans =
        ["missile.cruise", "missile.ballistic", "drone.long-range", "drone.long-range", "drone.fpv", "artillery.tube", "naval.surface-drone"];

    // Weapons whose means the catalog infers (Shahed-136 → drone.long-range, Kh-101 and Kalibr → missile.cruise, Iskander-M → missile.ballistic).
    private static readonly string[] InferredWeapons = ["Shahed-136", "Shahed-136", "Shahed-136", "Kh-101", "Iskander-M", "Kalibr"];

    private static readonly string[] TargetPaths =
    [
        "energy.grid.substation", "energy.grid.substation", "energy.oil.refinery", "civilian.residential", "civilian.residential",
        "military.airbase", "unknown",
    ];

    private static readonly (string Admin1, string Place, double Lat, double Lon)[] Places =
    [
        ("Kharkiv Oblast", "Kharkiv", 49.9935, 36.2304), ("Odesa Oblast", "Odesa", 46.4825, 30.7233), ("Kyiv", "Kyiv", 50.4501, 30.5234),
        ("Dnipropetrovsk Oblast", "Dnipro", 48.4647, 35.0462), ("Zaporizhzhia Oblast", "Zaporizhzhia", 47.8388, 35.1396),
        ("Sumy Oblast", "Sumy", 50.9077, 34.7981), ("Lviv Oblast", "Lviv", 49.8397, 24.0297), ("Poltava Oblast", "Kremenchuk", 49.0659, 33.4204),
    ];

    private static readonly string[] Descriptions =
    [
        "Overnight attack on the city", "Substation damaged and outages in the district", "Strike on an industrial site",
        "Debris fell on a residential building", "Air defence active over the region",
    ];

    /// <summary>A canonical CSV of <paramref name="rows"/> rows plus the header, newline-terminated.</summary>
    public static string Generate(int rows, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(capacity: 64 + (rows * 230));
        sb.Append(Header).Append('\n');
        var firstDay = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < rows; i++)
        {
            AppendRow(sb, random, i, firstDay);
        }

        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, Random random, int i, DateTime firstDay)
    {
        var inv = CultureInfo.InvariantCulture;

        // source, source_record_id
        sb.Append("synthetic,syn-").Append(i.ToString("D7", inv)).Append(',');

        // Times between 1 March and 30 April 2025, Kyiv wall clock (EET +02:00 until 30 March, EEST +03:00 after).
        var local = firstDay.AddMinutes(random.Next(0, 61 * 24 * 60));
        var offset = local >= new DateTime(2025, 3, 30, 3, 0, 0, DateTimeKind.Unspecified) ? "+03:00" : "+02:00";
        var dateOnly = random.Next(100) < 25;
        var start = dateOnly ? local.ToString("yyyy-MM-dd", inv) : local.ToString("yyyy-MM-dd'T'HH:mm:ss", inv) + offset;

        // reported_at: a few hours later, for 70 % of rows.
        if (random.Next(100) < 70)
        {
            var reported = local.AddMinutes(random.Next(30, 600));
            sb.Append(reported.ToString("yyyy-MM-dd'T'HH:mm:ss", inv)).Append(offset);
        }

        sb.Append(',').Append(start).Append(',');

        // end_time for 30 % of rows: the same precision as the start.
        if (random.Next(100) < 30)
        {
            sb.Append(dateOnly
                ? local.AddDays(random.Next(0, 2)).ToString("yyyy-MM-dd", inv)
                : local.AddMinutes(random.Next(5, 240)).ToString("yyyy-MM-dd'T'HH:mm:ss", inv) + offset);
        }

        sb.Append(',');

        // perpetrator: RU 80 %, UA 12 %, unknown 8 %.
        var p = random.Next(100);
        sb.Append(p < 80 ? "RU" : p < 92 ? "UA" : "").Append(',');

        // means / weapon: stated (50 %), inferred from the weapon (35 %), unknown (15 %).
        var m = random.Next(100);
        string means = "", weapon = "";
        if (m < 50)
        {
            means = StatedMeans[random.Next(StatedMeans.Length)];
            if (means.StartsWith("drone.long", StringComparison.Ordinal) && random.Next(2) == 0)
            {
                weapon = "Shahed-136";
            }
        }
        else if (m < 85)
        {
            weapon = InferredWeapons[random.Next(InferredWeapons.Length)];
        }

        // domain: stated for 20 % of rows, consistent with the means; otherwise inferred from the means.
        var domain = "";
        if (random.Next(100) < 20)
        {
            domain = means.StartsWith("naval", StringComparison.Ordinal) ? "sea" : means.StartsWith("artillery", StringComparison.Ordinal) ? "land" : "air";
        }

        sb.Append(domain).Append(',').Append(means).Append(',').Append(weapon).Append(',');

        // launched, intercepted, hits for 60 % of rows.
        if (random.Next(100) < 60)
        {
            var launched = random.Next(1, 150);
            var intercepted = random.Next(0, launched + 1);
            sb.Append(launched.ToString(inv)).Append(',').Append(intercepted.ToString(inv)).Append(',')
                .Append((launched - intercepted).ToString(inv)).Append(',');
        }
        else
        {
            sb.Append(",,,");
        }

        // country, admin1, place; lat/lon for 30 % of rows.
        var place = Places[random.Next(Places.Length)];
        var placed = random.Next(100);
        sb.Append(placed < 95 ? "UA" : "").Append(',');
        sb.Append(placed < 85 ? place.Admin1 : "").Append(',');
        sb.Append(placed < 60 ? place.Place : "").Append(',');
        if (random.Next(100) < 30)
        {
            sb.Append((place.Lat + ((random.NextDouble() - 0.5) / 10)).ToString("F4", inv)).Append(',')
                .Append((place.Lon + ((random.NextDouble() - 0.5) / 10)).ToString("F4", inv)).Append(',');
        }
        else
        {
            sb.Append(",,");
        }

        // target: none 10 %, one 75 %, two joined by ';' 15 %.
        var t = random.Next(100);
        if (t >= 10)
        {
            sb.Append(TargetPaths[random.Next(TargetPaths.Length)]);
            if (t >= 85)
            {
                sb.Append(';').Append(TargetPaths[random.Next(TargetPaths.Length)]);
            }
        }

        sb.Append(',');

        // killed, injured for 25 % of rows.
        if (random.Next(100) < 25)
        {
            sb.Append(random.Next(0, 10).ToString(inv)).Append(',').Append(random.Next(0, 30).ToString(inv)).Append(',');
        }
        else
        {
            sb.Append(",,");
        }

        // description: plain 50 %, quoted with a comma and an escaped quote 20 % (exercises unescaping), empty 30 %.
        var d = random.Next(100);
        if (d < 50)
        {
            sb.Append(Descriptions[random.Next(Descriptions.Length)]);
        }
        else if (d < 70)
        {
            sb.Append('"').Append(Descriptions[random.Next(Descriptions.Length)]).Append(", per \"\"regional administration\"\"\"");
        }

        sb.Append('\n');
    }
}
