using System.Collections.Frozen;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Counts written as words in Russian, Ukrainian and English, in any case form the statements use: <c>три</c>, <c>шести</c>, <c>двадцять</c>,
/// <c>сорок два</c>, <c>двадцать два</c>, <c>forty-two</c>. Numbers up to 999: hundreds, then tens, then units, each at most once.
/// </summary>
public static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Words = Build();

    /// <summary>Every word form this reader knows, longest first (for building patterns that must try the longer form first).</summary>
    public static IReadOnlyList<string> Forms { get; } = [.. Words.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];

    /// <summary>The value of one word (<c>шести</c> → 6), or null.</summary>
    public static int? Word(string word) => Words.TryGetValue(Key(word), out var v) ? v : null;

    /// <summary>The value of a count written in digits or words (<c>42</c>, <c>сорок два</c>, <c>twenty-one</c>); null when it is not one.</summary>
    public static int? Parse(string text)
    {
        var t = text.Trim();
        if (t.Length > 0 && t.Length <= 6 && t.All(char.IsAsciiDigit))
        {
            return int.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
        }

        var total = 0;
        var last = int.MaxValue;
        var any = false;
        foreach (var part in t.Split([' ', '-', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Word(part) is not { } v)
            {
                return null;
            }

            if (v == 100 && any && total < 10)
            {
                // "two hundred": a multiplier, not a second hundreds place.
                total *= 100;
                last = 100;
                continue;
            }

            var place = v >= 100 ? 100 : v >= 20 ? 10 : 1;
            if (place >= last || (place == 1 && last == 10 && total % 100 >= 10 && total % 100 < 20))
            {
                return null;
            }

            total += v;
            last = place;
            any = true;
        }

        return any ? total : null;
    }

    private static string Key(string word) => word.Trim().ToLowerInvariant().Replace('ё', 'е').Replace('’', '\'').Replace('ʼ', '\'');

    private static FrozenDictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int value, params string[] forms)
        {
            foreach (var f in forms)
            {
                map[Key(f)] = value;
            }
        }

        // Russian (every case form the MoD uses: "с применением шести БПЛА", "двух", "одним").
        Add(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "одном");
        Add(2, "два", "две", "двух", "двум", "двумя");
        Add(3, "три", "трех", "трем", "тремя");
        Add(4, "четыре", "четырех", "четырем", "четырьмя");
        Add(5, "пять", "пяти", "пятью");
        Add(6, "шесть", "шести", "шестью");
        Add(7, "семь", "семи", "семью");
        Add(8, "восемь", "восьми", "восемью");
        Add(9, "девять", "девяти", "девятью");
        Add(10, "десять", "десяти", "десятью");
        Add(11, "одиннадцать", "одиннадцати");
        Add(12, "двенадцать", "двенадцати");
        Add(13, "тринадцать", "тринадцати");
        Add(14, "четырнадцать", "четырнадцати");
        Add(15, "пятнадцать", "пятнадцати");
        Add(16, "шестнадцать", "шестнадцати");
        Add(17, "семнадцать", "семнадцати");
        Add(18, "восемнадцать", "восемнадцати");
        Add(19, "девятнадцать", "девятнадцати");
        Add(20, "двадцать", "двадцати");
        Add(30, "тридцать", "тридцати");
        Add(40, "сорок", "сорока");
        Add(50, "пятьдесят", "пятидесяти");
        Add(60, "шестьдесят", "шестидесяти");
        Add(70, "семьдесят", "семидесяти");
        Add(80, "восемьдесят", "восьмидесяти");
        Add(90, "девяносто", "девяноста");
        Add(100, "сто", "ста");
        Add(200, "двести", "двухсот");
        Add(300, "триста", "трехсот");
        Add(400, "четыреста", "четырехсот");
        Add(500, "пятьсот", "пятисот");

        // Ukrainian.
        Add(1, "одне", "одну", "одного", "одній", "одним", "одна");
        Add(2, "дві", "двох", "двом");
        Add(3, "трьох", "трьом");
        Add(4, "чотири", "чотирьох");
        Add(5, "п'ять", "п'яти");
        Add(6, "шість");
        Add(7, "сім");
        Add(8, "вісім");
        Add(9, "дев'ять", "дев'яти");
        Add(11, "одинадцять", "одинадцяти");
        Add(12, "дванадцять", "дванадцяти");
        Add(13, "тринадцять", "тринадцяти");
        Add(14, "чотирнадцять", "чотирнадцяти");
        Add(15, "п'ятнадцять", "п'ятнадцяти");
        Add(16, "шістнадцять", "шістнадцяти");
        Add(17, "сімнадцять", "сімнадцяти");
        Add(18, "вісімнадцять", "вісімнадцяти");
        Add(19, "дев'ятнадцять", "дев'ятнадцяти");
        Add(20, "двадцять", "двадцяти");
        Add(30, "тридцять", "тридцяти");
        Add(50, "п'ятдесят", "п'ятдесяти");
        Add(60, "шістдесят", "шістдесяти");
        Add(70, "сімдесят", "сімдесяти");
        Add(80, "вісімдесят", "вісімдесяти");
        Add(90, "дев'яносто");
        Add(200, "двісті");

        // English.
        Add(1, "one");
        Add(2, "two");
        Add(3, "three");
        Add(4, "four");
        Add(5, "five");
        Add(6, "six");
        Add(7, "seven");
        Add(8, "eight");
        Add(9, "nine");
        Add(10, "ten");
        Add(11, "eleven");
        Add(12, "twelve");
        Add(13, "thirteen");
        Add(14, "fourteen");
        Add(15, "fifteen");
        Add(16, "sixteen");
        Add(17, "seventeen");
        Add(18, "eighteen");
        Add(19, "nineteen");
        Add(20, "twenty");
        Add(30, "thirty");
        Add(40, "forty");
        Add(50, "fifty");
        Add(60, "sixty");
        Add(70, "seventy");
        Add(80, "eighty");
        Add(90, "ninety");
        Add(100, "hundred", "one hundred");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
