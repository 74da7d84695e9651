namespace TruceWatch.Web.Tests.Support;

/// <summary>
/// A small canonical CSV whose every row has one known verdict under each bundled agreement. The UA proposal's window is
/// [2025-03-05 +02:00, 2025-04-04 +02:00); the energy moratorium's is [2025-03-18 +03:00, 2025-04-17 +03:00).
/// </summary>
internal static class PreciseReports
{
    public const string Source = "web-test";

    /// <summary>RU cruise missile on a substation inside both windows: a violation under both.</summary>
    public const string Substation = "web-test:ru-kh101-substation";

    /// <summary>RU ballistic missile on an airbase: no clause of either agreement prohibits strikes on military targets.</summary>
    public const string Airbase = "web-test:ru-iskander-airbase";

    /// <summary>RU Shahed wave with no target category reported: indeterminate under both.</summary>
    public const string Shahed = "web-test:ru-shahed-unknown-target";

    /// <summary>RU cruise missile on a power plant in November 2024: outside both windows.</summary>
    public const string Before = "web-test:ru-kh101-2024";

    /// <summary>UA long-range drone on a refinery inside both windows: a violation under both.</summary>
    public const string Refinery = "web-test:ua-drone-refinery";

    /// <summary>A long-range drone on a substation with no perpetrator named: indeterminate under both, counted as <c>unknown</c>.</summary>
    public const string Unattributed = "web-test:unattributed-drone-substation";

    public const string Csv = """
        source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description
        web-test,ru-kh101-substation,2025-03-20T09:00:00+02:00,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,Kh-101,1,0,1,UA,Kyivska,Substation near Kyiv,,,energy.grid.substation,0,2,Cruise missile hit a 330 kV substation
        web-test,ru-iskander-airbase,,2025-03-21T02:00:00+02:00,,RU,air,missile.ballistic,Iskander-M,1,0,1,UA,Poltavska,Myrhorod airbase,,,military.airbase,,,Ballistic missile on an airbase
        web-test,ru-shahed-unknown-target,,2025-03-22T01:00:00+02:00,,RU,air,drone.long-range,Shahed-136,12,10,2,UA,Odeska,Odesa,,,,,,"Drones over Odesa, targets not stated"
        web-test,ru-kh101-2024,,2024-11-17T05:00:00+02:00,,RU,air,missile.cruise,Kh-101,1,0,1,UA,Lvivska,Burshtyn TPP,,,energy.generation.thermal,,,Before any truce
        web-test,ua-drone-refinery,,2025-03-25T04:00:00+03:00,,UA,air,drone.long-range,Liutyi,3,2,1,RU,Saratovskaya,Saratov refinery,,,energy.oil.refinery,,,Refinery fire reported
        web-test,unattributed-drone-substation,,2025-03-26T02:00:00+02:00,,,air,drone.long-range,,1,0,1,UA,Kharkivska,Kharkiv,,,energy.grid.substation,,,Attribution not stated

        """;
}
