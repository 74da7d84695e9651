using System.Globalization;
using nietras.SeparatedValues;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Ingest.Text;

namespace TruceWatch.Ingest.Cir;

/// <summary>
/// The Centre for Information Resilience "Russia-Ukraine Monitor" map events (2022; data/cir-russia-ukraine-monitor-events): geolocated
/// reports of damage, bombings and casualties. Events of the strike layers become reports — perpetrator unknown (the map does not
/// attribute), place geolocated to a point, targets and weapon from the title and description; the other layers (troop movements,
/// munitions found) are not strike reports and are quarantined with that reason.
/// </summary>
/// <param name="weapons">The catalog weapons named in the text are looked up in.</param>
/// <param name="regions">The gazetteer provinces resolve through.</param>
/// <param name="clock">The clock that says how late an event may be (now plus two days); the system clock when not given.</param>
public sealed class CirEventsFormat(WeaponCatalog weapons, OblastGazetteer regions, TimeProvider? clock = null) : IReportFormat
{
    private static readonly string[] Required = ["entry", "date", "event_group"];

    private static readonly string[] StrikeLayers = ["Civilian Infrastructure Damage", "Military Infrastructure Damage", "Bombing or Explosion", "Civilian Casualt", "Civilian casualt"];

    public string Name => "cir-events";

    public string DefaultSource => "cir";

    public bool Recognizes(string headerLine) =>
        headerLine.TrimStart('\uFEFF').StartsWith("entry,date,event_group,title,", StringComparison.Ordinal);

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        var plausible = PlausibleTime.Now(clock ?? TimeProvider.System);
        return NamedRows.Read(reader, "CIR events", Required, (field, errors) => Parse(field, errors, plausible), cancellationToken);
    }

    private Report? Parse(Func<string, string> field, List<string> errors, PlausibleTime plausible)
    {
        var id = field("entry");
        if (id.Length == 0)
        {
            errors.Add("entry is empty");
        }

        var layer = field("event_group");
        if (!StrikeLayers.Any(l => layer.StartsWith(l, StringComparison.Ordinal)))
        {
            errors.Add($"not a strike report: layer '{layer}'");
            return null;
        }

        var date = field("date");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(date.Length == 0 ? "date is empty" : $"date '{date}' is not YYYY-MM-DD");
            return null;
        }

        if (!plausible.Check(IsoTime.StartOfDay(day, IsoTime.Kyiv), "date", errors))
        {
            return null;
        }

        var text = $"{field("title")}. {field("brief description")}";
        var arms = field("arms/munition");
        var (weapon, means) = arms.Length > 0 && weapons.InferMeans(arms) is { } armsMeans ? (arms, (TaxonomyPath?)armsMeans) : StrikeText.Means(text, weapons);
        GeoPoint? point = null;
        if (double.TryParse(field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && double.TryParse(field("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
        {
            point = new GeoPoint(lat, lon);
        }
        else if (field("lat").Length > 0 || field("lon").Length > 0)
        {
            errors.Add($"lat/lon '{field("lat")}', '{field("lon")}' is not a point");
        }

        var country = field("country") switch
        {
            "Ukraine" => "UA",
            "Russia" => "RU",
            "Belarus" => "BY",
            "Moldova" => "MD",
            "" => null,
            var other => other,
        };
        var province = field("province");
        var town = field("town/city");
        return new Report
        {
            Key = new ReportKey(DefaultSource, id),
            Time = new ReportedTime(IsoTime.StartOfDay(day, IsoTime.Kyiv), null, TimePrecision.Day),
            Means = means,
            MeansInferred = means is not null,
            Weapon = weapon,
            Domain = means is { } m ? Core.Taxonomy.MeansClasses.DefaultDomain(m) : null,
            Targets = StrikeText.Targets(text),
            Place = new Place(country, province.Length == 0 ? null : regions.Resolve(province)?.Code, town.Length == 0 ? null : town, point,
                point is null ? (province.Length > 0 ? PlacePrecision.Admin1 : PlacePrecision.Country) : field("geolocation").Length > 0 ? PlacePrecision.Point : PlacePrecision.Settlement),
            Description = text,
        };
    }
}
