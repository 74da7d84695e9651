namespace TruceWatch.Ingest.MissileAttacks;

/// <summary>Where each column the importer reads stands in a <c>missile_attacks_daily.csv</c> header; -1 for an optional column that is absent.</summary>
internal sealed record MissileAttacksColumns(
    int TimeStart, int TimeEnd, int Model, int LaunchPlace, int Target, int TargetMain, int Launched, int Destroyed, int NotReachGoal,
    int StillAttacking, int HitLocations, int FragmentLocations, int Source)
{
    /// <summary>The columns a file must have.</summary>
    public static readonly string[] Required = ["time_start", "time_end", "model", "launch_place", "target", "launched", "destroyed", "source"];

    public List<string> Missing { get; } = [];

    public static MissileAttacksColumns From(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i].TrimStart('\uFEFF').Trim(), i);
        }

        int At(string name) => index.TryGetValue(name, out var i) ? i : -1;
        var columns = new MissileAttacksColumns(
            At("time_start"), At("time_end"), At("model"), At("launch_place"), At("target"), At("target_main"), At("launched"),
            At("destroyed"), At("not_reach_goal"), At("still_attacking"), At("num_hit_location"), At("num_fall_fragment_location"),
            At("source"));
        foreach (var required in Required)
        {
            if (At(required) < 0)
            {
                columns.Missing.Add(required);
            }
        }

        return columns;
    }
}
