namespace TruceWatch.Bench.Workload;

/// <summary>One region a strike can land in: its country, first-level name, a town and the town's coordinates.</summary>
internal sealed record Region(string Country, string Admin1, string Town, double Lat, double Lon);

/// <summary>What one party's strikes look like: the means and weapons it uses, the regions it hits and the targets it aims at.</summary>
internal sealed record PartyMix(string Code, Weighted<(string Means, string Weapon)> Arms, Weighted<Region> Regions, Weighted<string> Targets);

/// <summary>
/// The distributions the synthetic workload draws from, modelled on the real data under <c>../shared/data/real/</c>:
/// <list type="bullet">
/// <item><c>missile-attacks-ukraine/missile_attacks_daily.csv</c> (3,585 rows): Shahed-136/131 is 27 % of rows, Iskander-M 7 %,
/// reconnaissance drones ~20 %, Kh-59 and Kh-101 ~7 %; 60 % of rows give a date only; the rest start 18:00–21:00 Kyiv time in 56 % of
/// cases (night waves); launched counts have a median of 3 and a 90th percentile of ~90.</item>
/// <item><c>cir-russia-ukraine-monitor-events/events.csv</c> (6,650 rows): Donetsk 28 %, Kharkiv 16 %, Kyiv 12 %, Luhansk 8 %,
/// Kherson 6 %, Mykolaiv 4 %; 89 % in Ukraine, 8 % in Russia; almost all civilian-infrastructure damage.</item>
/// <item><c>ua-strikes-on-russian-energy</c> (67 rows): refineries, depots, substations and power plants in Russia's south and
/// centre (Krasnodar Krai, Rostov, Ryazan, Saratov, Volgograd, Bryansk, Belgorod, Kursk).</item>
/// </list>
/// </summary>
internal static class Mix
{
    public static readonly PartyMix Russia = new("RU",
        new Weighted<(string, string)>(
            (("drone.long-range", "Shahed-136"), 30), (("", "Shahed-136/131"), 14), (("", "Geran-2"), 6), (("", "Герань-2"), 2),
            (("drone.long-range", "Gerbera"), 4), (("", "Iskander-M"), 6), (("missile.ballistic", "KN-23"), 2),
            (("missile.cruise", "Kh-101"), 5), (("", "X-101/X-555"), 2), (("", "Kalibr"), 3), (("missile.cruise", "Kh-59"), 3),
            (("missile.aeroballistic", "Kinzhal"), 1), (("", "S-300"), 2), (("bomb.guided", "KAB"), 8),
            (("drone.loitering", "Lancet"), 3), (("drone.fpv", ""), 4), (("artillery.rocket", "Smerch"), 2), (("artillery.tube", ""), 3),
            (("drone.reconnaissance", "Orlan-10"), 2), (("naval.vessel", "Kalibr"), 1), (("", ""), 6)),
        new Weighted<Region>(
            (new("UA", "Donetsk Oblast", "Kramatorsk", 48.7389, 37.5848), 22), (new("UA", "Kharkiv Oblast", "Kharkiv", 49.9935, 36.2304), 16),
            (new("UA", "Kyiv", "Kyiv", 50.4501, 30.5234), 9), (new("UA", "Kyiv Oblast", "Bila Tserkva", 49.7968, 30.1311), 4),
            (new("UA", "Odesa Oblast", "Odesa", 46.4825, 30.7233), 8), (new("UA", "Dnipropetrovsk Oblast", "Dnipro", 48.4647, 35.0462), 7),
            (new("UA", "Zaporizhzhia Oblast", "Zaporizhzhia", 47.8388, 35.1396), 7), (new("UA", "Kherson Oblast", "Kherson", 46.6354, 32.6169), 6),
            (new("UA", "Sumy Oblast", "Sumy", 50.9077, 34.7981), 6), (new("UA", "Mykolaiv Oblast", "Mykolaiv", 46.9750, 31.9946), 4),
            (new("UA", "Chernihiv Oblast", "Chernihiv", 51.4982, 31.2893), 3), (new("UA", "Poltava Oblast", "Kremenchuk", 49.0659, 33.4204), 3),
            (new("UA", "Lviv Oblast", "Lviv", 49.8397, 24.0297), 2), (new("UA", "Ivano-Frankivsk Oblast", "Burshtyn", 49.2618, 24.6312), 1),
            (new("UA", "Vinnytsia Oblast", "Ladyzhyn", 48.6849, 29.2397), 2)),
        new Weighted<string>(
            ("civilian.residential", 30), ("energy.grid.substation", 12), ("energy.generation.thermal", 5), ("energy.generation.hydro", 1),
            ("energy.gas.production", 2), ("energy.gas.storage", 1), ("civilian.industry", 8), ("civilian.transport.rail", 5),
            ("civilian.transport.port", 4), ("civilian.medical", 2), ("civilian.education", 2), ("civilian.water", 1),
            ("military.troops", 6), ("military.depot", 3), ("military.airbase", 2), ("military.defence-industry", 3), ("unknown", 8)));

    public static readonly PartyMix Ukraine = new("UA",
        new Weighted<(string, string)>(
            (("drone.long-range", "Liutyi"), 40), (("drone.long-range", ""), 25), (("naval.surface-drone", "Magura V5"), 5),
            (("missile.cruise", "Neptune"), 5), (("missile.cruise", "Storm Shadow"), 3), (("missile.ballistic", "ATACMS"), 3),
            (("artillery.rocket", "HIMARS"), 5), (("drone.fpv", ""), 8), (("", ""), 6)),
        new Weighted<Region>(
            (new("RU", "Belgorod Oblast", "Belgorod", 50.5997, 36.5983), 18), (new("RU", "Kursk Oblast", "Kursk", 51.7304, 36.1926), 14),
            (new("RU", "Bryansk Oblast", "Bryansk", 53.2436, 34.3634), 12), (new("RU", "Krasnodar Krai", "Tuapse", 44.0986, 39.0757), 10),
            (new("RU", "Krasnodar Krai", "Novorossiysk", 44.7235, 37.7687), 5), (new("RU", "Rostov Oblast", "Novoshakhtinsk", 47.7579, 39.9350), 8),
            (new("RU", "Ryazan Oblast", "Ryazan", 54.6269, 39.6916), 6), (new("RU", "Saratov Oblast", "Saratov", 51.5331, 46.0342), 5),
            (new("RU", "Volgograd Oblast", "Volgograd", 48.7080, 44.5133), 5), (new("RU", "Voronezh Oblast", "Voronezh", 51.6720, 39.1843), 6),
            (new("RU", "Tatarstan", "Almetyevsk", 54.9014, 52.2973), 2), (new("UA", "Crimea", "Sevastopol", 44.6166, 33.5254), 9)),
        new Weighted<string>(
            ("energy.oil.refinery", 24), ("energy.oil.depot", 14), ("energy.oil.terminal", 3), ("energy.oil.pipeline", 2),
            ("energy.grid.substation", 8), ("energy.generation.thermal", 3), ("energy.gas.compressor", 2), ("military.airbase", 12),
            ("military.depot", 8), ("military.defence-industry", 10), ("military.command", 3), ("civilian.transport.port", 3),
            ("civilian.residential", 4), ("unknown", 4)));

    /// <summary>Who is reported as the perpetrator: Russia's strikes dominate the feeds; some reports name no one.</summary>
    public static readonly Weighted<PartyMix?> Perpetrator = new((Russia, 76), (Ukraine, 18), (null, 6));

    /// <summary>Who reports: party officials (each mostly about the other's strikes), monitors, media, OSINT.</summary>
    public static readonly Weighted<string> SourcesAboutRussia = new(
        ("ua-airforce", 45), ("ua-energy-ministry", 8), ("cir-monitor", 15), ("media", 20), ("osint", 12));

    public static readonly Weighted<string> SourcesAboutUkraine = new(("ru-mod", 50), ("media", 25), ("osint", 20), ("cir-monitor", 5));

    public static readonly string[] Descriptions =
    [
        "Overnight attack on the city", "Substation damaged and outages in the district", "Strike on an industrial site",
        "Debris fell on a residential building", "Air defence active over the region", "Fire at the facility after a drone attack",
        "Refinery unit stopped after the strike", "Port infrastructure damaged",
    ];
}
