using TruceWatch.Ingest.Acled;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Cir;
using TruceWatch.Ingest.GeoJson;
using TruceWatch.Ingest.JsonLines;
using TruceWatch.Ingest.MissileAttacks;

namespace TruceWatch.Ingest.Formats;

/// <summary>The known input formats, and detection of a file's format from its first line.</summary>
public sealed class FormatRegistry
{
    private readonly IReportFormat[] _formats;

    public FormatRegistry(WeaponCatalog weapons, Gazetteer.OblastGazetteer oblasts)
    {
        _formats = [new CanonicalCsvFormat(weapons), new MissileAttacksDailyFormat(weapons, oblasts), new AcledFormat(weapons, oblasts), new CirEventsFormat(weapons, oblasts), new JsonLinesFormat(weapons), new GeoJsonFormat(weapons), new Statements.RussianModStatementsFormat(weapons, oblasts), new Statements.UkrainianAirForceStatementsFormat(weapons, oblasts)];
    }

    /// <summary>The registry with the bundled weapon catalog and gazetteer.</summary>
    public static FormatRegistry Default { get; } = new(WeaponCatalog.Bundled, Gazetteer.OblastGazetteer.Bundled);

    public IReadOnlyList<IReportFormat> All => _formats;

    public IReportFormat? ByName(string name) =>
        Array.Find(_formats, f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format whose header matches, or <c>null</c> when none does.</summary>
    public IReportFormat? Detect(string headerLine)
    {
        var header = headerLine.TrimStart('\uFEFF');
        return Array.Find(_formats, f => f.Recognizes(header));
    }
}
