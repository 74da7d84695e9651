namespace TruceWatch.Core.Taxonomy;

/// <summary>A closed set of taxonomy paths, with every ancestor of a listed path included.</summary>
public sealed class Vocabulary
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public Vocabulary(string name, IEnumerable<string> leaves)
    {
        Name = name;
        foreach (var leaf in leaves)
        {
            var path = TaxonomyPath.Parse(leaf).Value;
            _paths.Add(path);
            for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1))
            {
                _paths.Add(path[..dot]);
            }
        }
    }

    /// <summary>What the vocabulary is of, for error messages ("target", "means").</summary>
    public string Name { get; }

    public bool Contains(TaxonomyPath path) => _paths.Contains(path.Value);

    /// <summary>Every path, sorted.</summary>
    public IReadOnlyList<string> All => [.. _paths.Order(StringComparer.Ordinal)];
}
