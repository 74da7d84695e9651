using TruceWatch.Core.Logic;

namespace TruceWatch.Core.Judgement;

/// <summary>One condition as evaluated: what it asked, what it found, which fact it read and that fact's value.</summary>
/// <param name="Condition">The condition's name in the terms language (<c>window</c>, <c>binds</c>, <c>domain</c>, <c>means</c>, <c>target</c>).</param>
/// <param name="Value">True, false or unknown.</param>
/// <param name="Expected">What the terms require, as written (e.g. <c>[energy, civilian]</c>).</param>
/// <param name="Fact">The incident fact it read (e.g. <c>target</c>).</param>
/// <param name="FactValue">The fact's value, or <c>null</c> when the reports did not give it.</param>
public sealed record ConditionTrace(string Condition, Tri Value, string Expected, string Fact, string? FactValue);

/// <summary>One <c>except</c> entry of a clause as evaluated: it applies when all its conditions hold.</summary>
public sealed record ExceptionTrace(int Index, Tri Value, IReadOnlyList<ConditionTrace> Conditions);

/// <summary>How one clause came out.</summary>
public enum ClauseOutcome
{
    /// <summary>Every condition held and no exception applied.</summary>
    Breached,

    /// <summary>A condition was false: the clause does not cover the incident.</summary>
    Cleared,

    /// <summary>The clause covers the incident (or may), but an exception applies.</summary>
    Excepted,

    /// <summary>No condition was false but at least one was unknown.</summary>
    Indeterminate,
}

/// <summary>One clause as evaluated, with every condition and exception.</summary>
public sealed record ClauseTrace(
    string ClauseId,
    ClauseOutcome Outcome,
    IReadOnlyList<ConditionTrace> Conditions,
    IReadOnlyList<ExceptionTrace> Exceptions);

/// <summary>Why an incident got its verdict: the window check, every clause, and for an indeterminate verdict the facts that would settle it.</summary>
public sealed record AssessmentTrace(
    ConditionTrace Window,
    IReadOnlyList<ClauseTrace> Clauses,
    IReadOnlyList<string> MissingFacts,
    string Reason);
