using TruceWatch.Core.Parties;

namespace TruceWatch.Core.Agreements;

/// <summary>Where an agreement stands.</summary>
public enum AgreementStatus
{
    Proposed,
    InForce,
    Lapsed,
    Collapsed,
}

/// <summary>What one side's breach does to the other's duties.</summary>
public enum Reciprocity
{
    Mutual,
    Unilateral,

    /// <summary>Mutual until one side's violations pass <see cref="Agreement.SuspendAfter"/>; from then the other side's duties are suspended.</summary>
    Conditional,
}

/// <summary>
/// The threshold of conditional reciprocity: <see cref="Violations"/> violations by one party within <see cref="Within"/> suspend the
/// other parties' duties from the moment the last of them happened.
/// </summary>
public sealed record SuspensionRule(int Violations, Reports.IsoDuration Within, string WithinText);

/// <summary>Truce terms as data: one version of one agreement.</summary>
public sealed record Agreement
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public AgreementStatus Status { get; init; }

    public required IReadOnlyList<PartyCode> Parties { get; init; }

    /// <summary>When the terms apply: any one of these windows; none for terms that always apply.</summary>
    public IReadOnlyList<AgreementWindow> Windows { get; init; } = [];

    public required IReadOnlyList<Clause> Clauses { get; init; }

    public IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>The areas the terms draw (terms key <c>corridors</c>), which <c>where</c> conditions refer to by name.</summary>
    public IReadOnlyList<Geography.Corridor> Corridors { get; init; } = [];

    public Reciprocity Reciprocity { get; init; } = Reciprocity.Mutual;

    /// <summary>For <see cref="Reciprocity.Conditional"/>: when one side's violations suspend the other's duties.</summary>
    public SuspensionRule? SuspendAfter { get; init; }

    /// <summary>Later versions: each changes clauses from a moment on (<see cref="At"/> gives the version in force then).</summary>
    public IReadOnlyList<Amendment> Amendments { get; init; } = [];

    /// <summary>The terms in force at <paramref name="moment"/>: these, with every amendment in force by then applied in order.</summary>
    public Agreement At(DateTimeOffset moment)
    {
        var terms = this;
        foreach (var amendment in Amendments)
        {
            if (amendment.From <= moment)
            {
                terms = amendment.Apply(terms);
            }
        }

        return terms;
    }

    /// <summary>The terms as of version <paramref name="version"/> (the base version or an amendment's); <c>null</c> when there is none.</summary>
    public Agreement? AsOfVersion(int version)
    {
        if (version == Version)
        {
            return this with { Amendments = [] };
        }

        var terms = this;
        foreach (var amendment in Amendments)
        {
            terms = amendment.Apply(terms);
            if (amendment.Version == version)
            {
                return terms with { Amendments = [] };
            }
        }

        return null;
    }

    /// <summary>Named readings of disputed terms (each party's, a mediator's), applied over these terms by <see cref="Under"/>.</summary>
    public IReadOnlyList<Interpretation> Interpretations { get; init; } = [];

    /// <summary>These terms as read under the interpretation named <paramref name="name"/>; <c>null</c> when there is none by that name.</summary>
    public Agreement? Under(string name) =>
        Interpretations.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal)) is { } reading ? reading.Apply(this) : null;
}

/// <summary>
/// A later version of the terms, in force from <see cref="From"/>: clauses added, replaced (same id) or removed. The amended terms carry
/// the amendment's version number, so every assessment says which version it used.
/// </summary>
public sealed record Amendment(int Version, DateTimeOffset From, string? Note, IReadOnlyList<Clause> Add, IReadOnlyList<Clause> Replace, IReadOnlyList<string> Remove)
{
    public Agreement Apply(Agreement terms)
    {
        var clauses = terms.Clauses.Where(c => !Remove.Contains(c.Id, StringComparer.Ordinal))
            .Select(c => Replace.FirstOrDefault(r => r.Id == c.Id) ?? c)
            .Concat(Add)
            .ToList();
        return terms with { Version = Version, Clauses = clauses };
    }
}

/// <summary>
/// One reading of disputed terms, as an overlay on the agreed text: its own window(s) (a disputed start date), the stage that counts for
/// every clause (intercepted drones counted or not), and whether occupied territory is in or out. What it does not name stays as written.
/// </summary>
public sealed record Interpretation(string Name, string? Note, IReadOnlyList<AgreementWindow>? Windows, StrikeStage? Counts, OccupiedRule? Occupied)
{
    /// <summary>The terms read this way; the reading covers the clauses later amendments add or replace as well as the first ones.</summary>
    public Agreement Apply(Agreement terms) => terms with
    {
        Windows = Windows ?? terms.Windows,
        Clauses = Read(terms.Clauses),
        Amendments = [.. terms.Amendments.Select(a => a with { Add = Read(a.Add), Replace = Read(a.Replace) })],
        Interpretations = [],
    };

    private Clause[] Read(IReadOnlyList<Clause> clauses) => [.. clauses.Select(c => c with
    {
        Counts = Counts ?? c.Counts,
        Prohibits = Occupied is not { } occupied ? c.Prohibits : c.Prohibits with
        {
            Where = c.Prohibits.Where is { } where ? where with { Occupied = occupied } : new PlaceRule(null, null, null, occupied),
        },
    })];
}

/// <summary>
/// A time window: start inclusive, end exclusive; no start or no end means open on that side. <see cref="Zone"/> is the time zone its
/// local times were written in (kept for display), <see cref="Name"/> an optional label ("Easter truce").
/// </summary>
public sealed record AgreementWindow(DateTimeOffset? Start, DateTimeOffset? End, string? Zone = null, string? Name = null)
{
    public override string ToString()
    {
        var zone = Zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(Zone);
        string Show(DateTimeOffset t) => Reports.IsoTime.Format(zone is null ? t : TimeZoneInfo.ConvertTime(t, zone));
        var span = $"[{(Start is { } s ? Show(s) : "open")}, {(End is { } e ? Show(e) : "open")})";
        return (Name is null ? "" : Name + " ") + span + (Zone is null ? "" : " " + Zone);
    }
}

/// <summary>One prohibition: who it binds, what it prohibits and what it excepts.</summary>
public sealed record Clause(string Id, Binds Binds, Criteria Prohibits, IReadOnlyList<Criteria> Except)
{
    /// <summary>Which stage of a strike counts (terms key <c>counts</c>): its launch (the default), a hit, or a hit with reported effect.</summary>
    public StrikeStage Counts { get; init; } = StrikeStage.Launched;

    /// <summary>
    /// When this clause applies, within the agreement's own windows (terms key <c>window</c> on the clause): any one of these; none for
    /// the whole agreement. A 30-hour holiday truce on all hostilities inside a longer arrangement on energy is one such clause.
    /// </summary>
    public IReadOnlyList<AgreementWindow> Windows { get; init; } = [];
}

/// <summary>The stage from which a strike counts against a clause: "an intercepted drone aimed at a refinery" counts under launched, not under hit.</summary>
public enum StrikeStage
{
    Launched,
    Hit,
    Effect,
}

/// <summary>Which parties a clause binds: all parties to the agreement, or the ones named.</summary>
public sealed record Binds(IReadOnlyList<PartyCode>? Parties)
{
    public static readonly Binds All = new((IReadOnlyList<PartyCode>?)null);

    public bool IsAll => Parties is null;

    public override string ToString() => Parties is null ? "all" : $"[{string.Join(", ", Parties)}]";
}

/// <summary>
/// A positive duty: a prisoner exchange (all-for-all, or N-for-N tracked by the <see cref="Ref"/> of its exchanges, due
/// <see cref="By"/>), a notification duty, or holding the cease-fire line (no net change of occupied territory beyond
/// <see cref="ToleranceKm2"/>). Its status (met / pending / missed) comes from <c>Obligations.ObligationJudge</c>.
/// </summary>
public sealed record Obligation(string Id, string Kind, string? Terms)
{
    public const string PrisonerExchange = "prisoner-exchange";
    public const string Notify = "notify";
    public const string CeaseFireLine = "cease-fire-line";

    /// <summary>For N-for-N exchanges: N.</summary>
    public int? Count { get; init; }

    /// <summary>The reference that links the exchanges carried out under it (e.g. <c>istanbul-1000</c>).</summary>
    public string? Ref { get; init; }

    /// <summary>When it is due; after this an obligation not met is missed.</summary>
    public DateTimeOffset? By { get; init; }

    /// <summary>For the cease-fire line: how much net change of occupied area (km²) is within the map's precision.</summary>
    public double ToleranceKm2 { get; init; } = 10;

    /// <summary>For notification duties: the ISO 8601 period within which incidents must be reported.</summary>
    public string? Within { get; init; }
}
