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
}

/// <summary>Truce terms as data: one version of one agreement.</summary>
public sealed record Agreement
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public AgreementStatus Status { get; init; }

    public required IReadOnlyList<PartyCode> Parties { get; init; }

    /// <summary>When the terms apply; <c>null</c> for terms with no window (they always apply).</summary>
    public AgreementWindow? Window { get; init; }

    public required IReadOnlyList<Clause> Clauses { get; init; }

    public IReadOnlyList<Obligation> Obligations { get; init; } = [];

    public Reciprocity Reciprocity { get; init; } = Reciprocity.Mutual;
}

/// <summary>A time window: start inclusive, end exclusive; no end means open-ended.</summary>
public sealed record AgreementWindow(DateTimeOffset Start, DateTimeOffset? End);

/// <summary>One prohibition: who it binds, what it prohibits and what it excepts.</summary>
public sealed record Clause(string Id, Binds Binds, Criteria Prohibits, IReadOnlyList<Criteria> Except);

/// <summary>Which parties a clause binds: all parties to the agreement, or the ones named.</summary>
public sealed record Binds(IReadOnlyList<PartyCode>? Parties)
{
    public static readonly Binds All = new((IReadOnlyList<PartyCode>?)null);

    public bool IsAll => Parties is null;

    public override string ToString() => Parties is null ? "all" : $"[{string.Join(", ", Parties)}]";
}

/// <summary>A positive duty such as a prisoner exchange; judged by later analytics, carried here as terms.</summary>
public sealed record Obligation(string Id, string Kind, string? Terms);
