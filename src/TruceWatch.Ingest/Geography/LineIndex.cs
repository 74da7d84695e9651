using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// A line on the km plane (a front line, the state border, a coast) and, optionally, the area it bounds, prepared for the two questions the
/// judge asks: how far is a point from the line (as the great-circle distance to the nearest point of the line on the plane), and is it
/// inside the area. Both are measured exactly by NetTopologySuite (a segment index, a prepared polygon). Once an index has answered
/// <c>prepareAfter</c> questions it also starts a <see cref="LineGrid"/>, and from then on answers from the grid's cells whenever a cell
/// settles the question for every point in it — always as the exact measurement would — and measures only the rest. The grid grows where
/// the questions fall, so no question waits for a grid over the whole map to be built.
/// </summary>
internal sealed class LineIndex
{
    /// <summary>Distances already measured, by point: real reports repeat the same settlement points night after night.</summary>
    private readonly ConcurrentDictionary<(double Lat, double Lon), double> _memo = new();

    private const int MemoLimit = 250_000;

    private int _memoCount;

    private readonly IndexedFacetDistance _distance;
    private readonly IndexedFacetDistance? _areaEdge;
    private readonly IPreparedGeometry? _area;
    private readonly GeometryFactory _factory;
    private readonly Lazy<LineGrid> _grid;
    private readonly int _prepareAfter;
    private int _questions;
    private long _measured;

    /// <param name="line">What distances are measured from.</param>
    /// <param name="area">The area whose inside <see cref="Covers"/> answers, or <c>null</c>.</param>
    /// <param name="extent">Where points are expected (the grid covers it; points outside are measured).</param>
    /// <param name="factory">The km plane's geometry factory.</param>
    /// <param name="prepareAfter">How many questions to answer by measurement before building the grid (0: build it on the first).</param>
    /// <param name="lineIsBoundary">Whether <paramref name="line"/> is the area's whole boundary (a coast), so one index serves both.</param>
    public LineIndex(Geometry line, Geometry? area, Envelope extent, GeometryFactory factory, int prepareAfter, bool lineIsBoundary = false)
    {
        Line = line;
        _factory = factory;
        _distance = new IndexedFacetDistance(line);
        if (area is not null)
        {
            _area = PreparedGeometryFactory.Prepare(area);
            _areaEdge = lineIsBoundary ? _distance : new IndexedFacetDistance(area.Boundary);
        }

        _prepareAfter = prepareAfter;
        _grid = new Lazy<LineGrid>(() => LineGrid.Create(extent, PlanarDistance, _areaEdge is null ? null : AreaEdgeDistance, _area is null ? null : CoversPlanar, lineIsBoundary));
    }

    /// <summary>The line distances are measured from.</summary>
    public Geometry Line { get; }

    /// <summary>The area, when one was given.</summary>
    public Geometry? Area => _area?.Geometry;

    /// <summary>Whether the grid is in use (for tests and benchmarks: the answers are the same either way).</summary>
    public bool IsPrepared => _grid.IsValueCreated;

    /// <summary>How many questions were answered by measuring (for tests: the grid settles most of the rest).</summary>
    public long Measured => Interlocked.Read(ref _measured);

    /// <summary>How many cells the grid holds so far (0 before it is started).</summary>
    public int GridCells => _grid.IsValueCreated ? _grid.Value.Cells : 0;

    /// <summary>Forgets the distances measured so far.</summary>
    public void Forget()
    {
        _memo.Clear();
        Interlocked.Exchange(ref _memoCount, 0);
    }

    /// <summary>Builds the whole grid now rather than where questions fall after the first <c>prepareAfter</c>.</summary>
    public void Prepare() => _grid.Value.Complete();

    /// <summary>The great-circle distance in km from the point to the nearest point of the line on the plane; measured, and remembered.</summary>
    public double DistanceKm(GeoPoint point)
    {
        var key = (point.Lat, point.Lon);
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var nearest = _distance.NearestPoints(KmPlane.ToPlane(point, _factory))[0];
        var (lat, lon) = KmPlane.FromPlane(nearest);
        var km = KmPlane.Haversine(point.Lat, point.Lon, lat, lon);

        // ConcurrentDictionary.Count takes every lock of the table; an approximate count of our own is enough to bound it.
        if (Interlocked.Increment(ref _memoCount) > MemoLimit)
        {
            _memo.Clear();
            Interlocked.Exchange(ref _memoCount, 0);
        }

        _memo[key] = km;
        return km;
    }

    /// <summary>
    /// Whether the point, known to within <paramref name="radiusKm"/>, lies farther than <paramref name="km"/> from the line: true when
    /// its distance less the radius exceeds <paramref name="km"/>, false when its distance plus the radius is at most <paramref name="km"/>,
    /// unknown between the two.
    /// </summary>
    public Tri Beyond(GeoPoint point, double km, double radiusKm)
    {
        if (Grid()?.Beyond(KmPlane.X(point.Lon), KmPlane.Y(point.Lat), km, radiusKm) is { } settled)
        {
            return settled;
        }

        Interlocked.Increment(ref _measured);
        var d = DistanceKm(point);
        return d - radiusKm > km ? Tri.True : d + radiusKm <= km ? Tri.False : Tri.Unknown;
    }

    /// <summary>Whether the area covers the point (its boundary included); false when there is no area.</summary>
    public bool Covers(GeoPoint point)
    {
        if (_area is null)
        {
            return false;
        }

        if (Grid()?.Covers(KmPlane.X(point.Lon), KmPlane.Y(point.Lat)) is { } settled)
        {
            return settled == Tri.True;
        }

        return _area.Covers(KmPlane.ToPlane(point, _factory));
    }

    /// <summary>
    /// Whether a point known to within <paramref name="radiusKm"/> lies inside the area bounded by the line: unknown when the line is within
    /// the radius (the point may be on either side).
    /// </summary>
    public Tri Inside(GeoPoint point, double radiusKm)
    {
        // One walk down the grid settles both parts for most points; the rest ask them one by one, as before.
        if (Grid()?.Inside(KmPlane.X(point.Lon), KmPlane.Y(point.Lat), radiusKm) is { } settled)
        {
            return settled;
        }

        return Beyond(point, radiusKm, 0) == Tri.False ? Tri.Unknown : Covers(point) ? Tri.True : Tri.False;
    }

    private LineGrid? Grid()
    {
        if (_grid.IsValueCreated)
        {
            return _grid.Value;
        }

        return Interlocked.Increment(ref _questions) > _prepareAfter ? _grid.Value : null;
    }

    private double PlanarDistance(Coordinate c) => _distance.Distance(_factory.CreatePoint(c));

    private double AreaEdgeDistance(Coordinate c) => _areaEdge!.Distance(_factory.CreatePoint(c));

    private bool CoversPlanar(Coordinate c) => _area!.Covers(_factory.CreatePoint(c));
}
