using TruceWatch.Core.Agreements;
using TruceWatch.Core.Terms;

namespace TruceWatch.Benchmarks.Data;

/// <summary>The bundled agreements, read from <c>agreements/</c> at the repository root.</summary>
internal static class BenchAgreements
{
    /// <summary>Three clauses' worth of criteria (domain, means, target, a military exception, a naval clause): the heavier of the two.</summary>
    public const string PartialAirSeaTruce = "ua-partial-air-sea-truce-2025";

    /// <summary>One clause on energy targets: the lighter of the two.</summary>
    public const string EnergyMoratorium = "energy-moratorium-2025";

    public static Agreement Load(string id)
    {
        var path = Path.Combine(RepoRoot.Find(), "agreements", id + ".yaml");
        var result = TermsParser.Parse(File.ReadAllText(path));
        return result.Agreement
            ?? throw new InvalidOperationException($"{path} does not parse: {string.Join("; ", result.Diagnostics)}");
    }
}
