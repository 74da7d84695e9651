using System.Globalization;
using System.Text;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Turns a statement's claims into canonical reports, one per claim, under the channel as source and <c>post|weapon|region</c> as record id.
/// A window whose start the post does not give (the Air Force's "as of 07:00") is taken to reach back 24 hours: a daily statement reports on
/// the day before it; the description says so.
/// </summary>
internal sealed class StatementReports(OblastGazetteer oblasts)
{
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    public IEnumerable<Report> From(ExtractedStatement read, Statement statement, string source, string postId, string postUrl)
    {
        var (time, note) = Time(read.Window, statement.PostedAt);
        foreach (var claim in read.Claims)
        {
            var where = claim.Region?.Key ?? "all";
            yield return new Report
            {
                Key = new ReportKey(source, $"{postId}|{claim.Weapon}|{where}"),
                ReportedAt = statement.PostedAt,
                Time = time,
                Perpetrator = claim.Perpetrator,
                Domain = claim.Means is { } m ? MeansClasses.DefaultDomain(m) : StrikeDomain.Air,
                Means = claim.Means,
                MeansInferred = claim.Means is not null,
                Weapon = claim.Weapon,
                Counts = new StrikeCounts(claim.Launched, claim.Intercepted, claim.Hit),
                Place = Place(claim, statement.Source),
                Targets = claim.Targets,
                Description = Describe(claim, note, postUrl),
            };
        }
    }

    private static (ReportedTime Time, string? Note) Time(StatementWindow w, DateTimeOffset posted)
    {
        if (w.IsDay && w.Start is { } day)
        {
            return (new ReportedTime(day, null, TimePrecision.Day, w.Zone), null);
        }

        return (w.Start, w.End) switch
        {
            ({ } s, { } e) when s == e => (new ReportedTime(s, null, TimePrecision.Minute), null),
            ({ } s, { } e) => (new ReportedTime(s, e, TimePrecision.Minute), null),
            ({ } s, null) => (new ReportedTime(s, null, TimePrecision.Minute), null),
            (null, { } e) => (new ReportedTime(e - Lookback, e, TimePrecision.Minute), "The post gives the end of its window only; the start is taken as 24 h before."),
            _ => (new ReportedTime(posted - Lookback, posted, TimePrecision.Minute), "The post gives no time; the window is taken as the 24 h before it was posted."),
        };
    }

    private Place Place(StatementClaim claim, StatementSource source)
    {
        if (claim.Region is { } region)
        {
            return Named(region);
        }

        if (claim.Regions.Length > 0)
        {
            var countries = claim.Regions.Select(r => r.Country).Distinct().ToList();
            var country = countries.Count == 1 ? countries[0] : null;
            return new Place(country, null, string.Join("; ", claim.Regions.Select(r => oblasts.ByCode(r.Key)?.NameEn ?? r.Key)), null,
                country is null ? PlacePrecision.Unknown : PlacePrecision.Country);
        }

        // The Air Force reports what was shot down over Ukraine; the MoD's totals span Russia, Crimea and the seas.
        return source == StatementSource.UkrainianAirForce ? Core.Reports.Place.Of("UA", null, null, null) : Core.Reports.Place.Unknown;
    }

    private Place Named(RegionName region) =>
        oblasts.ByCode(region.Key) is { } coded
            ? new Place(coded.Country, coded.Code, null, null, PlacePrecision.Admin1)
            : new Place(region.Country, null, region.Key, null, region.Country is null ? PlacePrecision.Unknown : PlacePrecision.Country);

    private static string Describe(StatementClaim claim, string? note, string postUrl)
    {
        var text = new StringBuilder(160);
        text.Append(CultureInfo.InvariantCulture, $"{claim.Weapon}:");
        if (claim.Launched is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $" {l} launched");
        }

        if (claim.Intercepted is { } i)
        {
            text.Append(CultureInfo.InvariantCulture, $" {i} intercepted");
        }

        if (claim.Regions.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" over {string.Join(", ", claim.Regions)} (no count per region)");
        }

        text.Append('.');
        if (note is not null)
        {
            text.Append(' ').Append(note);
        }

        text.Append(" Post: ").Append(postUrl);
        return text.ToString();
    }
}
