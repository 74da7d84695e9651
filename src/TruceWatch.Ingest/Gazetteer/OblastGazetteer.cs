using System.Globalization;
using System.Text;
using TruceWatch.Core.Reports;

using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Gazetteer;

/// <summary>A first-level region: an oblast, Crimea, Kyiv or Sevastopol city, or a Russian federal subject the data names.</summary>
/// <param name="Code">ISO 3166-2 code (<c>UA-51</c>, <c>RU-KRS</c>).</param>
/// <param name="Country">ISO 3166-1 code of the country it belongs to; Crimea and Sevastopol are <c>UA</c>.</param>
/// <param name="NameEn">English name (<c>Odesa</c>, <c>Kyiv oblast</c>).</param>
/// <param name="NameUk">Ukrainian name (<c>Одеська область</c>).</param>
/// <param name="NameRu">Russian name (<c>Одесская область</c>).</param>
/// <param name="Centroid">A representative point inside the region (Natural Earth's label point).</param>
public sealed record Region(string Code, string Country, string NameEn, string NameUk, string NameRu, GeoPoint Centroid);

/// <summary>A city or other named place a report can name as its target, and the region it lies in.</summary>
public sealed record City(string Name, string NameUk, string NameRu, Region Region);

/// <summary>
/// Resolves region and city names as sources write them (<c>Odesa oblast</c>, <c>Odessa</c>, <c>Одеська область</c>, <c>Kharkov</c>)
/// to ISO 3166-2 regions. Names are compared loosely: case, spaces, dashes, dots and apostrophes are ignored, and a trailing qualifier
/// (<c>oblast</c>, <c>область</c>, <c>region</c>, <c>krai</c>…) is dropped. A bare name that is also a city-region's name means the city
/// (<c>Kyiv</c> is UA-30); with a qualifier it means the oblast (<c>Kyiv oblast</c> is UA-32).
/// </summary>
public sealed class OblastGazetteer
{
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "oblast", "obl", "oblasti", "region", "province", "krai", "kray", "область", "обл", "регіон", "регион", "край",
    };

    private readonly Dictionary<string, Region> _bare = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Region> _qualified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Region> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, City> _cities = new(StringComparer.Ordinal);

    private OblastGazetteer(IReadOnlyList<RegionRow> regions, IReadOnlyList<CityRow> cities)
    {
        // City-regions first: they own their bare names, so "Kyiv" is the city and only "Kyiv oblast" is the oblast.
        var cityKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in regions.Where(r => r.IsCity))
        {
            foreach (var alias in row.Aliases)
            {
                var key = Key(alias, out _);
                Claim(_bare, key, row.Region, alias);
                cityKeys.Add(key);
            }
        }

        foreach (var row in regions.Where(r => !r.IsCity))
        {
            foreach (var alias in row.Aliases)
            {
                var key = Key(alias, out _);
                Claim(_qualified, key, row.Region, alias);
                if (!cityKeys.Contains(key))
                {
                    Claim(_bare, key, row.Region, alias);
                }
            }
        }

        foreach (var row in regions)
        {
            _byCode[row.Region.Code] = row.Region;
        }

        foreach (var row in cities)
        {
            var region = _byCode.GetValueOrDefault(row.RegionCode)
                ?? throw new FormatException($"cities.csv: {row.Name} lies in unknown region {row.RegionCode}.");
            var city = new City(row.Name, row.NameUk, row.NameRu, region);
            foreach (var alias in row.Aliases)
            {
                var key = Key(alias, out _);
                if (_cities.TryGetValue(key, out var existing) && existing.Name != city.Name)
                {
                    throw new FormatException($"cities.csv: '{alias}' names both {existing.Name} and {city.Name}.");
                }

                _cities[key] = city;
            }
        }

        Regions = [.. regions.Select(r => r.Region)];
        Cities = [.. cities.Select(c => _cities[Key(c.Name, out _)])];
    }

    /// <summary>The gazetteer bundled with TruceWatch (<c>Gazetteer/oblasts.csv</c>, <c>Gazetteer/russia.csv</c> and <c>Gazetteer/cities.csv</c>).</summary>
    public static OblastGazetteer Bundled { get; } = LoadBundled();

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<City> Cities { get; }

    /// <summary>The region with ISO 3166-2 code <paramref name="code"/> (<c>UA-51</c>), if known.</summary>
    public Region? ByCode(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());

    /// <summary>The region a name stands for: <c>Odesa oblast</c>, <c>Odessa</c>, <c>Одеська область</c> → UA-51; <c>Kyiv</c> → UA-30 (the city).</summary>
    public Region? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = Key(name, out var qualified);
        if (key.Length == 0)
        {
            return null;
        }

        return qualified ? _qualified.GetValueOrDefault(key) ?? _bare.GetValueOrDefault(key) : _bare.GetValueOrDefault(key);
    }

    /// <summary>The city a name stands for (<c>Kryvyi Rih</c>, <c>Кривий Ріг</c>). A name with a region qualifier (<c>Kharkiv oblast</c>) is never a city.</summary>
    public City? ResolveCity(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = Key(name, out var qualified);
        return qualified || key.Length == 0 ? null : _cities.GetValueOrDefault(key);
    }

    /// <summary>
    /// Loads a gazetteer from the text of <c>oblasts.csv</c> (<c>code,country,kind,name_en,name_uk,name_ru,lat,lon,aliases</c>) and
    /// <c>cities.csv</c> (<c>name_en,region,name_uk,name_ru,aliases</c>); aliases are separated by <c>|</c>, lines starting with <c>#</c> are comments.
    /// </summary>
    public static OblastGazetteer Parse(string regionsCsv, string citiesCsv) => Parse([("oblasts.csv", regionsCsv)], citiesCsv);

    /// <summary>As <see cref="Parse(string, string)"/>, with the regions spread over several files of the same columns (named in errors).</summary>
    public static OblastGazetteer Parse(IReadOnlyList<(string Name, string Text)> regionFiles, string citiesCsv)
    {
        var regions = new List<RegionRow>();
        foreach (var (file, text) in regionFiles)
        {
            foreach (var (lineNumber, fields) in Rows(text, file, 9))
            {
                if (!double.TryParse(fields[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(fields[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                    || fields[2] is not ("city" or "oblast"))
                {
                    throw new FormatException($"{file} line {lineNumber}: bad kind or lat/lon.");
                }

                var region = new Region(fields[0], fields[1], fields[3], fields[4], fields[5], new GeoPoint(lat, lon));
                regions.Add(new RegionRow(region, fields[2] == "city", [fields[3], fields[4], fields[5], .. Aliases(fields[8])]));
            }
        }

        var cities = new List<CityRow>();
        foreach (var (_, fields) in Rows(citiesCsv, "cities.csv", 5))
        {
            cities.Add(new CityRow(fields[0], fields[2], fields[3], fields[1], [fields[0], fields[2], fields[3], .. Aliases(fields[4])]));
        }

        return new OblastGazetteer(regions, cities);
    }

    /// <summary>
    /// The comparison key of a name: lower case, letters and digits only, a trailing qualifier word dropped.
    /// <paramref name="qualified"/> says whether one was.
    /// </summary>
    internal static string Key(ReadOnlySpan<char> name, out bool qualified) => Key(name, Qualifiers, out qualified);

    /// <summary>The comparison key of a name, dropping a trailing word of <paramref name="qualifiers"/>.</summary>
    internal static string Key(ReadOnlySpan<char> name, HashSet<string> qualifiers, out bool qualified)
    {
        qualified = false;
        var words = new List<string>(3);
        var word = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        if (words.Count > 1 && qualifiers.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
            qualified = true;
        }

        return string.Concat(words);
    }

    private static void Claim(Dictionary<string, Region> map, string key, Region region, string alias)
    {
        if (map.TryGetValue(key, out var existing) && existing.Code != region.Code)
        {
            throw new FormatException($"gazetteer regions: '{alias}' names both {existing.Code} and {region.Code}.");
        }

        map[key] = region;
    }

    private static IEnumerable<string> Aliases(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<(int Line, string[] Fields)> Rows(string csv, string file, int width)
    {
        foreach (var (lineNumber, line) in ReferenceFile.DataLines(csv))
        {
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != width || fields[0].Length == 0 || fields[1].Length == 0)
            {
                throw new FormatException($"{file} line {lineNumber}: expected {width} fields: {line}");
            }

            yield return (lineNumber, fields);
        }
    }

    private static OblastGazetteer LoadBundled() =>
        Parse(
            [("oblasts.csv", ReferenceFile.Read("TruceWatch.Ingest.Gazetteer.oblasts.csv")), ("russia.csv", ReferenceFile.Read("TruceWatch.Ingest.Gazetteer.russia.csv"))],
            ReferenceFile.Read("TruceWatch.Ingest.Gazetteer.cities.csv"));

    private sealed record RegionRow(Region Region, bool IsCity, IReadOnlyList<string> Aliases);

    private sealed record CityRow(string Name, string NameUk, string NameRu, string RegionCode, IReadOnlyList<string> Aliases);
}
