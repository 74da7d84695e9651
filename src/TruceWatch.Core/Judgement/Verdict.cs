namespace TruceWatch.Core.Judgement;

/// <summary>What an agreement says about an incident.</summary>
public enum Verdict
{
    /// <summary>Every condition of a clause holds and no exception applies.</summary>
    Violation,

    /// <summary>In scope, but an exception applies (e.g. a military target).</summary>
    Permitted,

    /// <summary>No clause covers the incident.</summary>
    OutOfScope,

    /// <summary>The incident happened outside the agreement's window.</summary>
    OutsideWindow,

    /// <summary>A fact the terms depend on is unknown; the trace names it.</summary>
    Indeterminate,
}

/// <summary>Text forms of <see cref="Verdict"/> as used in files, the API and the CLI.</summary>
public static class Verdicts
{
    /// <summary>Every verdict, most pressing first: what a monitor reads first is what a list shows first.</summary>
    public static readonly IReadOnlyList<Verdict> All = [Verdict.Violation, Verdict.Indeterminate, Verdict.Permitted, Verdict.OutOfScope, Verdict.OutsideWindow];

    /// <summary>A verdict's place in <see cref="All"/> by its text; unknown text sorts last.</summary>
    public static int Rank(string verdictText)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].ToText() == verdictText)
            {
                return i;
            }
        }

        return All.Count;
    }

    public static string ToText(this Verdict verdict) => verdict switch
    {
        Verdict.Violation => "violation",
        Verdict.Permitted => "permitted",
        Verdict.OutOfScope => "out-of-scope",
        Verdict.OutsideWindow => "outside-window",
        Verdict.Indeterminate => "indeterminate",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
