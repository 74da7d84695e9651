using System.Collections.Immutable;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Taxonomy;

namespace TruceWatch.Ingest.Statements;

/// <summary>Whose daily statement a text is: it decides the language, the clock and the party the claims accuse.</summary>
public enum StatementSource
{
    /// <summary>The Russian Ministry of Defence (t.me/mod_russia): Moscow time; it reports Ukrainian weapons.</summary>
    RussianMod,

    /// <summary>The Ukrainian Air Force (t.me/kpszsu): Kyiv time; it reports Russian weapons.</summary>
    UkrainianAirForce,
}

/// <summary>What a post is: a report of strikes or interceptions (which yields claims), or anything else (which yields none).</summary>
public enum StatementKind
{
    Other,
    StrikeReport,
}

/// <summary>One daily statement as published: its text, when it was posted and who posted it.</summary>
public sealed record Statement(StatementSource Source, string Text, DateTimeOffset PostedAt);

/// <summary>A region a statement names: its ISO 3166-2 code when the gazetteer has it, else the name in the nominative (<c>Орловская область</c>, <c>Черное море</c>).</summary>
public readonly record struct RegionName(string Key, string? Country)
{
    public bool IsCoded => Key.Length > 3 && Key[2] == '-' && char.IsAsciiLetterUpper(Key[0]);

    public override string ToString() => Key;
}

/// <summary>
/// The window a statement's claims fall in, in the statement's own clock. Either bound may be unknown: the Air Force gives an "as of" time only,
/// some posts give none. A point in time ("около 7.30 мск") has <see cref="Start"/> equal to <see cref="End"/>; a named day without a time
/// is that whole day (<see cref="IsDay"/>).
/// </summary>
public readonly record struct StatementWindow(DateTimeOffset? Start, DateTimeOffset? End, TimeZoneInfo Zone, bool IsDay = false)
{
    public bool IsKnown => Start.HasValue || End.HasValue;
}

/// <summary>
/// One claim of a statement: a weapon type over one region (or over the statement's whole area when <see cref="Region"/> is null), with counts per
/// stage. <see cref="Regions"/> lists regions named together without a count of their own ("over the Kursk, Belgorod and Rostov regions").
/// </summary>
public sealed record StatementClaim(
    PartyCode Perpetrator,
    string Weapon,
    TaxonomyPath? Means,
    RegionName? Region,
    int? Launched,
    int? Intercepted,
    int? Hit,
    ImmutableArray<RegionName> Regions,
    ImmutableArray<TaxonomyPath> Targets);

/// <summary>What the extractor read in one statement.</summary>
public sealed record ExtractedStatement(StatementKind Kind, StatementWindow Window, ImmutableArray<StatementClaim> Claims)
{
    public static ExtractedStatement Other(TimeZoneInfo zone) => new(StatementKind.Other, new StatementWindow(null, null, zone), []);
}
