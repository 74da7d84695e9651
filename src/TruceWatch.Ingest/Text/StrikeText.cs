using System.Collections.Immutable;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Ingest.Text;

/// <summary>
/// What a free-text account of a strike (ACLED's notes, a CIR event's title and description) says: the targets it names (power plant,
/// substation, refinery, port, residential building …) and the weapon. Phrases are matched whole-word, case-insensitively; a note that names nothing yields nothing, never a guess.
/// </summary>
internal static class StrikeText
{
    /// <summary>Phrases and the target they name, most specific first (a "thermal power plant" is not counted again as a "power plant").</summary>
    private static readonly (string Phrase, string Target)[] TargetPhrases =
    [
        ("thermal power plant", "energy.generation.thermal"), ("combined heat and power", "energy.generation.thermal"), ("CHP", "energy.generation.thermal"),
        ("TPP", "energy.generation.thermal"), ("hydroelectric", "energy.generation.hydro"), ("hydro power plant", "energy.generation.hydro"),
        ("HPP", "energy.generation.hydro"), ("nuclear power plant", "energy.generation.nuclear"), ("NPP", "energy.generation.nuclear"),
        ("solar power plant", "energy.generation.solar"), ("substation", "energy.grid.substation"), ("power line", "energy.grid.transmission"),
        ("transmission line", "energy.grid.transmission"), ("oil refinery", "energy.oil.refinery"), ("refinery", "energy.oil.refinery"),
        ("oil depot", "energy.oil.depot"), ("fuel depot", "energy.oil.depot"), ("oil terminal", "energy.oil.terminal"), ("pipeline", "energy.oil.pipeline"),
        ("gas storage", "energy.gas.storage"), ("compressor station", "energy.gas.compressor"), ("gas production", "energy.gas.production"),
        ("power plant", "energy"), ("energy infrastructure", "energy"), ("energy facility", "energy"), ("power station", "energy"),
        ("residential building", "civilian.residential"), ("apartment building", "civilian.residential"), ("apartment block", "civilian.residential"),
        ("private house", "civilian.residential"), ("residential area", "civilian.residential"), ("houses", "civilian.residential"),
        ("hospital", "civilian.medical"), ("clinic", "civilian.medical"), ("school", "civilian.education"), ("kindergarten", "civilian.education"),
        ("university", "civilian.education"), ("railway station", "civilian.transport.rail"), ("railway", "civilian.transport.rail"),
        ("train", "civilian.transport.rail"), ("port", "civilian.transport.port"), ("bridge", "civilian.transport.bridge"),
        ("water supply", "civilian.water"), ("airfield", "military.airbase"), ("air base", "military.airbase"), ("airbase", "military.airbase"),
        ("ammunition depot", "military.depot"), ("command post", "military.command"),
    ];

    private static readonly (string Phrase, string Means)[] MeansPhrases =
    [
        ("glide bomb", "bomb.guided"), ("guided aerial bomb", "bomb.guided"), ("KAB", "bomb.guided"), ("guided bomb", "bomb.guided"),
        ("ballistic missile", "missile.ballistic"), ("cruise missile", "missile.cruise"), ("MLRS", "artillery.rocket"), ("multiple rocket", "artillery.rocket"),
        ("Grad", "artillery.rocket"), ("Uragan", "artillery.rocket"), ("Smerch", "artillery.rocket"), ("Shahed", "drone.long-range"),
        ("Geran", "drone.long-range"), ("loitering munition", "drone.loitering"), ("Lancet", "drone.loitering"), ("FPV", "drone.fpv"),
        ("missile", "missile"), ("drone", "drone"), ("UAV", "drone"), ("mortar", "artillery.tube"), ("artillery", "artillery"),
    ];

    private static readonly PhraseMatcher Targeted = new([.. TargetPhrases.Select(p => p.Phrase)]);
    private static readonly TaxonomyPath[] TargetPaths = [.. TargetPhrases.Select(p => TaxonomyPath.Parse(p.Target))];
    private static readonly PhraseMatcher MeansNamed = new([.. MeansPhrases.Select(p => p.Phrase)]);
    private static readonly TaxonomyPath[] MeansPaths = [.. MeansPhrases.Select(p => TaxonomyPath.Parse(p.Means))];

    /// <summary>Each catalog's model names (Kh-101, Iskander-M, Shahed-136) in catalog order, matched in one pass; built once per catalog.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WeaponCatalog, ModelNames> Models = [];

    public static ImmutableArray<TaxonomyPath> Targets(string notes)
    {
        var matches = Targeted.Matches(notes);
        if (matches.Count == 0)
        {
            return [];
        }

        // Most specific phrase first, then in text order: a phrase inside a longer one already matched ("power plant" in "thermal power
        // plant") adds nothing.
        matches.Sort();
        var found = new List<(int At, TaxonomyPath Path)>();
        var taken = new List<(int Start, int End)>();
        foreach (var (phrase, at) in matches)
        {
            if (taken.Exists(t => at >= t.Start && at < t.End))
            {
                continue;
            }

            taken.Add((at, at + TargetPhrases[phrase].Phrase.Length));
            found.Add((at, TargetPaths[phrase]));
        }

        // In the order the notes name them, each once.
        return [.. found.OrderBy(f => f.At).Select(f => f.Path).Distinct()];
    }

    /// <summary>The weapon named in the notes (a catalog model such as Kh-101 or Iskander-M), and the means class it or a phrase gives.</summary>
    public static (string? Weapon, TaxonomyPath? Means) Means(string notes, WeaponCatalog weapons)
    {
        var first = MeansNamed.First(notes);
        TaxonomyPath? phrased = first >= 0 ? MeansPaths[first] : null;
        var models = Models.GetValue(weapons, static w => new ModelNames(w));
        var model = models.Matcher.First(notes);
        if (model < 0)
        {
            return (null, phrased);
        }

        // A phrase may be finer than a generic catalog entry ("KAB glide bombs": bomb → bomb.guided).
        var entry = models.Entries[model];
        var means = phrased is { } p && p.Value.StartsWith(entry.Means.Value + ".", StringComparison.Ordinal) ? p : entry.Means;
        return (entry.Name, means);
    }

    /// <summary>
    /// The names that identify a model: each entry's name and aliases, in catalog order, but not an alias that is a plain word ("drones",
    /// "missile") or shorter than four characters.
    /// </summary>
    private sealed class ModelNames
    {
        public ModelNames(WeaponCatalog weapons)
        {
            var names = new List<string>();
            var entries = new List<WeaponEntry>();
            foreach (var entry in weapons.Entries)
            {
                foreach (var name in entry.Aliases.Prepend(entry.Name))
                {
                    if (name.Length >= 4 && !name.All(c => char.IsLower(c) || c == ' '))
                    {
                        names.Add(name);
                        entries.Add(entry);
                    }
                }
            }

            Matcher = new PhraseMatcher(names);
            Entries = entries;
        }

        public PhraseMatcher Matcher { get; }

        public IReadOnlyList<WeaponEntry> Entries { get; }
    }
}
