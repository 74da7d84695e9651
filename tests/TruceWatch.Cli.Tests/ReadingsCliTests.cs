using System.Text.Json;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>assess --interpretation</c> on the bundled moratorium, whose start date and counting are disputed.</summary>
public sealed class ReadingsCliTests : CliTest
{
    private const string Header = "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    [Fact]
    public async Task All_readings_side_by_side_show_where_the_start_date_and_the_counting_change_the_verdict()
    {
        await File.WriteAllTextAsync(Path.Combine(Dir, "strikes.csv"), Header + "\n" +
            "t,shot-down,,2025-03-20T03:00:00+02:00,,RU,air,drone.long-range,Shahed-136,6,6,0,UA,UA-12,,,,energy.grid.substation,,,\n" +
            "t,hit,,2025-03-28T03:00:00+02:00,,RU,air,missile.cruise,Kh-101,2,1,1,UA,UA-12,,,,energy.grid.substation,,,\n",
            TestContext.Current.CancellationToken);

        var all = await Run("assess", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--interpretation", "all", "--format", "json");
        var one = await Run("assess", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--interpretation", "hits-only", "--format", "json");
        var table = await Run("assess", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--interpretation", "all");
        var unknown = await Run("assess", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--interpretation", "kremlin");

        all.ExitCode.ShouldBe(0, all.ToString());
        using var document = JsonDocument.Parse(all.Stdout);
        document.RootElement.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .ShouldBe(["base", "from-riyadh-25-march", "hits-only"]);
        var disagreement = document.RootElement.GetProperty("disagreements").EnumerateArray().ShouldHaveSingleItem();
        disagreement.GetProperty("reports")[0].GetString().ShouldBe("t:shot-down");
        disagreement.GetProperty("verdicts").GetProperty("base").GetString().ShouldBe("violation");
        disagreement.GetProperty("verdicts").GetProperty("from-riyadh-25-march").GetString().ShouldBe("outside-window");
        disagreement.GetProperty("verdicts").GetProperty("hits-only").GetString().ShouldBe("out-of-scope");
        using var single = JsonDocument.Parse(one.Stdout);
        single.RootElement.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("verdict").GetString()).ShouldBe(["out-of-scope", "violation"]);
        table.Stdout.ShouldContain("3 readings, 2 incidents, 1 judged differently");
        unknown.ExitCode.ShouldBe(1);
        unknown.Stderr.ShouldContain("energy-moratorium-2025 has no interpretation 'kremlin' (it has from-riyadh-25-march, hits-only; or 'all')");
    }

    [Fact]
    public async Task Replay_under_every_reading_lists_the_incidents_the_readings_judge_differently()
    {
        await File.WriteAllTextAsync(Path.Combine(Dir, "strikes.csv"), Header + "\n" +
            "t,shot-down,,2025-02-20T03:00:00+02:00,,RU,air,drone.long-range,Shahed-136,6,6,0,UA,UA-12,,,,energy.grid.substation,,,\n" +
            "t,hit,,2025-02-21T03:00:00+02:00,,RU,air,missile.cruise,Kh-101,2,1,1,UA,UA-12,,,,energy.grid.substation,,,\n",
            TestContext.Current.CancellationToken);

        var json = await Run("replay", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--from", "2025-01-01", "--to", "2025-03-31", "--interpretation", "all", "--format", "json");
        var table = await Run("replay", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--from", "2025-01-01", "--to", "2025-03-31", "--interpretation", "all");
        var unknown = await Run("replay", "--agreement", "energy-moratorium-2025", "--reports", "strikes.csv", "--interpretation", "kremlin");

        json.ExitCode.ShouldBe(0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        document.RootElement.GetProperty("agreements").EnumerateArray().Select(c => c.GetProperty("reading").GetString())
            .ShouldBe(["base", "from-riyadh-25-march", "hits-only"]);
        var disagreement = document.RootElement.GetProperty("readings")[0].GetProperty("incidents").EnumerateArray().ShouldHaveSingleItem();
        disagreement.GetProperty("reports")[0].GetString().ShouldBe("t:shot-down");
        disagreement.GetProperty("verdicts").GetProperty("hits-only").GetString().ShouldBe("out-of-scope");
        table.Stdout.ShouldContain("energy-moratorium-2025: 1 incident(s) judged differently by its readings");
        unknown.ExitCode.ShouldBe(1);
        unknown.Stderr.ShouldContain("no agreement replayed has an interpretation 'kremlin' (they have: from-riyadh-25-march, hits-only; or 'all')");
    }
}
