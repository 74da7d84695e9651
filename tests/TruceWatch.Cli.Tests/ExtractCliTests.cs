using System.Diagnostics;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch extract</c> run as a process on real posts from data/ (the Russian MoD's and the Ukrainian Air Force's), an English translation and bad input.</summary>
public sealed class ExtractCliTests : CliTest
{
    [Fact]
    public async Task A_Russian_MoD_post_in_a_file_gives_one_claim_per_region_in_Moscow_time_with_its_source_detected()
    {
        await WriteAsync("post.txt", ModPost("2025-02-18 20:09"));

        var run = await Run("extract", "--posted-at", "2025-02-18T20:09:00Z", "post.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        var (kind, claims) = Parse(run.Stdout);
        kind.ShouldBe("interception-report");
        claims.Select(c => (c.Region, c.Intercepted)).ShouldBe([("RU-BRY", (int?)20), ("UA-43", 1)]);
        claims.ShouldAllBe(c => c.Perpetrator == "UA" && c.Weapon == "Unknown UAV" && c.Launched == null && c.Hit == null);
        claims.ShouldAllBe(c => c.WindowStart == "2025-02-18T21:30:00+03:00" && c.WindowEnd == "2025-02-18T22:30:00+03:00");
    }

    [Fact]
    public async Task A_Ukrainian_Air_Force_post_gives_one_claim_per_weapon_without_region_in_Kyiv_time()
    {
        await WriteAsync("post.txt", AirForcePost("1116"));

        var run = await Run("extract", "--source", "ua-airforce", "--posted-at", "2023-01-02T08:24:26Z", "post.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        var (kind, claims) = Parse(run.Stdout);
        kind.ShouldBe("interception-report");
        claims.Select(c => (c.Weapon, c.Means, c.Intercepted)).ShouldBe([("Shahed-136", "drone.long-range", (int?)39), ("Orlan-10", "drone.reconnaissance", 2), ("Kh-59", "missile.cruise", 1)]);
        claims.ShouldAllBe(c => c.Perpetrator == "RU" && c.Region == null && c.WindowStart == null && c.WindowEnd == "2023-01-02T07:00:00+02:00");
    }

    [Fact]
    public async Task The_same_Air_Force_post_is_recognised_as_the_Air_Force_s_without_being_told()
    {
        await WriteAsync("post.txt", AirForcePost("1116"));

        var run = await Run("extract", "--posted-at", "2023-01-02T08:24:26Z", "post.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        Parse(run.Stdout).Claims.ShouldAllBe(c => c.Perpetrator == "RU");
    }

    [Fact]
    public async Task An_English_translation_piped_on_stdin_gives_the_regional_breakdown_and_a_claim_for_the_rest_of_the_total()
    {
        var run = await RunWithStdin(
            "From 20:00 MSK on 10 April to 07:00 MSK on 11 April, on-duty air defence systems intercepted and destroyed 99 Ukrainian fixed-wing UAVs: "
            + "43 over the Black Sea, 21 over the territory of the Republic of Crimea, 20 over the Bryansk region, 5 over Kursk region.",
            "extract", "--posted-at", "2025-04-11T04:30:00Z", "-");

        run.ExitCode.ShouldBe(0, run.ToString());
        var (kind, claims) = Parse(run.Stdout);
        kind.ShouldBe("interception-report");
        claims.Select(c => (c.Region, c.Intercepted)).ShouldBe([("Black Sea", (int?)43), ("UA-43", 21), ("RU-BRY", 20), ("RU-KRS", 5), (null, 10)]);
        claims.ShouldAllBe(c => c.Weapon == "Fixed-wing UAV" && c.Perpetrator == "UA" && c.WindowStart == "2025-04-10T20:00:00+03:00");
    }

    [Fact]
    public async Task A_dated_anchor_lets_a_window_without_year_be_placed_in_that_year()
    {
        var run = await RunWithStdin(
            "С 23.00 мск 6 февраля до 7.00 мск 7 февраля дежурными средствами ПВО перехвачено и уничтожено 12 украинских беспилотных летательных аппаратов самолетного типа над территорией Брянской области.",
            "extract", "--source", "ru-mod", "--posted-at", "2026-02-07", "-");

        run.ExitCode.ShouldBe(0, run.ToString());
        var claim = Parse(run.Stdout).Claims.ShouldHaveSingleItem();
        (claim.WindowStart, claim.WindowEnd, claim.Region, claim.Intercepted).ShouldBe(("2026-02-06T23:00:00+03:00", "2026-02-07T07:00:00+03:00", "RU-BRY", (int?)12));
    }

    [Fact]
    public async Task A_post_that_is_no_strike_report_is_other_with_no_claim()
    {
        await WriteAsync("post.txt", ModPost("2025-01-31 11:07"));

        var run = await Run("extract", "--source", "ru-mod", "--posted-at", "2025-01-31T11:07:00Z", "post.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        var (kind, claims) = Parse(run.Stdout);
        kind.ShouldBe("other");
        claims.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_claim_has_every_key_of_the_documented_shape()
    {
        await WriteAsync("post.txt", ModPost("2025-02-18 20:09"));

        var run = await Run("extract", "post.txt", "--posted-at", "2025-02-18T20:09:00Z");

        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["kind", "claims"]);
        doc.RootElement.GetProperty("claims")[0].EnumerateObject().Select(p => p.Name)
            .ShouldBe(["perpetrator", "window_start", "window_end", "means", "weapon", "region", "launched", "intercepted", "hit"]);
    }

    [Theory]
    [InlineData("missing.txt", "", "missing.txt: no such file")]
    [InlineData("empty.txt", "", "the statement is empty")]
    [InlineData("blank.txt", " \n\t\n", "the statement is empty")]
    public async Task A_file_that_cannot_give_a_statement_exits_with_2_and_says_why(string name, string content, string message)
    {
        if (name != "missing.txt")
        {
            await WriteAsync(name, content);
        }

        var run = await Run("extract", name);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain(message);
        run.Stderr.ShouldNotContain("   at ");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_source_exits_with_2_and_names_the_sources_there_are()
    {
        await WriteAsync("post.txt", ModPost("2025-02-18 20:09"));

        var run = await Run("extract", "--source", "tass", "post.txt");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("--source 'tass' is not one of ru-mod, ua-airforce, auto");
        run.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Empty_stdin_exits_with_2()
    {
        var run = await RunWithStdin("", "extract", "-");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("stdin: the statement is empty");
    }

    [Fact]
    public async Task A_posting_time_without_offset_exits_with_2_and_says_how_to_write_it()
    {
        await WriteAsync("post.txt", ModPost("2025-02-18 20:09"));

        var run = await Run("extract", "--posted-at", "2025-02-18T20:09", "post.txt");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("has no UTC offset");
    }

    [Fact]
    public async Task Importing_the_whole_MoD_file_counts_the_posts_that_are_no_strike_reports_as_skipped_not_quarantined_and_a_re_import_adds_nothing()
    {
        var file = Path.Combine(Repo.Root, "data", "russia-mod-statements", "mod_russia_clean.csv");

        var first = await Run("import", file, "--db", "t.db");
        var again = await Run("import", file, "--db", "t.db");
        var quarantine = await Run("quarantine", "list", "--db", "t.db");

        first.ExitCode.ShouldBe(0, first.ToString());
        var (added, present, quarantined, skipped) = Summary(first.Stdout);
        added.ShouldBeGreaterThan(3000);
        (present, quarantined).ShouldBe((0, 0));
        skipped.ShouldBeGreaterThan(2000, "most posts of the channel are about something else");
        first.Stdout.ShouldContain($"skipped: {skipped:N0} posts are not strike or interception reports");
        again.ExitCode.ShouldBe(0, again.ToString());
        Summary(again.Stdout).ShouldBe((0, added, 0, skipped));
        quarantine.Stdout.ShouldContain("0 row(s)");
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_still_goes_to_quarantine_while_a_post_about_something_else_is_skipped()
    {
        await WriteAsync("posts.csv", "date,datetime,drone_count,oblasts,text_snippet\n"
            + "2025-02-18,2025-02-18 20:09,21,bryansk|crimea,\"" + ModPost("2025-02-18 20:09").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n"
            + "2025-01-31,2025-01-31 11:07,0,kursk,\"" + ModPost("2025-01-31 11:07").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n"
            + "2025-02-19,yesterday,3,kursk,\"С 10.00 до 11.00 мск дежурными средствами ПВО уничтожены три украинских беспилотных летательных аппарата над территорией Курской области.\"\n");

        var run = await Run("import", "posts.csv", "--db", "t.db");

        run.ExitCode.ShouldBe(0, run.ToString());
        Summary(run.Stdout).ShouldBe((2, 0, 1, 1));
        run.Stdout.ShouldContain("line 4: datetime 'yesterday' is not a time");
        run.Stdout.ShouldContain("skipped: 1 posts are not strike or interception reports");
    }

    /// <summary>The counts of the import's summary line: new, already present, quarantined, skipped.</summary>
    private static (long New, long Present, long Quarantined, long Skipped) Summary(string stdout)
    {
        var m = System.Text.RegularExpressions.Regex.Match(stdout, @"(?<n>[\d,]+) new, (?<p>[\d,]+) already present, (?<q>[\d,]+) quarantined(?:, (?<s>[\d,]+) skipped)?");
        m.Success.ShouldBeTrue(stdout);
        static long N(System.Text.RegularExpressions.Group g) => g.Success ? long.Parse(g.Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (N(m.Groups["n"]), N(m.Groups["p"]), N(m.Groups["q"]), N(m.Groups["s"]));
    }

    private sealed record Claim(string? Perpetrator, string? WindowStart, string? WindowEnd, string? Means, string? Weapon, string? Region, int? Launched, int? Intercepted, int? Hit);

    private static (string Kind, List<Claim> Claims) Parse(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        return (root.GetProperty("kind").GetString()!, [.. root.GetProperty("claims").EnumerateArray().Select(c => new Claim(
            Str(c, "perpetrator"), Str(c, "window_start"), Str(c, "window_end"), Str(c, "means"), Str(c, "weapon"), Str(c, "region"),
            Int(c, "launched"), Int(c, "intercepted"), Int(c, "hit")))]);
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private Task WriteAsync(string name, string content) => File.WriteAllTextAsync(Path.Combine(Dir, name), content, TestContext.Current.CancellationToken);

    /// <summary>The text of the MoD post with this <c>datetime</c> in data/russia-mod-statements/mod_russia_clean.csv.</summary>
    private static string ModPost(string datetime) => Column("russia-mod-statements/mod_russia_clean.csv", 1, datetime, 4);

    /// <summary>The text of the Air Force post with this Telegram message id in data/ua-airforce-statements/statements_uk.csv.</summary>
    private static string AirForcePost(string id) => Column("ua-airforce-statements/statements_uk.csv", 0, id, 3);

    private static string Column(string file, int key, string value, int column)
    {
        using var reader = new StreamReader(Path.Combine(Repo.Root, "data", file), Encoding.UTF8);
        using var csv = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(reader);
        foreach (var row in csv)
        {
            if (row[key].Span.SequenceEqual(value))
            {
                return row[column].ToString();
            }
        }

        throw new InvalidOperationException($"{file} has no row {value}");
    }

    /// <summary>Runs <c>trucewatch</c> with <paramref name="input"/> written to its stdin.</summary>
    private async Task<Trucewatch.Outcome> RunWithStdin(string input, params string[] args)
    {
        var info = new ProcessStartInfo(Trucewatch.Executable)
        {
            WorkingDirectory = Dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TRUCEWATCH_DB"] = "";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Trucewatch.Outcome(process.ExitCode, await stdout, await stderr);
    }
}
