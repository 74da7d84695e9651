namespace TruceWatch.Ingest.Canonical;

/// <summary>The columns of the canonical report CSV, in order.</summary>
public static class CanonicalColumns
{
    public const string Header =
        "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    public static readonly string[] All = Header.Split(',');

    /// <summary>Columns a file must have; the rest may be left out and then count as unknown.</summary>
    public static readonly string[] Required = ["source", "source_record_id", "start_time"];
}
