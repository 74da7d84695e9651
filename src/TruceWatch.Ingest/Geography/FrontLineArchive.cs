using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// The occupied territory on one snapshot day and its front line (the part of its boundary that faces free Ukraine), in one
/// <see cref="LineIndex"/>: distances from the front line, and whether a point is covered by the occupied area.
/// </summary>
internal sealed record FrontLineSnapshot(DateOnly Day, LineIndex Front)
{
    /// <summary>The occupied territory.</summary>
    public Geometry Occupied => Front.Area!;
}

/// <summary>
/// Dated snapshots of occupied territory (<c>occupied_YYYYMMDD.geojson</c>, DeepStateMap), read on first use. The snapshot in force on a
/// day is the latest one on or before it; before the first there is none, and questions about that day are unknown.
/// </summary>
internal sealed class FrontLineArchive
{
    private readonly SortedList<DateOnly, string> _files;
    private readonly GeometryFactory _factory;
    private readonly Func<Geometry> _ukraine;
    private readonly Envelope _extent;
    private readonly int _prepareAfter;
    private readonly ConcurrentDictionary<DateOnly, Lazy<FrontLineSnapshot>> _loaded = new();

    /// <param name="directory">The folder of <c>occupied_YYYYMMDD.geojson</c> files.</param>
    /// <param name="factory">The km plane's geometry factory.</param>
    /// <param name="ukraine">Ukraine's territory, whose free part the front line faces.</param>
    /// <param name="extent">Where points are expected: each snapshot's grid covers it.</param>
    /// <param name="prepareAfter">Questions a snapshot answers by measurement before it starts its grid.</param>
    public FrontLineArchive(string? directory, GeometryFactory factory, Func<Geometry> ukraine, Envelope extent, int prepareAfter)
    {
        _factory = factory;
        _ukraine = ukraine;
        _extent = extent;
        _prepareAfter = prepareAfter;
        _files = [];
        if (directory is not null && Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "occupied_*.geojson"))
            {
                var stamp = Path.GetFileNameWithoutExtension(file)["occupied_".Length..];
                if (DateOnly.TryParseExact(stamp, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    _files[day] = file;
                }
            }
        }
    }

    /// <summary>The days snapshots exist for, in order.</summary>
    public IReadOnlyList<DateOnly> Days => [.. _files.Keys];

    /// <summary>The snapshots read so far.</summary>
    public IEnumerable<FrontLineSnapshot> Loaded => _loaded.Values.Where(l => l.IsValueCreated).Select(l => l.Value);

    /// <summary>The snapshot in force on <paramref name="day"/>, or <c>null</c> before the first.</summary>
    public FrontLineSnapshot? At(DateOnly day)
    {
        var keys = _files.Keys;
        int lo = 0, hi = keys.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid] <= day)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        // Looked up on every question the judge asks: no closure unless the snapshot is new.
        return _loaded.TryGetValue(keys[found], out var known) ? known.Value : _loaded.GetOrAdd(keys[found], d => new Lazy<FrontLineSnapshot>(() => Load(d))).Value;
    }

    private FrontLineSnapshot Load(DateOnly day)
    {
        using var stream = File.OpenRead(_files[day]);
        var areas = GeoJsonAreas.Read(stream, _files[day], _factory);
        var occupied = _factory.BuildGeometry(areas.Select(a => a.Geometry)).Union();

        // The front line is where occupied territory meets the rest of Ukraine: its boundary, less the stretches along the state border
        // and the coast, i.e. the boundary within a kilometre of free Ukrainian territory.
        var free = _ukraine().Difference(occupied);
        var front = occupied.Boundary.Intersection(free.Buffer(1.0));
        return new FrontLineSnapshot(day, new LineIndex(front, occupied, _extent, _factory, _prepareAfter));
    }
}
