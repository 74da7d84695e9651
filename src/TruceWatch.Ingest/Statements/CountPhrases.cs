using System.Text.RegularExpressions;

namespace TruceWatch.Ingest.Statements;

/// <summary>Finds counts in statement text: digits or number words (<c>22</c>, <c>двадцать два</c>, <c>по шесть</c>), with their place in the text.</summary>
internal static partial class CountPhrases
{
    private static readonly string Words = string.Join('|', NumberWords.Forms.Select(Regex.Escape));

    /// <summary>A count: digits, or one to three number words; "по" before it makes it a count for each region named after it.</summary>
    public static readonly Regex Count = new(
        @"(?<!\p{L})(?<each>по\s+|each\s+)?(?<n>\d{1,5}(?![\d.:])|(?:" + Words + @")(?:[\s-]+(?:" + Words + @")){0,2})(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>A count written just before a stop of a region list: ", пять перехвачены над", " и один БпЛА – над".</summary>
    public static readonly Regex ListStop = new(
        @"[.;:\n(]|\s-\s|\d|\b(?:над|over|в том числе|including|летевш\w*)\b|,\s*(?:" + Words + @")(?!\p{L})|\s(?:и|and)\s+(?:" + Words + @")(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The value of a <see cref="Count"/> match.</summary>
    public static int? Value(Match m) => NumberWords.Parse(m.Groups["n"].Value);
}
