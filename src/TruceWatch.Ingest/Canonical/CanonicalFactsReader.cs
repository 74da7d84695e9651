using System.Globalization;
using System.Runtime.CompilerServices;
using nietras.SeparatedValues;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Ingest.Canonical;

/// <summary>Receives what <see cref="CanonicalFactsReader"/> reads: the facts of each good row, and each bad row as an import would quarantine it.</summary>
public interface IFactsSink
{
    void Add(in ReportFacts facts);

    void Reject(QuarantinedRow row);
}

/// <summary>
/// A judge-only reader of the canonical CSV: for each row it reads only the columns judgement and counting need, straight from Sep's
/// spans into a <see cref="ReportFacts"/>, with every repeated value (party, means, weapon, targets, region, place, date) looked up in a
/// per-file cache. It builds no <see cref="Report"/>, no record id, no payload and no description. It accepts and rejects exactly the
/// rows <see cref="CanonicalCsvFormat"/> does: a row the lean path cannot vouch for (any field it does not parse the common way) is handed
/// to the full parser, which accepts or quarantines it with its usual reasons.
/// </summary>
/// <param name="weapons">The catalog weapons and means are checked against.</param>
/// <param name="clock">The clock that says how late an event may be, as for <see cref="CanonicalCsvFormat"/>; the system clock when not given.</param>
public sealed class CanonicalFactsReader(WeaponCatalog weapons, TimeProvider? clock = null)
{
    /// <summary>Reads every row of <paramref name="reader"/> (a canonical CSV with its header) into <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read<TSink>(TextReader reader, TSink sink, CancellationToken cancellationToken = default)
        where TSink : IFactsSink
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        var columns = CanonicalCsvFormat.Columns.From(sep.Header.ColNames);
        if (columns.Missing.Count > 0)
        {
            sink.Reject(new QuarantinedRow(1,
                $"line 1: header lacks column(s) {string.Join(", ", columns.Missing)}; expected {CanonicalColumns.Header}",
                string.Join(',', sep.Header.ColNames)));
            return;
        }

        var width = sep.Header.ColNames.Count;
        var plausible = PlausibleTime.Now(clock ?? TimeProvider.System);
        var caches = new CanonicalCsvFormat.Caches(weapons, plausible);
        var lean = new LeanCaches(plausible);
        var errors = new List<string>(4);
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.ColCount == width && TryRead(row, columns, caches, lean, out var facts))
            {
                sink.Add(facts);
                continue;
            }

            // The rare row the lean path does not vouch for: the full parser decides, with the reasons an import would give.
            var line = row.LineNumberFrom;
            if (row.ColCount != width)
            {
                sink.Reject(Rejected(line, $"has {row.ColCount} field(s), the header has {width}", row.Span.ToString()));
                continue;
            }

            errors.Clear();
            var report = CanonicalCsvFormat.Parse(row, columns, errors, caches);
            if (report is null || errors.Count > 0)
            {
                sink.Reject(Rejected(line, string.Join("; ", errors), row.Span.ToString()));
            }
            else
            {
                sink.Add(ReportFacts.Of(report));
            }
        }
    }

    private static QuarantinedRow Rejected(long line, string reason, string payload) => Rejects.At(line, reason, payload).Row;

    /// <summary>The facts of a row the common way; false when any field needs the full parser (to be accepted differently or rejected).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryRead(SepReader.Row row, CanonicalCsvFormat.Columns c, CanonicalCsvFormat.Caches caches, LeanCaches lean, out ReportFacts facts)
    {
        facts = default;
        if (Field(row, c.Source).IsEmpty)
        {
            return false;
        }

        // Not used by judgement, but a bad one quarantines the row, so it is checked.
        var reportedAt = Field(row, c.ReportedAt);
        if (!reportedAt.IsEmpty && !lean.TryTime(reportedAt, out _, out _))
        {
            return false;
        }

        if (!TryTime(row, c, lean, out var time))
        {
            return false;
        }

        PartyCode? perpetrator = null;
        var perpetratorText = Field(row, c.Perpetrator);
        if (!perpetratorText.IsEmpty)
        {
            if (caches.Party.Get(perpetratorText) is not { } p)
            {
                return false;
            }

            perpetrator = p;
        }

        StrikeDomain? domain = null;
        var domainText = Field(row, c.Domain);
        if (!domainText.IsEmpty)
        {
            if (!StrikeDomains.TryParse(domainText, out var d))
            {
                return false;
            }

            domain = d;
        }

        var weaponText = Field(row, c.Weapon);
        var (weapon, weaponMeans) = weaponText.IsEmpty ? (null, null) : caches.Weapon.Get(weaponText);
        TaxonomyPath? means = null;
        var meansInferred = false;
        var meansText = Field(row, c.Means);
        if (!meansText.IsEmpty)
        {
            if (caches.Means.Get(meansText) is not { } m)
            {
                return false;
            }

            means = m;
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

        if (!Count(row, c.Launched, out var launched) || !Count(row, c.Intercepted, out var intercepted) || !Count(row, c.Hits, out var hits)
            || !Count(row, c.Killed, out var killed) || !Count(row, c.Injured, out var injured))
        {
            return false;
        }

        if (!TryPlace(row, c, caches, lean, out var place))
        {
            return false;
        }

        var targets = System.Collections.Immutable.ImmutableArray<TaxonomyPath>.Empty;
        var targetText = Field(row, c.Target);
        if (!targetText.IsEmpty)
        {
            var (paths, targetErrors) = caches.Targets.Get(targetText);
            if (targetErrors.Count > 0)
            {
                return false;
            }

            targets = paths;
        }

        facts = new ReportFacts
        {
            Perpetrator = perpetrator,
            Time = time,
            Domain = domain,
            Means = means,
            MeansInferred = meansInferred,
            Weapon = weapon,
            Counts = new StrikeCounts(launched, intercepted, hits),
            Place = place,
            Targets = targets,
            Harm = new Harm(killed, injured),
        };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryTime(SepReader.Row row, CanonicalCsvFormat.Columns c, LeanCaches lean, out ReportedTime time)
    {
        time = ReportedTime.Unknown;
        var startText = Field(row, c.StartTime);
        var endText = Field(row, c.EndTime);
        if (startText.IsEmpty)
        {
            return endText.IsEmpty;
        }

        if (endText.IsEmpty && startText.Length == 10)
        {
            // A date alone: its whole Kyiv day, worked out once per file.
            if (lean.Days.Get(startText) is not { } day)
            {
                return false;
            }

            time = day;
            return true;
        }

        if (!lean.TryTime(startText, out var start, out var startPrecision))
        {
            return false;
        }

        if (endText.IsEmpty)
        {
            time = new ReportedTime(start, null, startPrecision);
            return true;
        }

        if (!lean.TryTime(endText, out var end, out var endPrecision) || end < start)
        {
            return false;
        }

        time = new ReportedTime(start, end, (TimePrecision)Math.Min((int)startPrecision, (int)endPrecision));
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlace(SepReader.Row row, CanonicalCsvFormat.Columns c, CanonicalCsvFormat.Caches caches, LeanCaches lean, out Place place)
    {
        place = Place.Unknown;
        var country = Field(row, c.Country);
        if (!country.IsEmpty && (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1])))
        {
            return false;
        }

        GeoPoint? point = null;
        var latText = Field(row, c.Lat);
        var lonText = Field(row, c.Lon);
        if (!latText.IsEmpty || !lonText.IsEmpty)
        {
            if (latText.IsEmpty || lonText.IsEmpty
                || !Decimals.TryParse(latText, out var lat) || lat is < -90 or > 90
                || !Decimals.TryParse(lonText, out var lon) || lon is < -180 or > 180)
            {
                return false;
            }

            point = new GeoPoint(lat, lon);
        }

        var admin1 = Field(row, c.Admin1);
        var name = Field(row, c.Place);
        if (point is null && lean.TryPlace(country, admin1, name, out place))
        {
            return true;
        }

        var countryValue = country.IsEmpty ? null : caches.Country.Get(country);
        var admin1Value = admin1.IsEmpty ? null : caches.Text.Get(admin1);
        var nameValue = name.IsEmpty ? null : caches.Text.Get(name);
        place = Place.Of(countryValue, admin1Value, nameValue, point);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Count(SepReader.Row row, int index, out int? count)
    {
        count = null;
        var text = Field(row, index);
        if (text.IsEmpty)
        {
            return true;
        }

        // Up to nine digits cannot overflow: the common case, without the general parser. Whole numbers only; the full parser also
        // takes "12.0", and says why it rejects anything else.
        if (text.Length <= 9)
        {
            var value = 0;
            foreach (var c in text)
            {
                var digit = c - '0';
                if ((uint)digit > 9)
                {
                    return false;
                }

                value = (value * 10) + digit;
            }

            count = value;
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        count = parsed;
        return true;
    }

    private static ReadOnlySpan<char> Field(SepReader.Row row, int index) => index < 0 ? default : row[index].Span.Trim();

    /// <summary>Per-file caches the full reader does not keep: whole days, and places without a point.</summary>
    private sealed class LeanCaches
    {
        private const char Joint = '\u0001';
        private const int MaxPlaceText = 256;
        private readonly PlausibleTime _plausible;

        public LeanCaches(PlausibleTime plausible)
        {
            _plausible = plausible;
            Days = new(s => TryParse(s, out var value, out var precision) ? new ReportedTime(value, null, precision) : null);
            Dates = new(s => TryParse(s, out var value, out var precision) ? (true, value, precision) : (false, default, TimePrecision.Unknown));
        }

        public FieldCache<ReportedTime?> Days { get; }

        private FieldCache<(bool Ok, DateTimeOffset Value, TimePrecision Precision)> Dates { get; }

        // Country, region and place name joined by a control character: one lookup for the three columns, one Place per combination.
        private FieldCache<Place> Places { get; } = new(static s =>
        {
            var parts = s.Split(Joint);
            return Place.Of(parts[0].Length == 0 ? null : parts[0].ToUpperInvariant(), parts[1], parts[2], null);
        });

        /// <summary>A time as the full reader parses it (ISO 8601, within <see cref="PlausibleTime"/>); dates alone come from a cache.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryTime(ReadOnlySpan<char> text, out DateTimeOffset value, out TimePrecision precision)
        {
            if (text.Length == 10)
            {
                bool ok;
                (ok, value, precision) = Dates.Get(text);
                return ok;
            }

            return TryParse(text, out value, out precision);
        }

        /// <summary>The place of a row without a point, as <see cref="Place.Of"/> makes it; false when the names cannot be joined safely.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryPlace(ReadOnlySpan<char> country, ReadOnlySpan<char> admin1, ReadOnlySpan<char> name, out Place place)
        {
            place = Core.Reports.Place.Unknown;
            var length = country.Length + admin1.Length + name.Length + 2;
            if (length > MaxPlaceText || country.Contains(Joint) || admin1.Contains(Joint) || name.Contains(Joint))
            {
                return false;
            }

            Span<char> joined = stackalloc char[length];
            country.CopyTo(joined);
            joined[country.Length] = Joint;
            admin1.CopyTo(joined[(country.Length + 1)..]);
            joined[country.Length + 1 + admin1.Length] = Joint;
            name.CopyTo(joined[(country.Length + admin1.Length + 2)..]);
            place = Places.Get(joined);
            return true;
        }

        private bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value, out TimePrecision precision) =>
            IsoTime.TryParse(text, IsoTime.Kyiv, out value, out precision, out _) && _plausible.Contains(value);
    }
}
