using System.Text;
using System.Text.RegularExpressions;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Cleans a post's text before it is read: Telegram markdown, links and emoji go; dashes, quotes and spaces are made one kind each; a word split
/// over a line break by a hyphen is joined; and Latin letters inside Cyrillic words (OCR mistakes such as <c>ЗНИЩEНО</c> with a Latin E) become
/// the Cyrillic letters they look like. Line breaks are kept: the Air Force's lists are one item a line.
/// </summary>
public static partial class StatementText
{
    public static string Clean(string text)
    {
        var s = MarkdownLink().Replace(text, "$1");
        s = Url().Replace(s, " ");
        var sb = new StringBuilder(s.Length);
        Span<char> pair = stackalloc char[2];
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '*' or '_' or '\r' or 0xFE0F or 0x200B or 0x200D)
            {
                continue;
            }

            if (c is '▫' or '▪' or '•' or '◽' or '◾' or 0x1F539 or 0x1F538)
            {
                sb.Append('\n');
            }
            else if (c is '–' or '—' or '‑' or '−' or '‒')
            {
                sb.Append('-');
            }
            else if (c is '«' or '»' or '“' or '”' or '„' or '″')
            {
                sb.Append('"');
            }
            else if (c is '’' or 'ʼ' or '`' or '‘')
            {
                sb.Append('\'');
            }
            else if (c is '\t' or 0xA0 or 0x202F)
            {
                sb.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.Surrogate)
            {
                sb.Append(' ');
            }
            else if (rune.IsBmp)
            {
                sb.Append((char)c);
            }
            else
            {
                sb.Append(pair[..rune.EncodeToUtf16(pair)]);
            }
        }

        s = BrokenHyphen().Replace(sb.ToString(), "$1-$2");
        s = Spaces().Replace(s, " ");
        s = SpaceAroundNewline().Replace(s, "\n");
        return FoldLookalikes(s).Trim();
    }

    /// <summary>Inside a word that has Cyrillic letters, Latin letters that look Cyrillic become Cyrillic (<c>ЗНИЩEНО</c> → <c>ЗНИЩЕНО</c>); all-Latin words stay.</summary>
    public static string FoldLookalikes(string text)
    {
        var chars = text.ToCharArray();
        var start = 0;
        for (var i = 0; i <= chars.Length; i++)
        {
            if (i < chars.Length && char.IsLetterOrDigit(chars[i]))
            {
                continue;
            }

            if (i > start && HasCyrillic(chars.AsSpan(start, i - start)))
            {
                // A digit 3 is the letter З only in a word with no other digits ("3НИЩЕНО", not "Су-30" or "3М22").
                var digits = false;
                foreach (var c in chars.AsSpan(start, i - start))
                {
                    digits |= char.IsAsciiDigit(c) && c != '3';
                }

                for (var j = start; j < i; j++)
                {
                    chars[j] = chars[j] == '3' && digits ? '3' : ToCyrillic(chars[j]);
                }
            }

            start = i + 1;
        }

        return new string(chars);
    }

    private static bool HasCyrillic(ReadOnlySpan<char> word)
    {
        var cyrillic = 0;
        var latin = 0;
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return cyrillic > 0 && cyrillic >= latin;
    }

    private static char ToCyrillic(char c) => c switch
    {
        'A' => 'А', 'a' => 'а', 'B' => 'В', 'C' => 'С', 'c' => 'с', 'E' => 'Е', 'e' => 'е', 'H' => 'Н', 'I' => 'І', 'i' => 'і',
        'K' => 'К', 'k' => 'к', 'M' => 'М', 'O' => 'О', 'o' => 'о', 'P' => 'Р', 'p' => 'р', 'T' => 'Т', 'X' => 'Х', 'x' => 'х',
        'Y' => 'У', 'y' => 'у', '3' => 'З',
        _ => c,
    };

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?:https?://|www\.)\S+|t\.me/\S+|@mod_russia")]
    private static partial Regex Url();

    [GeneratedRegex(@"(\p{L})-[ ]*\n[ ]*(\p{L})")]
    private static partial Regex BrokenHyphen();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ ]*\n[ ]*")]
    private static partial Regex SpaceAroundNewline();
}
