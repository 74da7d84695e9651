using System.Collections.Frozen;

namespace TruceWatch.Ingest.Statements;

/// <summary>Month names in Russian, Ukrainian and English, nominative and genitive (<c>апреля</c>, <c>квітня</c>, <c>April</c>, <c>Apr</c>).</summary>
public static class Months
{
    private static readonly string[][] Names =
    [
        ["январь", "января", "січень", "січня", "january", "jan"],
        ["февраль", "февраля", "лютий", "лютого", "february", "feb"],
        ["март", "марта", "березень", "березня", "march", "mar"],
        ["апрель", "апреля", "квітень", "квітня", "april", "apr"],
        ["май", "мая", "травень", "травня", "may"],
        ["июнь", "июня", "червень", "червня", "june", "jun"],
        ["июль", "июля", "липень", "липня", "july", "jul"],
        ["август", "августа", "серпень", "серпня", "august", "aug"],
        ["сентябрь", "сентября", "вересень", "вересня", "september", "sep", "sept"],
        ["октябрь", "октября", "жовтень", "жовтня", "october", "oct"],
        ["ноябрь", "ноября", "листопад", "листопада", "november", "nov"],
        ["декабрь", "декабря", "грудень", "грудня", "december", "dec"],
    ];

    private static readonly FrozenDictionary<string, int> ByName =
        Names.SelectMany((forms, i) => forms.Select(f => (f, i + 1))).ToFrozenDictionary(p => p.f, p => p.Item2, StringComparer.Ordinal);

    /// <summary>The month (1–12) a name stands for, or null.</summary>
    public static int? Parse(string name) => ByName.TryGetValue(name.Trim().TrimEnd('.').ToLowerInvariant(), out var m) ? m : null;
}
