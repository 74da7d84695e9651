using System.Text;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Catalog;

/// <summary>One weapon model: its canonical name, its means class and every name sources use for it.</summary>
public sealed record WeaponEntry(string Name, TaxonomyPath Means, IReadOnlyList<string> Aliases);

/// <summary>
/// Maps weapon names as sources write them (<c>Shahed-136/131</c>, <c>Geran-2</c>, <c>Х-101</c>, <c>Kh-101/Kh-555 and Kalibr</c>) to
/// weapon models and means classes. Names are compared loosely: case, spaces, dashes and Cyrillic letters that look Latin are ignored.
/// A name listing several weapons resolves to the narrowest means class that covers them all.
/// </summary>
public sealed class WeaponCatalog
{
    private static readonly string[] Separators = [" and ", " та ", " і ", " и ", ", ", " + ", ";"];
    private readonly Dictionary<string, WeaponEntry> _byAlias = new(StringComparer.Ordinal);

    public WeaponCatalog(IEnumerable<WeaponEntry> entries)
    {
        var list = new List<WeaponEntry>();
        foreach (var entry in entries)
        {
            list.Add(entry);
            foreach (var alias in entry.Aliases.Append(entry.Name))
            {
                var key = Normalize(alias);
                if (_byAlias.TryGetValue(key, out var existing) && existing != entry)
                {
                    throw new InvalidOperationException($"Weapon alias '{alias}' names both {existing.Name} and {entry.Name}.");
                }

                _byAlias[key] = entry;
            }
        }

        Entries = list;
    }

    /// <summary>The catalog bundled with TruceWatch (<c>Catalog/weapons.csv</c>).</summary>
    public static WeaponCatalog Bundled { get; } = LoadBundled();

    public IReadOnlyList<WeaponEntry> Entries { get; }

    /// <summary>The model a single weapon name stands for, if the catalog knows it.</summary>
    public WeaponEntry? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _byAlias.GetValueOrDefault(Normalize(name));

    /// <summary>
    /// The means class a weapon text implies: the model's class, or for a list of weapons the narrowest class covering all of them.
    /// <c>null</c> when any part is unknown.
    /// </summary>
    public TaxonomyPath? InferMeans(string? weapon)
    {
        if (string.IsNullOrWhiteSpace(weapon))
        {
            return null;
        }

        if (Find(weapon) is { } whole)
        {
            return whole.Means;
        }

        var parts = weapon.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        TaxonomyPath? common = null;
        foreach (var part in parts)
        {
            if (Find(part) is not { } entry)
            {
                return null;
            }

            common = common is { } c ? CommonAncestor(c, entry.Means) : entry.Means;
            if (common is null)
            {
                return null;
            }
        }

        return common;
    }

    /// <summary>Loads a catalog from CSV text with the header <c>name,means,aliases</c> (aliases separated by <c>|</c>).</summary>
    public static WeaponCatalog Parse(string csv)
    {
        var entries = new List<WeaponEntry>();
        foreach (var (lineNumber, line) in ReferenceFile.DataLines(csv))
        {
            var fields = line.Split(',', 3);
            if (fields.Length < 2 || !TaxonomyPath.TryParse(fields[1], out var means) || !MeansClasses.Vocabulary.Contains(means))
            {
                throw new FormatException($"weapons.csv line {lineNumber}: expected name,means,aliases with a known means class: {line}");
            }

            var aliases = fields.Length > 2 ? fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            entries.Add(new WeaponEntry(fields[0].Trim(), means, aliases));
        }

        return new WeaponCatalog(entries);
    }

    /// <summary>A lower-case Cyrillic letter that looks Latin (as OCR and careless typing mix them: "Х-101", "КАВ") as that Latin letter.</summary>
    internal static char Folded(char c) => c switch
    {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'т' => 't',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        _ => c,
    };

    /// <summary>Whether a name's normal form drops the character (spaces, dashes, dots, underscores, quotes).</summary>
    internal static bool Dropped(char c) => c is ' ' or '-' or '‑' or '–' or '_' or '.' or '«' or '»' or '"' or '\'';

    /// <summary>Folds case, drops spaces, dashes, dots and underscores, and maps Cyrillic letters that look Latin to Latin.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var raw in name.Trim())
        {
            var c = char.ToLowerInvariant(raw);
            if (!Dropped(c))
            {
                sb.Append(Folded(c));
            }
        }

        return sb.ToString();
    }

    private static TaxonomyPath? CommonAncestor(TaxonomyPath a, TaxonomyPath b)
    {
        var x = a.Value.Split('.');
        var y = b.Value.Split('.');
        var n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n])
        {
            n++;
        }

        return n == 0 ? null : TaxonomyPath.Parse(string.Join('.', x.Take(n)));
    }

    private static WeaponCatalog LoadBundled() => Parse(ReferenceFile.Read("TruceWatch.Ingest.Catalog.weapons.csv"));
}
