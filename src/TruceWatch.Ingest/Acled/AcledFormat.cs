using System.Globalization;
using nietras.SeparatedValues;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Ingest.Text;

namespace TruceWatch.Ingest.Acled;

/// <summary>
/// The ACLED export (the standard researchers' event data, per the ACLED codebook): each "Explosions/Remote violence" event becomes a
/// canonical report (docs/formats.md has the mapping); events of other types are not strikes and are quarantined with that reason, so a
/// whole-country export can be imported as it is and nothing is silently dropped.
/// </summary>
/// <param name="weapons">The catalog weapons named in the notes are looked up in.</param>
/// <param name="regions">The gazetteer admin1 names resolve through.</param>
/// <param name="clock">The clock that says how late an event may be (now plus two days); the system clock when not given.</param>
public sealed class AcledFormat(WeaponCatalog weapons, OblastGazetteer regions, TimeProvider? clock = null) : IReportFormat
{
    private const string StrikeType = "Explosions/Remote violence";

    private static readonly string[] Required = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country"];

    public string Name => "acled";

    public string DefaultSource => "acled";

    public bool Recognizes(string headerLine)
    {
        var header = headerLine.TrimStart('\uFEFF');
        return header.Contains("event_id_cnty", StringComparison.Ordinal) && header.Contains("sub_event_type", StringComparison.Ordinal);
    }

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        var admin1s = new Dictionary<string, string?>(StringComparer.Ordinal);
        var plausible = PlausibleTime.Now(clock ?? TimeProvider.System);
        return NamedRows.Read(reader, "ACLED", Required, (field, errors) => Parse(field, errors, admin1s, plausible), cancellationToken);
    }

    private Report? Parse(Func<string, string> field, List<string> errors, Dictionary<string, string?> admin1s, PlausibleTime plausible)
    {
        var id = field("event_id_cnty");
        if (id.Length == 0)
        {
            errors.Add("event_id_cnty is empty");
        }

        var type = field("event_type");
        if (!string.Equals(type, StrikeType, StringComparison.Ordinal))
        {
            errors.Add($"not a remote strike: event_type '{type}' ({field("sub_event_type")}); only '{StrikeType}' events are reports");
            return null;
        }

        var time = Time(field("event_date"), field("time_precision"), errors);
        if (time.Start is { } day)
        {
            plausible.Check(day, "event_date", errors);
        }

        var sub = field("sub_event_type");
        var notes = field("notes");
        var (weapon, means) = StrikeText.Means(notes, weapons);
        StrikeDomain? domain = sub switch
        {
            "Air/drone strike" => StrikeDomain.Air,
            "Shelling/artillery/missile attack" => means is { } m && (m.Value.StartsWith("missile", StringComparison.Ordinal) || m.Value.StartsWith("drone", StringComparison.Ordinal)) ? StrikeDomain.Air : StrikeDomain.Land,
            "Remote explosive/landmine/IED" or "Grenade" or "Suicide bomb" => StrikeDomain.Land,
            _ => Unknown(errors, sub),
        };

        // Air/drone strikes with nothing in the notes stay at "unknown means": the sub-type says air, not which weapon.
        if (sub == "Shelling/artillery/missile attack" && means is null)
        {
            means = TaxonomyPath.Parse("artillery");
        }

        var place = Place(field, errors, admin1s);
        var killed = Count(field("fatalities"), "fatalities", errors);
        return errors.Count > 0 ? null : new Report
        {
            Key = new ReportKey(DefaultSource, id),
            ReportedAt = long.TryParse(field("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : null,
            Time = time,
            Perpetrator = Party(field("actor1")),
            Domain = domain,
            Means = means,
            MeansInferred = means is not null,
            Weapon = weapon,
            Place = place,
            Targets = StrikeText.Targets(notes),
            Harm = new Harm(killed, null),
            Description = notes.Length == 0 ? null : notes,
        };
    }

    private static StrikeDomain? Unknown(List<string> errors, string sub)
    {
        errors.Add($"sub_event_type '{sub}' is not one of ACLED's Explosions/Remote violence sub-types");
        return null;
    }

    /// <summary>ACLED's actor names for the two states' forces (with their dated suffixes, e.g. "Military Forces of Russia (2000-)").</summary>
    private static PartyCode? Party(string actor) =>
        actor.StartsWith("Military Forces of Russia", StringComparison.Ordinal) || actor.StartsWith("Police Forces of Russia", StringComparison.Ordinal) ? PartyCode.Parse("RU")
        : actor.StartsWith("Military Forces of Ukraine", StringComparison.Ordinal) || actor.StartsWith("Police Forces of Ukraine", StringComparison.Ordinal) ? PartyCode.Parse("UA")
        : null;

    /// <summary>
    /// <c>time_precision</c> 1: the day; 2: the source gave a week (ACLED codes its middle day), so the event lies within three days
    /// either side; 3: the source gave a month, so the whole calendar month. Days are Kyiv calendar days.
    /// </summary>
    private static ReportedTime Time(string date, string precision, List<string> errors)
    {
        if (!DateOnly.TryParseExact(date, ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add($"event_date '{date}' is not a date (YYYY-MM-DD or '15 March 2025')");
            return ReportedTime.Unknown;
        }

        return precision switch
        {
            "1" => new ReportedTime(IsoTime.StartOfDay(day, IsoTime.Kyiv), null, TimePrecision.Day),

            // The codebook always fills it; a row without it is read at the widest precision rather than given one it never stated.
            "" or "3" => new ReportedTime(IsoTime.StartOfDay(new DateOnly(day.Year, day.Month, 1), IsoTime.Kyiv),
                IsoTime.StartOfDay(new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1), IsoTime.Kyiv), TimePrecision.Day),
            "2" => new ReportedTime(IsoTime.StartOfDay(day.AddDays(-3), IsoTime.Kyiv), IsoTime.StartOfDay(day.AddDays(3), IsoTime.Kyiv), TimePrecision.Day),
            _ => Error(errors, $"time_precision '{precision}' is not 1, 2 or 3"),
        };
    }

    private static ReportedTime Error(List<string> errors, string message)
    {
        errors.Add(message);
        return ReportedTime.Unknown;
    }

    /// <summary>
    /// <c>geo_precision</c> 1: the town named; 2: near it or a part of a region (both a settlement's point, give or take);
    /// 3: only the region, placed at its capital (so the point says no more than the region).
    /// </summary>
    /// <param name="field">The row's value of a column, by name.</param>
    /// <param name="errors">Where problems are added.</param>
    /// <param name="admin1s">This file's region names already resolved: an export repeats a few dozen names over every row.</param>
    private Place Place(Func<string, string> field, List<string> errors, Dictionary<string, string?> admin1s)
    {
        var country = field("country") switch
        {
            "Ukraine" => "UA",
            "Russia" => "RU",
            "Belarus" => "BY",
            "Moldova" => "MD",
            "Poland" => "PL",
            "Romania" => "RO",
            "" => null,
            var other => other.Length == 2 ? other.ToUpperInvariant() : null,
        };
        var admin1Name = field("admin1");
        // ACLED's admin1 is the first-level region: "Kyiv" is the oblast ("Kyiv City" the city), so a bare name is read as the region.
        if (!admin1s.TryGetValue(admin1Name, out var admin1))
        {
            admin1 = admin1Name.Length == 0 ? null
                : admin1Name.EndsWith(" City", StringComparison.Ordinal) ? regions.Resolve(admin1Name)?.Code
                : (regions.Resolve(admin1Name + " oblast") ?? regions.Resolve(admin1Name))?.Code;
            admin1s[admin1Name] = admin1;
        }

        var location = field("location");
        GeoPoint? point = null;
        var lat = field("latitude");
        var lon = field("longitude");
        if (lat.Length > 0 || lon.Length > 0)
        {
            if (double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                && la is >= -90 and <= 90 && lo is >= -180 and <= 180)
            {
                point = new GeoPoint(la, lo);
            }
            else
            {
                errors.Add($"latitude/longitude '{lat}', '{lon}' is not a point");
            }
        }

        var precision = field("geo_precision") switch
        {
            "1" or "2" when point is not null => PlacePrecision.Settlement,
            "3" => PlacePrecision.Admin1,
            "" => point is not null ? PlacePrecision.Settlement : admin1 is not null ? PlacePrecision.Admin1 : country is not null ? PlacePrecision.Country : PlacePrecision.Unknown,
            "1" or "2" => PlacePrecision.Admin1,
            var other => ErrorPrecision(errors, other),
        };
        return new Place(country, admin1, location.Length == 0 ? null : location, point, precision);
    }

    private static PlacePrecision ErrorPrecision(List<string> errors, string text)
    {
        errors.Add($"geo_precision '{text}' is not 1, 2 or 3");
        return PlacePrecision.Unknown;
    }

    /// <summary>ACLED records 0 when no death was reported: a real zero, unlike an empty field.</summary>
    private static int? Count(string text, string name, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        errors.Add($"{name} '{text}' is not a whole number");
        return null;
    }
}
