namespace TruceWatch.Storage.Quarantine;

/// <summary>A reviewer's decision on a quarantined row: its new status, who decided and why.</summary>
public sealed record QuarantineDecision(QuarantineStatus Status, string By, string Note)
{
    /// <summary>Every problem with the decision at once; empty when it can be recorded.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(By))
        {
            problems.Add("say who decides (by)");
        }

        if (Status != QuarantineStatus.Open && string.IsNullOrWhiteSpace(Note))
        {
            problems.Add($"a row is {Status.ToText()} for a reason: give a note");
        }

        if (By.Contains('\n', StringComparison.Ordinal))
        {
            problems.Add("by is one line");
        }

        return problems;
    }
}
