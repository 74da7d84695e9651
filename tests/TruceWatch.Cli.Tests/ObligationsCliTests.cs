using System.Text.Json;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch obligations</c> on the bundled agreements, the real exchange table and the DeepStateMap front lines.</summary>
public sealed class ObligationsCliTests : CliTest
{

    [Fact]
    public async Task The_Istanbul_1000_for_1000_is_met_by_its_three_stages_and_the_holiday_ceasefires_are_measured_on_the_map()
    {
        var json = await Run("obligations", "--on", "2025-07-01", "--format", "json");
        var before = await Run("obligations", "--on", "2025-05-24", "--agreement", "istanbul-exchanges-2025");
        var bad = await Run("obligations", "--on", "July");

        json.ExitCode.ShouldBe(0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var rows = document.RootElement.GetProperty("obligations").EnumerateArray()
            .Where(o => o.GetProperty("agreement").GetString() != "full-ceasefire-template")
            .ToDictionary(o => o.GetProperty("obligation").GetString()!, o => (Status: o.GetProperty("status").GetString(), Detail: o.GetProperty("detail").GetString()!));
        rows["istanbul-1000-for-1000"].Status.ShouldBe("met");
        rows["istanbul-1000-for-1000"].Detail.ShouldBe("1000-for-1000 (istanbul-1000): 1000 returned to UA and 1000 to RU in 3 stage(s) by 2025-05-25");
        rows["istanbul-ii-bodies"].Status.ShouldBe("pending", "the table has no Istanbul II exchanges yet, and no date was set");
        rows["hold-the-line"].Status.ShouldBeOneOf("met", "missed");
        rows["hold-the-line"].Detail.ShouldContain("DeepStateMap");
        rows["pow-exchange"].Detail.ShouldContain("within the window");
        before.Stdout.ShouldContain("pending");
        before.Stdout.ShouldContain("697 returned to UA and 697 to RU so far in 2 stage(s)");
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("--on 'July' is not a date");
    }
}
