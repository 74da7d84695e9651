using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Rule-based extraction of claims from the parties' daily statements: the Russian MoD's air-defence posts and the Ukrainian Air Force's
/// "destroyed" posts, in their own languages or in English. Pure: the same statement always gives the same claims.
/// </summary>
public sealed class StatementExtractor
{
    private readonly MinistryStatements _ministry;
    private readonly AirForceStatements _airForce;

    public StatementExtractor(WeaponCatalog weapons, OblastGazetteer oblasts)
    {
        var phrases = new WeaponPhrases(weapons);
        _ministry = new MinistryStatements(phrases, new RegionNames(oblasts), weapons);
        _airForce = new AirForceStatements(phrases, weapons);
    }

    /// <summary>The extractor with the bundled weapon catalog and gazetteer.</summary>
    public static StatementExtractor Default { get; } = new(WeaponCatalog.Bundled, OblastGazetteer.Bundled);

    /// <summary>What <paramref name="statement"/> claims; a post that is no strike or interception report comes back as <see cref="StatementKind.Other"/> with no claim.</summary>
    public ExtractedStatement Extract(Statement statement) => statement.Source switch
    {
        StatementSource.RussianMod => _ministry.Read(statement),
        _ => _airForce.Read(statement),
    };
}
