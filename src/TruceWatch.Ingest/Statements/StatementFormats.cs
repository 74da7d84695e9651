using System.Globalization;
using nietras.SeparatedValues;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// The Russian MoD's Telegram posts as scraped (<c>data/russia-mod-statements/mod_russia_clean.csv</c>: <c>date, datetime, drone_count, oblasts,
/// text_snippet</c>, datetime in UTC). A post has no id in the file: its id is its <c>datetime</c>, with <c>#2</c>, <c>#3</c> for posts of the same minute.
/// </summary>
public sealed class RussianModStatementsFormat(WeaponCatalog weapons, OblastGazetteer oblasts)
    : StatementsFormat(weapons, oblasts, StatementSource.RussianMod, "datetime", "text_snippet")
{
    public const string HeaderStart = "date,datetime,drone_count,oblasts,text_snippet";

    public override string Name => "ru-mod-statements";

    public override string DefaultSource => "ru-mod-telegram";

    public override bool Recognizes(string headerLine) => headerLine.TrimStart('\uFEFF').StartsWith(HeaderStart, StringComparison.Ordinal);

    private protected override string PostUrl(string id) => "https://t.me/mod_russia";
}

/// <summary>
/// The Ukrainian Air Force's "destroyed" posts as transcribed (<c>data/ua-airforce-statements/statements_uk.csv</c>: <c>telegram_msg_id, posted_at,
/// source_file, text_uk</c>, posted_at in UTC). The id is the Telegram message id.
/// </summary>
public sealed class UkrainianAirForceStatementsFormat(WeaponCatalog weapons, OblastGazetteer oblasts)
    : StatementsFormat(weapons, oblasts, StatementSource.UkrainianAirForce, "posted_at", "text_uk", "telegram_msg_id")
{
    public const string HeaderStart = "telegram_msg_id,posted_at,source_file,text_uk";

    public override string Name => "ua-airforce-statements";

    public override string DefaultSource => "ua-airforce-telegram";

    public override bool Recognizes(string headerLine) => headerLine.TrimStart('\uFEFF').StartsWith(HeaderStart, StringComparison.Ordinal);

    private protected override string PostUrl(string id) => "https://t.me/kpszsu/" + id;
}

/// <summary>
/// A CSV of statement posts, one a row: each post's claims become reports (one per weapon and region); a post that is no strike or interception
/// report is skipped (counted, not quarantined); a row that cannot be read is quarantined with the reason — the file's other rows are unaffected.
/// </summary>
public abstract class StatementsFormat : IReportFormat
{
    /// <summary>The reason a post that is no strike or interception report is skipped under.</summary>
    public const string NotAStrikeReport = "posts are not strike or interception reports";

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
    private readonly StatementExtractor _extractor;
    private readonly StatementReports _reports;
    private readonly StatementSource _source;
    private readonly string _timeColumn;
    private readonly string _textColumn;
    private readonly string? _idColumn;

    private protected StatementsFormat(WeaponCatalog weapons, OblastGazetteer oblasts, StatementSource source, string timeColumn, string textColumn, string? idColumn = null)
    {
        _extractor = new StatementExtractor(weapons, oblasts);
        _reports = new StatementReports(oblasts);
        _source = source;
        _timeColumn = timeColumn;
        _textColumn = textColumn;
        _idColumn = idColumn;
    }

    public abstract string Name { get; }

    public abstract string DefaultSource { get; }

    public abstract bool Recognizes(string headerLine);

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        using var sep = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Sep = new Sep(',') }).From(reader);
        if (sep.Header.IsEmpty)
        {
            yield break;
        }

        var names = sep.Header.ColNames;
        var time = IndexOf(names, _timeColumn);
        var text = IndexOf(names, _textColumn);
        var id = _idColumn is null ? time : IndexOf(names, _idColumn);
        if (time < 0 || text < 0 || id < 0)
        {
            yield return new ImportItem.Rejected(new QuarantinedRow(1,
                $"line 1: header lacks column(s) {string.Join(", ", new[] { _timeColumn, _textColumn, _idColumn }.OfType<string>().Where(c => IndexOf(names, c) < 0))}",
                string.Join(',', names)));
            yield break;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Span.IsWhiteSpace())
            {
                continue;
            }

            foreach (var item in ReadRow(row, time, text, id, seen))
            {
                yield return item;
            }
        }
    }

    private protected abstract string PostUrl(string id);

    private IEnumerable<ImportItem> ReadRow(SepReader.Row row, int time, int text, int id, Dictionary<string, int> seen)
    {
        var line = row.LineNumberFrom;
        var payload = row.Span.ToString();
        if (Math.Max(time, Math.Max(text, id)) >= row.ColCount)
        {
            return [Reject(line, $"has {row.ColCount} field(s); the post's time, id or text is missing", payload)];
        }

        var timeText = row[time].Span.Trim();
        if (!DateTime.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
        {
            return [Reject(line, $"{_timeColumn} '{timeText}' is not a time (YYYY-MM-DD HH:MM[:SS], UTC)", payload)];
        }

        var postId = row[id].Span.Trim().ToString();
        if (postId.Length == 0)
        {
            return [Reject(line, "the post has no id", payload)];
        }

        var n = seen[postId] = seen.GetValueOrDefault(postId) + 1;
        if (n > 1)
        {
            postId = string.Create(CultureInfo.InvariantCulture, $"{postId}#{n}");
        }

        var statement = new Statement(_source, row[text].Span.ToString(), new DateTimeOffset(utc, TimeSpan.Zero));
        var read = _extractor.Extract(statement);
        if (read.Kind != StatementKind.StrikeReport)
        {
            // Not bad input: most of a channel's posts are about something else. Counted in the import's summary, not sent to review.
            return [new ImportItem.Skipped(line, NotAStrikeReport)];
        }

        return _reports.From(read, statement, DefaultSource, postId, PostUrl(postId)).Select(r => (ImportItem)new ImportItem.Accepted(new ReportRecord(r, payload, line)));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static ImportItem.Rejected Reject(long line, string reason, string payload) => new(new QuarantinedRow(line, $"line {line}: {reason}", payload));
}
