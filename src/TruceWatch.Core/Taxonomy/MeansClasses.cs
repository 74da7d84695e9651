using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Taxonomy;

/// <summary>The means taxonomy: how a strike was delivered (<c>missile.cruise</c>, <c>drone.long-range</c>, …).</summary>
public static class MeansClasses
{
    public static readonly Vocabulary Vocabulary = new("means",
    [
        "missile.cruise", "missile.ballistic", "missile.aeroballistic", "missile.hypersonic", "missile.anti-ship",
        "missile.guided", "missile.air-defence",
        "drone.long-range", "drone.loitering", "drone.fpv", "drone.reconnaissance",
        "bomb.guided", "bomb.unguided",
        "artillery.tube", "artillery.rocket",
        "naval.surface-drone", "naval.underwater-drone", "naval.vessel",
    ]);

    /// <summary>The domain a means class operates in when a source does not say: missiles, drones and bombs fly, naval craft sail, artillery is land.</summary>
    public static StrikeDomain? DefaultDomain(TaxonomyPath means) => means.Root switch
    {
        "missile" or "drone" or "bomb" => StrikeDomain.Air,
        "naval" => StrikeDomain.Sea,
        "artillery" => StrikeDomain.Land,
        _ => null,
    };
}
