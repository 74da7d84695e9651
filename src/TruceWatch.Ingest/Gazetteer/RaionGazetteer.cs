using System.Globalization;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Gazetteer;

/// <summary>A raion of Ukraine (the 2020 division): a second-level district inside an oblast.</summary>
/// <param name="Code">OCHA COD-AB P-code (<c>UA1206</c>).</param>
/// <param name="Oblast">The first-level region it lies in.</param>
/// <param name="NameEn">English (adjectival) name, as OCHA writes it (<c>Kryvorizkyi</c>).</param>
/// <param name="NameUk">Ukrainian name (<c>Криворізький</c>).</param>
/// <param name="NameRu">Russian name (<c>Криворожский</c>).</param>
/// <param name="Centroid">OCHA's centroid of the raion's area.</param>
/// <param name="Centre">The town it is named after and governed from (<c>Kryvyi Rih</c>), if it has one.</param>
public sealed record Raion(string Code, Region Oblast, string NameEn, string NameUk, string NameRu, GeoPoint Centroid, string? Centre);

/// <summary>
/// Resolves raion names as sources write them: the adjective in English, Ukrainian or Russian, with or without "raion" (<c>Kryvorizkyi</c>,
/// <c>Криворізький район</c>, <c>Криворожский район</c>), or the town it is named after followed by "raion" (<c>Kryvyi Rih Raion</c>,
/// <c>Dnipro district</c>). A town name alone is the town, never the raion. Names compare as in <see cref="OblastGazetteer"/>.
/// </summary>
public sealed class RaionGazetteer
{
    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "raion", "rayon", "raioni", "district", "район", "районі", "району", "р",
    };

    private readonly Dictionary<string, Raion> _adjectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Raion> _centres = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);

    private RaionGazetteer(IReadOnlyList<(Raion Raion, IReadOnlyList<string> Aliases)> rows)
    {
        foreach (var (raion, aliases) in rows)
        {
            foreach (var name in (string[])[raion.NameEn, raion.NameUk, raion.NameRu, .. aliases])
            {
                Claim(_adjectives, OblastGazetteer.Key(name, Qualifiers, out _), raion);
            }

            if (raion.Centre is { } centre)
            {
                Claim(_centres, OblastGazetteer.Key(centre, Qualifiers, out _), raion);
            }
        }

        Raions = [.. rows.Select(r => r.Raion)];
    }

    /// <summary>The raions bundled with TruceWatch (<c>Gazetteer/raions.csv</c>, built by <c>make-raions.py</c> from the real OCHA list).</summary>
    public static RaionGazetteer Bundled { get; } = Parse(ReferenceFile.Read("TruceWatch.Ingest.Gazetteer.raions.csv"), OblastGazetteer.Bundled);

    public IReadOnlyList<Raion> Raions { get; }

    /// <summary>The raion a name stands for, or <c>null</c>; with <paramref name="within"/>, only a raion of that oblast.</summary>
    public Raion? Resolve(string? name, Region? within = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = OblastGazetteer.Key(name, Qualifiers, out var qualified);
        var raion = _adjectives.GetValueOrDefault(key) ?? (qualified ? _centres.GetValueOrDefault(key) : null);
        return raion is not null && (within is null || raion.Oblast.Code == within.Code) ? raion : null;
    }

    /// <summary>Loads raions from the text of <c>raions.csv</c> (<c>code,oblast,name_en,name_uk,name_ru,lat,lon,centre,aliases</c>).</summary>
    public static RaionGazetteer Parse(string csv, OblastGazetteer oblasts)
    {
        var rows = new List<(Raion, IReadOnlyList<string>)>();
        foreach (var (lineNumber, line) in ReferenceFile.DataLines(csv))
        {
            var f = line.Split(',', StringSplitOptions.TrimEntries);
            if (f.Length != 9 || oblasts.ByCode(f[1]) is not { } oblast
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                throw new FormatException($"raions.csv line {lineNumber}: expected code, a known oblast, names, lat, lon, centre, aliases: {line}");
            }

            var aliases = f[8].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((new Raion(f[0], oblast, f[2], f[3], f[4], new GeoPoint(lat, lon), f[7].Length > 0 ? f[7] : null), aliases));
        }

        return new RaionGazetteer(rows);
    }

    /// <summary>Records <paramref name="key"/> for <paramref name="raion"/>; a key two raions share (the source's Russian names repeat one) resolves to neither.</summary>
    private void Claim(Dictionary<string, Raion> map, string key, Raion raion)
    {
        if (_ambiguous.Contains(key))
        {
            return;
        }

        if (map.TryGetValue(key, out var existing) && existing.Code != raion.Code)
        {
            map.Remove(key);
            _ambiguous.Add(key);
            return;
        }

        map[key] = raion;
    }
}
