using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;

namespace TruceWatch.Core.Tests.Support;

/// <summary>Reads an assessment trace by name, so a test states only the condition it is about.</summary>
public static class TraceAssertions
{
    public static ClauseTrace Clause(this Assessment assessment, string id) =>
        assessment.Trace.Clauses.SingleOrDefault(c => c.ClauseId == id).ShouldNotBeNull($"no clause '{id}' in the trace");

    public static ConditionTrace Condition(this ClauseTrace clause, string name) =>
        clause.Conditions.SingleOrDefault(c => c.Condition == name).ShouldNotBeNull($"no condition '{name}' in clause '{clause.ClauseId}'");

    public static ConditionTrace Condition(this ExceptionTrace exception, string name) =>
        exception.Conditions.SingleOrDefault(c => c.Condition == name).ShouldNotBeNull($"no condition '{name}' in exception {exception.Index}");

    /// <summary>The named conditions of a clause with their values, in trace order: <c>binds=true domain=true …</c>.</summary>
    public static string Values(this ClauseTrace clause) =>
        string.Join(" ", clause.Conditions.Select(c => $"{c.Condition}={c.Value.ToText()}"));

    public static string Values(this ExceptionTrace exception) =>
        string.Join(" ", exception.Conditions.Select(c => $"{c.Condition}={c.Value.ToText()}"));

    public static void ShouldRead(this ConditionTrace condition, Tri value, string fact, string? factValue)
    {
        condition.Value.ShouldBe(value, $"value of {condition.Condition}");
        condition.Fact.ShouldBe(fact);
        condition.FactValue.ShouldBe(factValue);
    }
}
