using NetTopologySuite.Geometries;
using TruceWatch.Core.Logic;

namespace TruceWatch.Ingest.Geography;

/// <summary>Where a grid cell lies with respect to an area: wholly inside, wholly outside, or across its edge.</summary>
internal enum CellSide : byte
{
    Outside,
    Inside,
    Mixed,
}

/// <summary>
/// A quadtree of square cells over the km plane for one line (and the area it bounds), in which every cell carries bounds [lo, hi] on the
/// distance <see cref="LineIndex.DistanceKm"/> would measure for any point in it, and whether the whole cell is inside or outside the area.
/// Cells are split until they are small for their distance from the line (2 km cells near it, about 8 % of the distance farther out) and
/// the area's edge no longer crosses them. The tree grows where questions fall: a question walks down from the root and stops at the first
/// cell that settles it, splitting a cell on the way only when neither it nor anything above it does, so a run pays only for the cells its
/// points need. Safe for concurrent questions: a cell's four children are made by whoever needs them first and published at once, never
/// changed after; a walk through cells already made takes no lock and allocates nothing.
/// </summary>
/// <remarks>
/// The bounds: the planar distance from the cell's centre to the line, dc, is measured; every point of the cell is within its half-diagonal
/// h of the centre, so its planar distance lies in [dc − h, dc + h]. The measured distance is the great-circle length of the segment to
/// the nearest point on the plane; over the latitudes that segment can span, the ratio of great-circle to planar length lies between the
/// plane's north–south and east–west scale errors at those latitudes (<see cref="KmPlane"/> is equirectangular), widened by a margin for
/// the earth's curvature. A cell settles a question only when the whole interval does; otherwise the walk goes on to the point's child,
/// and at a leaf the point is measured. Any cell on the way bounds every point in it, so the first that settles answers as the leaf would.
/// </remarks>
internal sealed class LineGrid
{
    /// <summary>The deepest level: a root of ~2,000 km gives cells of ~2 km.</summary>
    public const int MaxDepth = 10;

    private const double EarthKm = 6371.0088;
    private const double KmPerDegreeGreatCircle = EarthKm * Math.PI / 180;
    private const double KmPerDegreeLat = 110.574;
    private static readonly double KmPerDegreeLon = 111.320 * Math.Cos(48.5 * Math.PI / 180);

    private readonly double _x0;
    private readonly double _y0;
    private readonly double _size;
    private readonly Func<Coordinate, double> _lineDistance;
    private readonly Func<Coordinate, double>? _areaEdgeDistance;
    private readonly Func<Coordinate, bool>? _covers;
    private readonly bool _edgeIsLine;
    private readonly Cell _root;
    private int _cells = 1;

    private LineGrid(Envelope extent, Func<Coordinate, double> lineDistance, Func<Coordinate, double>? areaEdgeDistance, Func<Coordinate, bool>? covers, bool edgeIsLine)
    {
        (_x0, _y0, _size) = (extent.MinX, extent.MinY, Math.Max(extent.Width, extent.Height));
        (_lineDistance, _areaEdgeDistance, _covers, _edgeIsLine) = (lineDistance, areaEdgeDistance, covers, edgeIsLine);
        _root = Make(_x0, _y0, _size, 0);
    }

    /// <summary>How many cells the tree holds so far (inner and leaf).</summary>
    public int Cells => Volatile.Read(ref _cells);

    /// <summary>A grid over the square around <paramref name="extent"/> (km plane) holding only its root; cells are made as questions need them.</summary>
    /// <param name="extent">The region to cover.</param>
    /// <param name="lineDistance">The exact planar distance from a point to the line.</param>
    /// <param name="areaEdgeDistance">The exact planar distance to the area's edge, or <c>null</c> without an area.</param>
    /// <param name="covers">Whether the area covers a point, or <c>null</c> without an area.</param>
    /// <param name="edgeIsLine">Whether the area's edge is the line itself (a coast), so one distance serves both.</param>
    public static LineGrid Create(Envelope extent, Func<Coordinate, double> lineDistance, Func<Coordinate, double>? areaEdgeDistance, Func<Coordinate, bool>? covers, bool edgeIsLine = false) =>
        new(extent, lineDistance, areaEdgeDistance, covers, edgeIsLine);

    /// <summary>Makes every cell now, as far down as the splitting rule goes (for benchmarks and tests: the answers are the same either way).</summary>
    public void Complete() => Complete(_root, _x0, _y0, _size, 0);

    /// <summary>
    /// Whether the point at plane (x, y), known to within <paramref name="radiusKm"/>, lies farther than <paramref name="km"/> from the line,
    /// as <see cref="LineIndex.Beyond"/> defines it; <c>null</c> when no cell settles it (the point must be measured).
    /// </summary>
    public Tri? Beyond(double x, double y, double km, double radiusKm) => Walk(x, y, new BeyondQuestion(km, radiusKm));

    /// <summary>Whether the area covers the point: <c>null</c> when the point's cells all straddle the area's edge.</summary>
    public Tri? Covers(double x, double y) => Walk(x, y, default(SideQuestion));

    /// <summary>
    /// As <see cref="LineIndex.Inside"/>: unknown when the line is within <paramref name="radiusKm"/>, else whether the area covers the point;
    /// <c>null</c> when no cell settles both.
    /// </summary>
    public Tri? Inside(double x, double y, double radiusKm) => Walk(x, y, new InsideQuestion(radiusKm));

    private Tri? Walk<TQuestion>(double x, double y, TQuestion question)
        where TQuestion : struct, ICellQuestion
    {
        var size = _size;
        var x0 = _x0;
        var y0 = _y0;
        if (!(x >= x0 && y >= y0 && x < x0 + size && y < y0 + size))
        {
            return null;
        }

        var cell = _root;
        var depth = 0;
        while (true)
        {
            if (question.Settle(cell.Low, cell.High, cell.Side) is { } answer)
            {
                return answer;
            }

            if (cell.IsLeaf)
            {
                return null;
            }

            var children = Volatile.Read(ref cell.Children) ?? Split(cell, x0, y0, size, depth);
            size *= 0.5;
            var right = x >= x0 + size ? 1 : 0;
            var up = y >= y0 + size ? 1 : 0;
            x0 += right * size;
            y0 += up * size;
            cell = children[right + (2 * up)];
            depth++;
        }
    }

    private void Complete(Cell cell, double x0, double y0, double size, int depth)
    {
        if (cell.IsLeaf)
        {
            return;
        }

        var children = Volatile.Read(ref cell.Children) ?? Split(cell, x0, y0, size, depth);
        var half = size / 2;
        for (var i = 0; i < 4; i++)
        {
            Complete(children[i], x0 + ((i & 1) * half), y0 + ((i >> 1) * half), half, depth + 1);
        }
    }

    /// <summary>Makes the cell's four children and publishes them; if another thread published first, its children are kept and these dropped.</summary>
    private Cell[] Split(Cell cell, double x0, double y0, double size, int depth)
    {
        var half = size / 2;
        var children = new Cell[4];
        for (var i = 0; i < 4; i++)
        {
            children[i] = Make(x0 + ((i & 1) * half), y0 + ((i >> 1) * half), half, depth + 1);
        }

        if (Interlocked.CompareExchange(ref cell.Children, children, null) is { } first)
        {
            return first;
        }

        Interlocked.Add(ref _cells, 4);
        return children;
    }

    private Cell Make(double x0, double y0, double size, int depth)
    {
        var centre = new Coordinate(x0 + (size / 2), y0 + (size / 2));
        var halfDiagonal = size * Math.Sqrt(2) / 2;
        var planar = _lineDistance(centre);
        var (low, high) = Bounds(y0, y0 + size, planar, halfDiagonal);

        var side = CellSide.Outside;
        if (_covers is not null && (_edgeIsLine || _areaEdgeDistance is not null))
        {
            // The area is closed and its edge does not reach into the cell's disc, so every point of the cell is on the centre's side.
            var edge = _edgeIsLine ? planar : _areaEdgeDistance!(centre);
            side = edge > halfDiagonal ? _covers(centre) ? CellSide.Inside : CellSide.Outside : CellSide.Mixed;
        }

        // Splitting narrows the part of the bounds that comes from the cell's size, not the part that comes from the plane's scale error:
        // split while the cell is large for its distance from the line (2 km cells near it, ~8 % of the distance farther out).
        var loose = 2 * halfDiagonal > Math.Max(3.0, 0.08 * planar);
        var leaf = depth >= MaxDepth || (!loose && side != CellSide.Mixed);
        return new Cell(RoundDown(low), RoundUp(high), side, leaf);
    }

    /// <summary>Bounds on the great-circle distance for points whose planar distance is within <paramref name="h"/> of <paramref name="planar"/>.</summary>
    private static (double Low, double High) Bounds(double yLow, double yHigh, double planar, double h)
    {
        var reach = (planar + h) / KmPerDegreeLat;
        var latLow = Math.Clamp((yLow / KmPerDegreeLat) - reach, -89.9, 89.9);
        var latHigh = Math.Clamp((yHigh / KmPerDegreeLat) + reach, -89.9, 89.9);
        var cosLow = Math.Min(Math.Cos(latLow * Math.PI / 180), Math.Cos(latHigh * Math.PI / 180));
        var cosHigh = latLow <= 0 && latHigh >= 0 ? 1 : Math.Max(Math.Cos(latLow * Math.PI / 180), Math.Cos(latHigh * Math.PI / 180));
        var northSouth = KmPerDegreeGreatCircle / KmPerDegreeLat;
        var eastWestLow = KmPerDegreeGreatCircle * cosLow / KmPerDegreeLon;
        var eastWestHigh = KmPerDegreeGreatCircle * cosHigh / KmPerDegreeLon;

        // Beyond the flat approximation of each scale: curvature, growing with the square of the distance; generous on purpose, since a
        // loose bound costs only a measurement.
        var curvature = 0.002 + (2 * Math.Pow((planar + h) / EarthKm, 2));
        var low = Math.Min(northSouth, eastWestLow) * (1 - curvature) * Math.Max(0, planar - h);
        var high = Math.Max(northSouth, eastWestHigh) * (1 + curvature) * (planar + h);
        return (Math.Max(0, low - 1e-6), high + 1e-6);
    }

    private static float RoundDown(double value)
    {
        var f = (float)value;
        return f > value ? MathF.BitDecrement(f) : f;
    }

    private static float RoundUp(double value)
    {
        var f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }

    /// <summary>One cell: its bounds and side never change once made; its children are set once, from null, by <see cref="Split"/>.</summary>
    private sealed class Cell(float low, float high, CellSide side, bool isLeaf)
    {
        public readonly float Low = low;
        public readonly float High = high;
        public readonly CellSide Side = side;
        public readonly bool IsLeaf = isLeaf;
        public Cell[]? Children;
    }

    /// <summary>What a cell's bounds [lo, hi] and side settle for every point in it, or <c>null</c> when they do not.</summary>
    private interface ICellQuestion
    {
        Tri? Settle(double low, double high, CellSide side);
    }

    // lo ≤ d ≤ hi for the measured distance d of every point in the cell. Rounding is monotonic, so a comparison that holds at the bound
    // holds for every d beyond it, exactly as the measured comparison in LineIndex.Beyond would come out.
    private readonly record struct BeyondQuestion(double Km, double RadiusKm) : ICellQuestion
    {
        public Tri? Settle(double low, double high, CellSide side) =>
            low - RadiusKm > Km ? Tri.True
            : high + RadiusKm <= Km ? Tri.False
            : low + RadiusKm > Km && high - RadiusKm <= Km ? Tri.Unknown
            : null;
    }

    private readonly record struct SideQuestion : ICellQuestion
    {
        public Tri? Settle(double low, double high, CellSide side) => side switch
        {
            CellSide.Inside => Tri.True,
            CellSide.Outside => Tri.False,
            _ => null,
        };
    }

    // LineIndex.Inside: "beyond the radius from the line" false (d ≤ r) makes it unknown; otherwise it is the side.
    private readonly record struct InsideQuestion(double RadiusKm) : ICellQuestion
    {
        public Tri? Settle(double low, double high, CellSide side) =>
            high <= RadiusKm ? Tri.Unknown
            : low > RadiusKm && side != CellSide.Mixed ? side == CellSide.Inside ? Tri.True : Tri.False
            : null;
    }
}
