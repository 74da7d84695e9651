using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.MissileAttacks;

/// <summary>
/// <c>missile_attacks_daily.csv</c> of the "Massive Missile Attacks on Ukraine" data set (Kaggle, Petro Ivaniuk): one row per attack
/// window and weapon model, digitised from Ukrainian Air Force posts. Every row is a Russian air attack as Ukraine reported it; times are
/// Kyiv wall-clock; targets are areas, never target categories, so reports carry no targets.
/// </summary>
/// <remarks>
/// The data set has no record id. A row's id is <c>time_start|time_end|model|source</c>; the rare rows that share one (one post, one
/// model, several target regions) get <c>#2</c>, <c>#3</c> in file order, counted over every well-formed row, valid or not, so fixing a bad
/// row does not renumber its neighbours. A model the weapon catalog does not know keeps the row, with no means (count such reports as
/// <see cref="Report.Weapon"/> set and <see cref="Report.Means"/> null); its domain is still air, as for every row of this data set.
/// <see cref="Report.MeansInferred"/> is true whenever a means was found: the data set names models, never classes.
/// </remarks>
/// <param name="weapons">The catalog models are looked up in.</param>
/// <param name="oblasts">The gazetteer target places resolve through.</param>
/// <param name="clock">The clock that says how late an event may be (now plus two days); the system clock when not given.</param>
public sealed class MissileAttacksDailyFormat(WeaponCatalog weapons, OblastGazetteer oblasts, TimeProvider? clock = null) : IReportFormat
{
    /// <summary>The start of the header line this format recognises.</summary>
    public const string HeaderStart = "time_start,time_end,model,launch_place,target";

    private const string FacebookRoot = "https://www.facebook.com/";
    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd H:mm", "yyyy-MM-dd'T'H:mm"];

    private readonly TargetPlaces _places = new(oblasts, RaionGazetteer.Bundled);

    public string Name => "missile-attacks-daily";

    public string DefaultSource => "ua-airforce-daily";

    public bool Recognizes(string headerLine) => headerLine.TrimStart('\uFEFF').StartsWith(HeaderStart, StringComparison.Ordinal);

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        if (sep.Header.IsEmpty)
        {
            yield break;
        }

        var columns = MissileAttacksColumns.From(sep.Header.ColNames);
        if (columns.Missing.Count > 0)
        {
            yield return new ImportItem.Rejected(new QuarantinedRow(1,
                $"line 1: header lacks column(s) {string.Join(", ", columns.Missing)}; expected a header starting {HeaderStart}",
                string.Join(',', sep.Header.ColNames)));
            yield break;
        }

        var state = new ReadState(sep.Header.ColNames.Count, columns, PlausibleTime.Now(clock ?? TimeProvider.System));
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Span.IsWhiteSpace())
            {
                continue;
            }

            yield return ReadRow(row, state);
        }
    }

    private ImportItem ReadRow(SepReader.Row row, ReadState state)
    {
        var line = row.LineNumberFrom;
        var payload = row.Span.ToString();
        if (row.ColCount != state.Width)
        {
            return Rejects.At(line, $"has {row.ColCount} field(s), the header has {state.Width}", payload);
        }

        var c = state.Columns;
        var startText = Field(row, c.TimeStart);
        var endText = Field(row, c.TimeEnd);
        var model = Field(row, c.Model).ToString();
        var source = Field(row, c.Source).ToString();
        var id = RecordId(startText, endText, model, source, state.SeenIds);

        var errors = new List<string>(2);
        if (model.Length == 0)
        {
            errors.Add("model is empty");
        }

        var time = ParseTime(startText, endText, errors);
        if (time.Start is { } start && state.Plausible.Check(start, "time_start", errors) && time.End is { } end)
        {
            state.Plausible.Check(end, "time_end", errors);
        }

        var launched = Count(row, c.Launched, "launched", errors);
        var destroyed = Count(row, c.Destroyed, "destroyed", errors);
        if (errors.Count > 0)
        {
            return Rejects.At(line, string.Join("; ", errors), payload);
        }

        var means = weapons.InferMeans(model);
        var target = Field(row, c.Target).ToString();
        if (!state.Places.TryGetValue(target, out var place))
        {
            place = _places.Resolve(target);
            state.Places[target] = place;
        }

        var report = new Report
        {
            Key = new ReportKey(DefaultSource, id),
            ReportedAt = null,
            Time = time,
            Perpetrator = PartyCode.Russia,
            Domain = means is { } m ? MeansClasses.DefaultDomain(m) : StrikeDomain.Air,
            Means = means,
            MeansInferred = means is not null,
            Weapon = model,
            Counts = new StrikeCounts(launched, destroyed, null),
            Place = place,
            Targets = [],
            Description = Describe(row, c, source),
        };
        return new ImportItem.Accepted(new ReportRecord(report, payload, line));
    }

    private static string RecordId(ReadOnlySpan<char> start, ReadOnlySpan<char> end, string model, string source, Dictionary<string, int> seen)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{start}|{end}|{model}|{source}");
        var n = seen[id] = seen.GetValueOrDefault(id) + 1;
        return n == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}#{n}");
    }

    /// <summary>
    /// A date-only start counts from 00:00 and a date-only end to 23:59 of its day, so the window's bounds are exact whichever mix the row
    /// uses; the precision is Day when both are dates and Minute otherwise.
    /// </summary>
    private static ReportedTime ParseTime(ReadOnlySpan<char> startText, ReadOnlySpan<char> endText, List<string> errors)
    {
        if (startText.IsEmpty)
        {
            errors.Add("time_start is empty");
            return ReportedTime.Unknown;
        }

        var startOk = TryParseLocal(startText, "time_start", errors, out var start, out var startHasTime);
        DateTime end = default;
        var endHasTime = false;
        var endOk = !endText.IsEmpty && TryParseLocal(endText, "time_end", errors, out end, out endHasTime);
        if (!startOk || (!endText.IsEmpty && !endOk))
        {
            return ReportedTime.Unknown;
        }

        var startAt = IsoTime.InZone(start, IsoTime.Kyiv);
        if (endText.IsEmpty)
        {
            return new ReportedTime(startAt, null, startHasTime ? TimePrecision.Minute : TimePrecision.Day);
        }

        var precision = startHasTime || endHasTime ? TimePrecision.Minute : TimePrecision.Day;
        var endAt = IsoTime.InZone(endHasTime || precision == TimePrecision.Day ? end : end.AddMinutes((24 * 60) - 1), IsoTime.Kyiv);
        if (endAt < startAt)
        {
            errors.Add($"time_end '{endText}' is before time_start '{startText}'");
            return ReportedTime.Unknown;
        }

        return new ReportedTime(startAt, endAt, precision);
    }

    private static bool TryParseLocal(ReadOnlySpan<char> text, string name, List<string> errors, out DateTime local, out bool hasTime)
    {
        hasTime = text.Length > 10;
        var ok = hasTime
            ? DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            : DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        if (!ok)
        {
            errors.Add($"{name} '{text}' is not a date (YYYY-MM-DD[ HH:MM])");
        }

        return ok;
    }

    /// <summary>A count written as an integer or a whole float (<c>93.0</c>); empty and <c>NaN</c> are "not reported".</summary>
    private static int? Count(SepReader.Row row, int index, string name, List<string> errors)
    {
        var text = Field(row, index);
        if (text.IsEmpty || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{name} '{text}' is not a number");
        }
        else if (value < 0)
        {
            errors.Add($"{name} '{text}' is negative");
        }
        else if (Math.Floor(value) != value || value > int.MaxValue)
        {
            errors.Add($"{name} '{text}' is not a whole number");
        }
        else
        {
            return (int)value;
        }

        return null;
    }

    private static string Describe(SepReader.Row row, MissileAttacksColumns c, string source)
    {
        var text = new StringBuilder(160);
        Sentence(text, "Launched from ", Field(row, c.LaunchPlace), ".");
        Sentence(text, "Main target: ", Field(row, c.TargetMain), ".");
        Sentence(text, "Hits in ", Number(Field(row, c.HitLocations)), " location(s).");
        Sentence(text, "Debris fell in ", Number(Field(row, c.FragmentLocations)), " location(s).");
        Sentence(text, "Lost in flight or jammed: ", Number(Field(row, c.NotReachGoal)), ".");
        Sentence(text, "Still in the air when posted: ", Number(Field(row, c.StillAttacking)), ".");
        Sentence(text, "Post: ", PostUrl(source), "");
        return text.ToString();
    }

    private static void Sentence(StringBuilder text, string before, ReadOnlySpan<char> value, string after)
    {
        if (value.IsEmpty)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(before).Append(value).Append(after);
    }

    /// <summary>A count as a whole number when it is one (<c>10.0</c> → <c>10</c>); <c>NaN</c> → nothing; anything else verbatim.</summary>
    private static ReadOnlySpan<char> Number(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < int.MaxValue
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>The post a row came from: most sources are Facebook paths (<c>kpszsu/posts/…</c>); a few are full URLs or another site's path.</summary>
    internal static string PostUrl(string source)
    {
        if (source.Length == 0 || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return source;
        }

        var slash = source.IndexOf('/', StringComparison.Ordinal);
        var site = slash < 0 ? source : source[..slash];
        return site.EndsWith(".gov.ua", StringComparison.OrdinalIgnoreCase) ? "https://" + source : FacebookRoot + source;
    }

    private static ReadOnlySpan<char> Field(SepReader.Row row, int index) => index < 0 ? default : row[index].Span.Trim();

    private sealed class ReadState(int width, MissileAttacksColumns columns, PlausibleTime plausible)
    {
        public PlausibleTime Plausible { get; } = plausible;

        public int Width { get; } = width;

        public MissileAttacksColumns Columns { get; } = columns;

        public Dictionary<string, int> SeenIds { get; } = new(StringComparer.Ordinal);

        /// <summary>Places by target text: a file has a few hundred distinct targets and thousands of rows.</summary>
        public Dictionary<string, Place> Places { get; } = new(StringComparer.Ordinal);
    }
}
