namespace TruceWatch.Core.Taxonomy;

/// <summary>The target taxonomy of PRODUCT.md: what a strike was aimed at or hit.</summary>
public static class Targets
{
    public static readonly TaxonomyPath Unknown = TaxonomyPath.Parse("unknown");
    public static readonly TaxonomyPath Energy = TaxonomyPath.Parse("energy");
    public static readonly TaxonomyPath Civilian = TaxonomyPath.Parse("civilian");
    public static readonly TaxonomyPath Military = TaxonomyPath.Parse("military");

    public static readonly Vocabulary Vocabulary = new("target",
    [
        "energy.generation.thermal", "energy.generation.hydro", "energy.generation.nuclear", "energy.generation.solar", "energy.generation.wind",
        "energy.grid.substation", "energy.grid.transmission", "energy.grid.distribution",
        "energy.oil.refinery", "energy.oil.depot", "energy.oil.pipeline", "energy.oil.terminal",
        "energy.gas.production", "energy.gas.storage", "energy.gas.pipeline", "energy.gas.compressor",
        "civilian.residential", "civilian.medical", "civilian.education",
        "civilian.transport.rail", "civilian.transport.port", "civilian.transport.bridge", "civilian.transport.vessel",
        "civilian.industry", "civilian.water",
        "military.airbase", "military.depot", "military.command", "military.troops", "military.defence-industry",
        "unknown",
    ]);
}
