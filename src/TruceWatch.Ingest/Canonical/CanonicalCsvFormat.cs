using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Ingest.Canonical;

/// <summary>
/// The canonical report CSV (UTF-8, RFC 4180, ISO 8601 times with offset, empty = unknown). Every problem in a row is reported at once;
/// a bad row is quarantined and the rows around it still go in. A row without a <c>source_record_id</c> gets one derived from a hash of its
/// content, so importing the same file twice adds nothing.
/// </summary>
/// <param name="weapons">The catalog weapons and means are checked against.</param>
/// <param name="clock">The clock that says how late an event may be (now plus two days); the system clock when not given.</param>
public sealed class CanonicalCsvFormat(WeaponCatalog weapons, TimeProvider? clock = null) : IReportFormat
{
    public string Name => "canonical";

    public string DefaultSource => "canonical";

    public bool Recognizes(string headerLine) =>
        headerLine.TrimStart('\uFEFF').StartsWith("source,source_record_id,", StringComparison.Ordinal);

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        var columns = Columns.From(sep.Header.ColNames);
        if (columns.Missing.Count > 0)
        {
            yield return new ImportItem.Rejected(new QuarantinedRow(1,
                $"line 1: header lacks column(s) {string.Join(", ", columns.Missing)}; expected {CanonicalColumns.Header}",
                string.Join(',', sep.Header.ColNames)));
            yield break;
        }

        var width = sep.Header.ColNames.Count;
        var errors = new List<string>(4);
        var caches = new Caches(weapons, PlausibleTime.Now(clock ?? TimeProvider.System));
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = row.LineNumberFrom;
            var payload = row.Span.ToString();
            if (row.ColCount != width)
            {
                yield return Rejects.At(line, $"has {row.ColCount} field(s), the header has {width}", payload);
                continue;
            }

            errors.Clear();
            var report = Parse(row, columns, errors, caches);
            yield return report is null || errors.Count > 0
                ? Rejects.At(line, string.Join("; ", errors), payload)
                : new ImportItem.Accepted(new ReportRecord(report, payload, line));
        }
    }

    internal static Report? Parse(SepReader.Row row, Columns c, List<string> errors, Caches caches)
    {
        var sourceSpan = Field(row, c.Source);
        if (sourceSpan.IsEmpty)
        {
            errors.Add("source is empty");
            return null;
        }

        var source = caches.Text.Get(sourceSpan);
        var reportedAt = OptionalTime(row, c.ReportedAt, "reported_at", errors, caches.Plausible, out _);
        var start = OptionalTime(row, c.StartTime, "start_time", errors, caches.Plausible, out var startPrecision);
        var end = OptionalTime(row, c.EndTime, "end_time", errors, caches.Plausible, out var endPrecision);
        var time = ReportedTime.Unknown;
        if (start is { } s)
        {
            if (end is { } e && e < s)
            {
                errors.Add($"end_time {IsoTime.Format(e)} is before start_time {IsoTime.Format(s)}");
            }
            else
            {
                var precision = end is null ? startPrecision : (TimePrecision)Math.Min((int)startPrecision, (int)endPrecision);
                time = new ReportedTime(s, end, precision);
            }
        }
        else if (end is not null)
        {
            errors.Add("end_time is given without start_time");
        }

        PartyCode? perpetrator = null;
        var perpetratorText = Field(row, c.Perpetrator);
        if (!perpetratorText.IsEmpty)
        {
            if (caches.Party.Get(perpetratorText) is { } p)
            {
                perpetrator = p;
            }
            else
            {
                errors.Add($"perpetrator '{perpetratorText}' is not a party code (e.g. UA, RU)");
            }
        }

        StrikeDomain? domain = null;
        var domainText = Field(row, c.Domain);
        if (!domainText.IsEmpty)
        {
            if (StrikeDomains.TryParse(domainText, out var d))
            {
                domain = d;
            }
            else
            {
                errors.Add($"domain '{domainText}' is not one of air, sea, land");
            }
        }

        var weaponText = Field(row, c.Weapon);
        var (weapon, weaponMeans) = weaponText.IsEmpty ? (null, null) : caches.Weapon.Get(weaponText);
        TaxonomyPath? means = null;
        var meansInferred = false;
        var meansText = Field(row, c.Means);
        if (!meansText.IsEmpty)
        {
            if (caches.Means.Get(meansText) is { } m)
            {
                means = m;
            }
            else
            {
                errors.Add($"means '{meansText}' is not in the means taxonomy (e.g. missile.cruise, drone.long-range)");
            }
        }
        else if (weaponMeans is { } inferred)
        {
            means = inferred;
            meansInferred = true;
        }

        if (domain is null && means is { } knownMeans)
        {
            domain = MeansClasses.DefaultDomain(knownMeans);
        }

        var launched = Count(row, c.Launched, "launched", errors);
        var intercepted = Count(row, c.Intercepted, "intercepted", errors);
        var hits = Count(row, c.Hits, "hits", errors);
        var killed = Count(row, c.Killed, "killed", errors);
        var injured = Count(row, c.Injured, "injured", errors);

        var place = ParsePlace(row, c, errors, caches);
        var targetText = Field(row, c.Target);
        var targets = ImmutableArray<TaxonomyPath>.Empty;
        if (!targetText.IsEmpty)
        {
            var (paths, targetErrors) = caches.Targets.Get(targetText);
            targets = paths;
            errors.AddRange(targetErrors);
        }

        var recordIdSpan = Field(row, c.SourceRecordId);
        var recordId = recordIdSpan.IsEmpty ? DerivedId(row.Span) : recordIdSpan.ToString();
        var description = Field(row, c.Description);

        return new Report
        {
            Key = new ReportKey(source, recordId),
            ReportedAt = reportedAt,
            Time = time,
            Perpetrator = perpetrator,
            Domain = domain,
            Means = means,
            MeansInferred = meansInferred,
            Weapon = weapon,
            Counts = new StrikeCounts(launched, intercepted, hits),
            Place = place,
            Targets = targets,
            Harm = new Harm(killed, injured),
            Description = description.IsEmpty ? null : description.ToString(),
        };
    }

    private static Place ParsePlace(SepReader.Row row, Columns c, List<string> errors, Caches caches)
    {
        var country = Field(row, c.Country);
        if (!country.IsEmpty && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
        {
            errors.Add($"country '{country}' is not a two-letter ISO 3166 code");
        }

        var latText = Field(row, c.Lat);
        var lonText = Field(row, c.Lon);
        GeoPoint? point = null;
        if (!latText.IsEmpty || !lonText.IsEmpty)
        {
            if (latText.IsEmpty || lonText.IsEmpty)
            {
                errors.Add("lat and lon must be given together");
            }
            else if (!Decimals.TryParse(latText, out var lat) || lat is < -90 or > 90)
            {
                errors.Add($"lat '{latText}' is not a latitude in [-90, 90]");
            }
            else if (!Decimals.TryParse(lonText, out var lon) || lon is < -180 or > 180)
            {
                errors.Add($"lon '{lonText}' is not a longitude in [-180, 180]");
            }
            else
            {
                point = new GeoPoint(lat, lon);
            }
        }

        var admin1 = Field(row, c.Admin1);
        var name = Field(row, c.Place);
        return Place.Of(
            country.IsEmpty ? null : caches.Country.Get(country),
            admin1.IsEmpty ? null : caches.Text.Get(admin1),
            name.IsEmpty ? null : caches.Text.Get(name),
            point);
    }

    private static (ImmutableArray<TaxonomyPath> Paths, List<string> Errors) ParseTargets(string text)
    {
        var errors = new List<string>();
        var builder = ImmutableArray.CreateBuilder<TaxonomyPath>();
        foreach (var range in text.AsSpan().Split(';'))
        {
            var part = text.AsSpan()[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }

            if (TaxonomyPath.TryParse(part, out var path) && Targets.Vocabulary.Contains(path))
            {
                builder.Add(path);
            }
            else
            {
                errors.Add($"target '{part}' is not in the target taxonomy (e.g. energy.grid.substation, civilian.residential, military)");
            }
        }

        return (builder.DrainToImmutable(), errors);
    }

    private static DateTimeOffset? OptionalTime(SepReader.Row row, int index, string name, List<string> errors, PlausibleTime plausible, out TimePrecision precision)
    {
        precision = TimePrecision.Unknown;
        var text = Field(row, index);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!IsoTime.TryParse(text, IsoTime.Kyiv, out var value, out precision, out var error))
        {
            errors.Add($"{name}: {error}");
            return null;
        }

        return plausible.Check(value, name, errors) ? value : null;
    }

    private static int? Count(SepReader.Row row, int index, string name, List<string> errors)
    {
        var text = Field(row, index);
        if (text.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Some exports write counts as floats ("12.0"); accept those when whole.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= int.MaxValue && Math.Floor(d) == d)
        {
            return (int)d;
        }

        errors.Add($"{name} '{text}' is not a whole number ≥ 0");
        return null;
    }

    private static ReadOnlySpan<char> Field(SepReader.Row row, int index) => index < 0 ? default : row[index].Span.Trim();

    /// <summary>A record id from the row's content, for sources that give none: the same row always gets the same id.</summary>
    internal static string DerivedId(ReadOnlySpan<char> raw)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(raw.Trim().ToString());
        SHA256.HashData(bytes, hash);
        return "sha256:" + Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>Per-file caches of parsed field values (see <see cref="FieldCache{T}"/>).</summary>
    internal sealed class Caches(WeaponCatalog weapons, PlausibleTime plausible)
    {
        public PlausibleTime Plausible { get; } = plausible;

        public FieldCache<string> Text { get; } = new(s => s);

        public FieldCache<string> Country { get; } = new(s => s.ToUpperInvariant());

        public FieldCache<PartyCode?> Party { get; } = new(s => PartyCode.TryParse(s, out var p) ? p : null);

        public FieldCache<TaxonomyPath?> Means { get; } = new(s => TaxonomyPath.TryParse(s, out var m) && MeansClasses.Vocabulary.Contains(m) ? m : null);

        public FieldCache<(string Weapon, TaxonomyPath? Means)> Weapon { get; } = new(s => (s, weapons.InferMeans(s)));

        public FieldCache<(ImmutableArray<TaxonomyPath> Paths, List<string> Errors)> Targets { get; } = new(ParseTargets);
    }

    internal sealed record Columns(
        int Source, int SourceRecordId, int ReportedAt, int StartTime, int EndTime, int Perpetrator, int Domain, int Means, int Weapon,
        int Launched, int Intercepted, int Hits, int Country, int Admin1, int Place, int Lat, int Lon, int Target, int Killed, int Injured,
        int Description)
    {
        public List<string> Missing { get; } = [];

        public static Columns From(IReadOnlyList<string> names)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                index.TryAdd(names[i].TrimStart('\uFEFF').Trim(), i);
            }

            int At(string name) => index.TryGetValue(name, out var i) ? i : -1;
            var columns = new Columns(
                At("source"), At("source_record_id"), At("reported_at"), At("start_time"), At("end_time"), At("perpetrator"), At("domain"),
                At("means"), At("weapon"), At("launched"), At("intercepted"), At("hits"), At("country"), At("admin1"), At("place"), At("lat"),
                At("lon"), At("target"), At("killed"), At("injured"), At("description"));
            foreach (var required in CanonicalColumns.Required)
            {
                if (At(required) < 0)
                {
                    columns.Missing.Add(required);
                }
            }

            return columns;
        }
    }
}
