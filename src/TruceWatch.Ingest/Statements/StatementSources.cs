using System.Text.RegularExpressions;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Names of the statement sources as the command line writes them (<c>ru-mod</c>, <c>ua-airforce</c>), and the guess of a text's source from its
/// language and wording when no one says (<c>auto</c>).
/// </summary>
public static partial class StatementSources
{
    public const string RussianMod = "ru-mod";
    public const string UkrainianAirForce = "ua-airforce";
    public const string Auto = "auto";

    /// <summary>The source <paramref name="name"/> names; null for <c>auto</c>; false for a name that is none of the three.</summary>
    public static bool TryParse(string name, out StatementSource? source)
    {
        source = name.Trim().ToLowerInvariant() switch
        {
            RussianMod => StatementSource.RussianMod,
            UkrainianAirForce => StatementSource.UkrainianAirForce,
            _ => null,
        };
        return source is not null || string.Equals(name.Trim(), Auto, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The command-line name of <paramref name="source"/>.</summary>
    public static string Name(StatementSource source) => source == StatementSource.RussianMod ? RussianMod : UkrainianAirForce;

    /// <summary>
    /// Whose statement <paramref name="text"/> most likely is. The Air Force's posts are a "ЗНИЩЕНО" / "DESTROYED:" list, or Ukrainian (letters
    /// і ї є ґ); the MoD's are Russian (ы э ъ) or speak of Ukrainian weapons and air defence. Counting the marks of each side decides; a tie
    /// goes to the MoD, whose posts are by far the more numerous.
    /// </summary>
    public static StatementSource Detect(ReadOnlySpan<char> text)
    {
        var ukrainian = 0;
        var russian = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case 'і' or 'І' or 'ї' or 'Ї' or 'є' or 'Є' or 'ґ' or 'Ґ':
                    ukrainian++;
                    break;
                case 'ы' or 'Ы' or 'э' or 'Э' or 'ъ' or 'Ъ':
                    russian++;
                    break;
            }
        }

        if (AirForceMark().IsMatch(text))
        {
            ukrainian += 10;
        }

        if (MinistryMark().IsMatch(text))
        {
            russian += 10;
        }

        return ukrainian > russian ? StatementSource.UkrainianAirForce : StatementSource.RussianMod;
    }

    [GeneratedRegex(@"ЗНИЩЕНО|\bDESTROYED\s*:|Повітряні\s+Сили|Air\s+Force\s+of\s+Ukraine|\bRussian\b|\bShahed", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AirForceMark();

    [GeneratedRegex(@"\bПВО\b|мск|\bMSK\b|\bUkrainian\b|Минобороны|air[\s-]defen[cs]e\s+(?:systems|means|forces)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinistryMark();
}
