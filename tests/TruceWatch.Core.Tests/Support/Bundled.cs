using TruceWatch.Core.Agreements;
using TruceWatch.Core.Terms;

namespace TruceWatch.Core.Tests.Support;

/// <summary>The repository's own files: the root (found by walking up to TruceWatch.slnx) and the bundled terms in agreements/.</summary>
public static class Bundled
{
    private static readonly Lazy<Agreement> EnergyMoratoriumTerms = new(() => Load("energy-moratorium-2025.yaml"));
    private static readonly Lazy<Agreement> UaPartialTruceTerms = new(() => Load("ua-partial-air-sea-truce-2025.yaml"));

    public static string Root => Repo.Root;

    /// <summary>agreements/energy-moratorium-2025.yaml: any strike on energy, 2025-03-18T00:00+03:00 for 30 days.</summary>
    public static Agreement EnergyMoratorium => EnergyMoratoriumTerms.Value;

    /// <summary>agreements/ua-partial-air-sea-truce-2025.yaml: long-range air/sea strikes on energy and civilian targets, and the naval war.</summary>
    public static Agreement UaPartialTruce => UaPartialTruceTerms.Value;

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Root, "agreements", fileName));

    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(Root, "agreements"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>One bundled agreement by file name; it must load without any diagnostic.</summary>
    public static Agreement Load(string fileName)
    {
        var result = TermsParser.Parse(Text(fileName));
        result.Diagnostics.ShouldBeEmpty();
        return result.Agreement.ShouldNotBeNull();
    }
}
