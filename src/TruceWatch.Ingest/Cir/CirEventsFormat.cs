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
public sealed class CirEventsFormat(WeaponCatalog weapons, OblastGazetteer regions) : IReportFormat
{
    private static readonly string[] StrikeLayers = ["Civilian Infrastructure Damage", "Military Infrastructure Damage", "Bombing or Explosion", "Civilian Casualt", "Civilian casualt"];

    public string Name => "cir-events";

    public string DefaultSource => "cir";

    public bool Recognizes(string headerLine) =>
        headerLine.TrimStart('\uFEFF').StartsWith("entry,date,event_group,title,", StringComparison.Ordinal);

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        var names = sep.Header.ColNames;
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = row.LineNumberFrom;
            var payload = row.Span.ToString();
            if (row.ColCount != names.Count)
            {
                yield return Reject(line, $"has {row.ColCount} field(s), the header has {names.Count}", payload);
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                fields[names[i]] = row[i].Span.Trim().ToString();
            }

            var errors = new List<string>();
            var report = Parse(name => fields.GetValueOrDefault(name, ""), errors);
            yield return report is null || errors.Count > 0
                ? Reject(line, string.Join("; ", errors), payload)
                : new ImportItem.Accepted(new ReportRecord(report, payload, line));
        }
    }

    private Report? Parse(Func<string, string> field, List<string> errors)
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

    private static ImportItem Reject(long line, string reason, string payload) =>
        new ImportItem.Rejected(new QuarantinedRow(line, $"line {line}: {reason}", payload));
}
