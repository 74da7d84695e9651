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

    public static ImmutableArray<TaxonomyPath> Targets(string notes)
    {
        var found = new List<(int At, TaxonomyPath Path)>();
        var taken = new List<(int Start, int End)>();
        foreach (var (phrase, target) in TargetPhrases)
        {
            foreach (var at in Occurrences(notes, phrase))
            {
                // A phrase inside a longer one already matched ("power plant" in "thermal power plant") adds nothing.
                if (taken.Any(t => at >= t.Start && at < t.End))
                {
                    continue;
                }

                taken.Add((at, at + phrase.Length));
                found.Add((at, TaxonomyPath.Parse(target)));
            }
        }

        // In the order the notes name them, each once.
        return [.. found.OrderBy(f => f.At).Select(f => f.Path).Distinct()];
    }

    /// <summary>The weapon named in the notes (a catalog model such as Kh-101 or Iskander-M), and the means class it or a phrase gives.</summary>
    public static (string? Weapon, TaxonomyPath? Means) Means(string notes, WeaponCatalog weapons)
    {
        TaxonomyPath? phrased = null;
        foreach (var (phrase, means) in MeansPhrases)
        {
            if (Occurrences(notes, phrase).Any())
            {
                phrased = TaxonomyPath.Parse(means);
                break;
            }
        }

        foreach (var entry in weapons.Entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                // A model name (Kh-101, Iskander-M, Shahed-136), not a catalog alias that is a plain word ("drones", "missile").
                if (name.Length >= 4 && !name.All(c => char.IsLower(c) || c == ' ') && Occurrences(notes, name).Any())
                {
                    // A phrase may be finer than a generic catalog entry ("KAB glide bombs": bomb → bomb.guided).
                    var means = phrased is { } p && p.Value.StartsWith(entry.Means.Value + ".", StringComparison.Ordinal) ? p : entry.Means;
                    return (entry.Name, means);
                }
            }
        }

        return (null, phrased);
    }

    /// <summary>Where <paramref name="phrase"/> occurs as whole words (letters or digits do not continue on either side).</summary>
    private static IEnumerable<int> Occurrences(string text, string phrase)
    {
        // Acronyms (TPP, KAB, NPP) must match their case; phrases match in any case.
        var comparison = phrase.All(c => !char.IsLetter(c) || char.IsUpper(c)) && phrase.Length <= 5 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(phrase, comparison); at >= 0; at = text.IndexOf(phrase, at + 1, comparison))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || (text[end] == 's' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])));
            if (before && after)
            {
                yield return at;
            }
        }
    }
}
