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

    [Theory]
    [InlineData("2023-12-30T18:00", "2024-01-02T00:00", "2024-01-05", "met", "6 party-day(s) reported within PT24H, none late")]
    [InlineData("2023-02-01T00:00", "2023-02-11T00:00", "2023-03-01", "missed", "UA published no incident report for 2023-01-31 by 2023-02-02T00:00:00+02:00")]
    [InlineData("2025-04-19T18:00", "2025-04-21T00:00", "2025-04-25", "unknown", "UA's statements loaded span 2023-01-01T10:24:49+02:00 – 2024-03-18T07:38:36+02:00, not 2025-04-19")]
    public async Task A_notify_duty_is_judged_by_the_parties_own_daily_statements(string start, string end, string on, string status, string detail)
    {
        File.WriteAllText(Path.Combine(Dir, "notify.yaml"), $$"""
            id: notify-test
            version: 1
            title: Reporting duty (test)
            parties: [UA, RU]
            window: { start: {{start}}, end: {{end}}, zone: Europe/Moscow }
            obligations:
              - { id: report-incidents, kind: notify, within: PT24H }
            """);

        var result = await Run("obligations", "--agreement", "notify.yaml", "--on", on, "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var row = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("obligations").EnumerateArray().Single();
        row.GetProperty("status").GetString().ShouldBe(status);
        row.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task A_statements_file_that_does_not_exist_is_a_clear_error()
    {
        var result = await Run("obligations", "--agreement", "full-ceasefire-template", "--statements", "nowhere.csv");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("nowhere.csv: no such file");
    }
}
