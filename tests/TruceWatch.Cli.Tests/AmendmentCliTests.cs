using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch agreements diff</c> and the version in <c>assess</c> output, on amended terms.</summary>
public sealed class AmendmentCliTests : CliTest
{
    private const string Header = "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    [Fact]
    public async Task Diff_shows_each_clause_added_removed_or_changed_between_two_versions()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"), Path.Combine(Dir, "amended.yaml"));

        var lint = await Run("agreements", "lint", "amended.yaml");
        var added = await Run("agreements", "diff", "amended.yaml", "--from", "1", "--to", "2");
        var across = await Run("agreements", "diff", "amended.yaml", "--from", "2", "--to", "3");
        var missing = await Run("agreements", "diff", "amended.yaml", "--from", "1", "--to", "7");

        lint.ExitCode.ShouldBe(0, lint.ToString());
        added.ExitCode.ShouldBe(0, added.ToString());
        added.Stdout.ShouldContain("v2 in force from 2025-04-01T12:00:00+03:00: Ports added after the Black Sea talks");
        added.Stdout.ShouldContain("+ clause ports: binds all; prohibits target within [civilian.transport.port]");
        added.Stdout.ShouldContain("1 clause(s) changed");
        across.Stdout.ShouldContain("- clause ports:");
        across.Stdout.ShouldContain("~ clause energy:");
        across.Stdout.ShouldContain("now binds all; prohibits target within [energy]; counts hit");
        across.Stdout.ShouldContain("2 clause(s) changed");
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("amended has no version 7 (its versions: 1, 2, 3)");
    }

    [Fact]
    public async Task Diff_prints_what_the_versions_worked_example_in_the_docs_shows()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "terms-language.md"), TestContext.Current.CancellationToken);
        var section = docs[docs.IndexOf("## Versions: worked example", StringComparison.Ordinal)..];
        var yaml = Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var printed = Regex.Match(section, "prints:\n\n```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        await File.WriteAllTextAsync(Path.Combine(Dir, "amended.yaml"), yaml, TestContext.Current.CancellationToken);

        var diff = await Run("agreements", "diff", "amended.yaml", "--from", "2", "--to", "3");

        diff.ExitCode.ShouldBe(0, diff.ToString());
        printed.ShouldNotBeEmpty();
        diff.Stdout.ReplaceLineEndings("\n").ShouldBe(printed);
    }

    [Fact]
    public async Task Assess_records_the_version_each_incident_was_judged_under_and_the_versions_used()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"), Path.Combine(Dir, "amended.yaml"));
        await File.WriteAllTextAsync(Path.Combine(Dir, "strikes.csv"), Header + "\n" +
            "t,before,,2025-03-25T03:00:00+02:00,,RU,air,drone.long-range,Shahed-136,6,6,0,UA,UA-51,,,,civilian.transport.port,,,\n" +
            "t,after,,2025-04-05T03:00:00+03:00,,RU,air,drone.long-range,Shahed-136,6,6,0,UA,UA-51,,,,civilian.transport.port,,,\n" +
            "t,that-day,,2025-04-01,,RU,air,drone.long-range,Shahed-136,,,,UA,UA-51,,,,civilian.transport.port,,,\n",
            TestContext.Current.CancellationToken);

        var json = await Run("assess", "--agreement", "amended.yaml", "--reports", "strikes.csv", "--format", "json");
        var table = await Run("assess", "--agreement", "amended.yaml", "--reports", "strikes.csv");

        json.ExitCode.ShouldBe(0, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var agreement = document.RootElement.GetProperty("agreement");
        (agreement.GetProperty("id").GetString(), agreement.GetProperty("version").GetInt32()).ShouldBe(("amended", 1));
        agreement.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([1, 2]);
        document.RootElement.GetProperty("incidents").EnumerateArray()
            .Select(i => (i.GetProperty("reports")[0].GetString(), i.GetProperty("version").GetInt32(), i.GetProperty("verdict").GetString()))
            .ShouldBe([("t:before", 1, "out-of-scope"), ("t:after", 2, "violation"), ("t:that-day", 2, "indeterminate")]);
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("(amended v1–v2, 3 incidents)");
        table.Stdout.ShouldContain("version");
    }

    [Fact]
    public async Task Replay_records_the_versions_in_force_during_the_period()
    {
        File.Copy(Path.Combine(Repo.Root, "tests", "Shared", "amended-terms.yaml"), Path.Combine(Dir, "amended.yaml"));
        await File.WriteAllTextAsync(Path.Combine(Dir, "strikes.csv"), Header + "\n" +
            "t,after,,2025-04-05T03:00:00+03:00,,RU,air,drone.long-range,Shahed-136,6,6,0,UA,UA-51,,,,civilian.transport.port,,,\n",
            TestContext.Current.CancellationToken);

        var replay = await Run("replay", "--agreement", "amended.yaml", "--reports", "strikes.csv", "--from", "2025-04-02", "--to", "2025-04-30", "--format", "json");

        replay.ExitCode.ShouldBe(0, replay.ToString());
        using var document = JsonDocument.Parse(replay.Stdout);
        var agreement = document.RootElement.GetProperty("agreements")[0].GetProperty("agreement");
        agreement.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([2, 3]);
    }
}
