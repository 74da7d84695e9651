using NetTopologySuite.Geometries;

namespace TruceWatch.Ingest.Geography;

/// <summary>Where a grid cell lies with respect to an area: wholly inside, wholly outside, or across its edge.</summary>
internal enum CellSide : byte
{
    Outside,
    Inside,
    Mixed,
}

/// <summary>
/// A quadtree of square cells over the km plane, built once for one line (and the area it bounds), in which every cell carries bounds
/// [lo, hi] on the distance <see cref="LineIndex.DistanceKm"/> would measure for any point in it, and whether the whole cell is inside or
/// outside the area. Cells are split until they are small for their distance from the line (2 km cells near it, about 8 % of the
/// distance farther out) and the area's edge no longer crosses them; a point is looked up by walking at most <see cref="MaxDepth"/> levels, no allocation.
/// </summary>
/// <remarks>
/// The bounds: the planar distance from the cell's centre to the line, dc, is measured; every point of the cell is within its half-diagonal
/// h of the centre, so its planar distance lies in [dc − h, dc + h]. The measured distance is the great-circle length of the segment to
/// the nearest point on the plane; over the latitudes that segment can span, the ratio of great-circle to planar length lies between the
/// plane's north–south and east–west scale errors at those latitudes (<see cref="KmPlane"/> is equirectangular), widened by a margin for
/// the earth's curvature. A cell settles a question only when the whole interval does; otherwise the point is measured.
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
    private readonly List<float> _low = [];
    private readonly List<float> _high = [];
    private readonly List<int> _child = [];
    private readonly List<CellSide> _side = [];
    private float[] _lowArray = [];
    private float[] _highArray = [];
    private int[] _childArray = [];
    private CellSide[] _sideArray = [];

    private LineGrid(double x0, double y0, double size)
    {
        (_x0, _y0, _size) = (x0, y0, size);
    }

    /// <summary>How many cells the tree holds (inner and leaf).</summary>
    public int Cells => _childArray.Length;

    /// <summary>Builds the tree over the square around <paramref name="extent"/> (km plane).</summary>
    /// <param name="extent">The region to cover.</param>
    /// <param name="lineDistance">The exact planar distance from a point to the line.</param>
    /// <param name="areaEdgeDistance">The exact planar distance to the area's edge, or <c>null</c> without an area.</param>
    /// <param name="covers">Whether the area covers a point, or <c>null</c> without an area.</param>
    public static LineGrid Build(Envelope extent, Func<Coordinate, double> lineDistance, Func<Coordinate, double>? areaEdgeDistance, Func<Coordinate, bool>? covers)
    {
        var size = Math.Max(extent.Width, extent.Height);
        var grid = new LineGrid(extent.MinX, extent.MinY, size);
        grid.Add();
        grid.Split(0, extent.MinX, extent.MinY, size, 0, lineDistance, areaEdgeDistance, covers);
        grid._lowArray = [.. grid._low];
        grid._highArray = [.. grid._high];
        grid._childArray = [.. grid._child];
        grid._sideArray = [.. grid._side];
        return grid;
    }

    /// <summary>The leaf cell holding the plane point, or −1 when it lies outside the grid.</summary>
    public int Find(double x, double y)
    {
        var size = _size;
        var x0 = _x0;
        var y0 = _y0;
        if (x < x0 || y < y0 || x >= x0 + size || y >= y0 + size)
        {
            return -1;
        }

        var children = _childArray;
        var cell = 0;
        while (children[cell] >= 0)
        {
            size *= 0.5;
            var right = x >= x0 + size ? 1 : 0;
            var up = y >= y0 + size ? 1 : 0;
            x0 += right * size;
            y0 += up * size;
            cell = children[cell] + right + (2 * up);
        }

        return cell;
    }

    public double Low(int cell) => _lowArray[cell];

    public double High(int cell) => _highArray[cell];

    public CellSide Side(int cell) => _sideArray[cell];

    private int Add()
    {
        _low.Add(0);
        _high.Add(float.PositiveInfinity);
        _child.Add(-1);
        _side.Add(CellSide.Mixed);
        return _child.Count - 1;
    }

    private void Split(int cell, double x0, double y0, double size, int depth, Func<Coordinate, double> lineDistance, Func<Coordinate, double>? areaEdgeDistance, Func<Coordinate, bool>? covers)
    {
        var centre = new Coordinate(x0 + (size / 2), y0 + (size / 2));
        var halfDiagonal = size * Math.Sqrt(2) / 2;
        var planar = lineDistance(centre);
        var (low, high) = Bounds(y0, y0 + size, planar, halfDiagonal);
        _low[cell] = RoundDown(low);
        _high[cell] = RoundUp(high);

        var side = CellSide.Outside;
        if (areaEdgeDistance is not null && covers is not null)
        {
            // The area is closed and its edge does not reach into the cell's disc, so every point of the cell is on the centre's side.
            side = areaEdgeDistance(centre) > halfDiagonal ? covers(centre) ? CellSide.Inside : CellSide.Outside : CellSide.Mixed;
        }

        _side[cell] = side;
        // Splitting narrows the part of the bounds that comes from the cell's size, not the part that comes from the plane's scale error:
        // split while the cell is large for its distance from the line (2 km cells near it, ~8 % of the distance farther out).
        var loose = 2 * halfDiagonal > Math.Max(3.0, 0.08 * planar);
        if (depth >= MaxDepth || (!loose && side != CellSide.Mixed))
        {
            return;
        }

        var first = Add();
        Add();
        Add();
        Add();
        _child[cell] = first;
        var half = size / 2;
        for (var i = 0; i < 4; i++)
        {
            Split(first + i, x0 + ((i & 1) * half), y0 + ((i >> 1) * half), half, depth + 1, lineDistance, areaEdgeDistance, covers);
        }
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
}
