using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

public sealed class CliTests : CliTest
{
    private const string Header = "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description";

    private string Write(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Importing_the_real_daily_data_set_twice_adds_it_once()
    {
        var file = Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv");

        var first = await Run("import", file, "--db", "t.db");
        var second = await Run("import", file, "--db", "t.db", "--format", "missile-attacks-daily");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("as missile-attacks-daily");
        first.Stdout.ShouldContain("3,585 new, 0 already present, 0 quarantined");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain("0 new, 3,585 already present");
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_the_good_rows_go_in()
    {
        var file = Write("night.csv", Header + "\n" +
            "field,1,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,,,energy.grid.substation,,,\n" +
            "field,2,,2025-03-20T03:00:00,,RU,,,,,,,,,,,,,,,\n" +
            "field,3,,2025-03-21,,RU,,,,,,,,,,,,,,,\n");

        var result = await Run("import", file, "--db", "t.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("2 new, 0 already present, 1 quarantined");
        result.Stdout.ShouldContain("line 3: start_time: '2025-03-20T03:00:00' has no UTC offset");
    }

    [Fact]
    public async Task A_file_of_unknown_format_is_refused_with_its_header_named()
    {
        var file = Write("other.csv", "id,name\n1,x\n");

        var result = await Run("import", file, "--db", "t.db");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("other.csv:1: cannot tell the format");
    }

    [Fact]
    public async Task Assess_prints_the_documented_json_for_the_store()
    {
        await Run("import", Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv"), "--db", "t.db");

        var result = await Run("assess", "--agreement", "energy-moratorium-2025", "--db", "t.db", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("agreement").GetProperty("id").GetString().ShouldBe("energy-moratorium-2025");
        root.GetProperty("agreement").GetProperty("version").GetInt32().ShouldBe(1);
        var incidents = root.GetProperty("incidents").EnumerateArray().ToList();
        incidents.Count.ShouldBe(3585);
        var first = incidents[0];
        first.GetProperty("reports")[0].GetString()!.ShouldStartWith("ua-airforce-daily:");
        first.GetProperty("perpetrator").GetString().ShouldBe("RU");
        first.GetProperty("occurred").GetProperty("precision").GetString().ShouldNotBeNull();
        first.GetProperty("trace").GetProperty("clauses").GetArrayLength().ShouldBe(1);

        var ru = root.GetProperty("summary").GetProperty("RU");
        var total = ru.EnumerateObject().Sum(p => p.Value.GetInt32());
        total.ShouldBe(3585);
        ru.GetProperty("violation").GetInt32().ShouldBe(0);
        ru.GetProperty("indeterminate").GetInt32().ShouldBeGreaterThan(0);
        var inWindow = incidents.Where(i => i.GetProperty("verdict").GetString() == "indeterminate").ToList();
        inWindow.Count.ShouldBe(ru.GetProperty("indeterminate").GetInt32());
        inWindow.ShouldContain(i => i.GetProperty("trace").GetProperty("reason").GetString() == "indeterminate: target category unknown");
    }

    [Fact]
    public async Task Assess_judges_a_file_without_a_store_and_explains_each_verdict()
    {
        var file = Write("reports.csv", Header + "\n" +
            "field,sub,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,Kh-101,,,,UA,UA-63,,,,energy.grid.substation,,,\n" +
            "field,base,,2025-03-20T03:00:00+02:00,,UA,air,,Shahed-136,,,,RU,,,,,military.airbase,,,\n" +
            "field,late,,2025-05-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,,,energy.grid.substation,,,\n" +
            "field,naval,,2025-03-22T03:00:00+02:00,,RU,sea,naval.vessel,,,,,UA,,,,,,,,\n");

        var result = await Run("assess", "--agreement", "ua-partial-air-sea-truce-2025", "--reports", file, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var verdicts = json.RootElement.GetProperty("incidents").EnumerateArray()
            .ToDictionary(i => i.GetProperty("reports")[0].GetString()!, i => (i.GetProperty("verdict").GetString(), i.GetProperty("trace").GetProperty("reason").GetString()));
        verdicts["field:sub"].ShouldBe(("violation", "violation: breaches no-long-range-strikes-on-civilian-infrastructure"));
        // The prohibition names energy and civilian targets only, so an airbase is outside it; the military exception is moot.
        verdicts["field:base"].Item1.ShouldBe("out-of-scope");
        verdicts["field:late"].Item1.ShouldBe("outside-window");
        verdicts["field:naval"].ShouldBe(("violation", "violation: breaches no-naval-attacks"));
    }

    [Fact]
    public async Task Assess_as_a_table_shows_the_scorecard_per_party()
    {
        var file = Write("reports.csv", Header + "\n" +
            "field,sub,,2025-03-20T03:00:00+02:00,,RU,air,missile.cruise,,,,,UA,,,,,energy.grid.substation,,,\n");

        var result = await Run("assess", "--agreement", "energy-moratorium-2025", "--reports", file);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("violation");
        result.Stdout.ShouldContain("RU");
        result.Stdout.ShouldContain("breaches no-strikes-on-energy-infrastructure");
    }

    [Fact]
    public async Task Assess_refuses_both_a_store_and_a_file()
    {
        var result = await Run("assess", "--agreement", "energy-moratorium-2025", "--db", "t.db", "--reports", "x.csv");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("either --db or --reports");
    }

    [Fact]
    public async Task Assess_names_the_bundled_agreements_when_given_an_unknown_one()
    {
        var result = await Run("assess", "--agreement", "no-such-truce", "--reports", "x.csv");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("energy-moratorium-2025");
    }

    [Fact]
    public async Task Lint_passes_the_bundled_terms_and_reports_every_error_of_a_bad_file_with_line_and_column()
    {
        var good = Path.Combine(Repo.Root, "agreements", "energy-moratorium-2025.yaml");
        var bad = Write("bad.yaml", """
            id: bad-terms
            version: 1
            title: Bad terms
            parties: [UA, RU]
            window: { start: 2025-03-18T00:00:00+03:00, duration: P30X }
            clauses:
              - id: c1
                binds: [FR]
                prohibits:
                  target: [energy.fusion]
                colour: red
            """);

        var ok = await Run("agreements", "lint", good);
        var lint = await Run("agreements", "lint", bad);

        ok.ExitCode.ShouldBe(0, ok.ToString());
        ok.Stdout.ShouldContain("ok (energy-moratorium-2025 v1");
        lint.ExitCode.ShouldBe(1);
        lint.Stdout.ShouldContain("bad.yaml:5:");
        lint.Stdout.ShouldContain("duration 'P30X'");
        lint.Stdout.ShouldContain("bad.yaml:8:");
        lint.Stdout.ShouldContain("FR");
        lint.Stdout.ShouldContain("bad.yaml:10:");
        lint.Stdout.ShouldContain("energy.fusion");
        lint.Stdout.ShouldContain("bad.yaml:11:");
        lint.Stdout.ShouldContain("unknown key 'colour'");
    }

    [Fact]
    public async Task Agreements_list_and_show_describe_the_bundled_terms()
    {
        var list = await Run("agreements", "list");
        var show = await Run("agreements", "show", "ua-partial-air-sea-truce-2025");

        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain("energy-moratorium-2025");
        list.Stdout.ShouldContain("ua-partial-air-sea-truce-2025");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("window: from 2025-03-05T00:00:00+02:00 (inclusive) to 2025-04-04T00:00:00+02:00 (exclusive)");
        show.Stdout.ShouldContain("clause no-long-range-strikes-on-civilian-infrastructure: binds all; prohibits domain in [air, sea] and means within [missile, drone.long-range, bomb] and target within [energy, civilian]");
        show.Stdout.ShouldContain("clause no-naval-attacks: binds all; prohibits domain in [sea]");
        show.Stdout.ShouldContain("obligation pow-exchange: prisoner-exchange (all-for-all)");
    }

    [Fact]
    public async Task Replay_judges_history_under_each_agreement_as_if_in_force_side_by_side()
    {
        await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "t.db");

        var json = await Run("replay", "--db", "t.db", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "json");
        var table = await Run("replay", "--db", "t.db", "--agreement", "energy-moratorium-2025", "--from", "2024-01-01", "--to", "2024-12-31");

        json.ExitCode.ShouldBe(0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        doc.RootElement.GetProperty("from").GetString().ShouldBe("2024-01-01T00:00:00+02:00");
        doc.RootElement.GetProperty("to").GetString().ShouldBe("2025-01-01T00:00:00+02:00");
        var columns = doc.RootElement.GetProperty("agreements").EnumerateArray().ToList();
        columns.Select(c => c.GetProperty("agreement").GetProperty("id").GetString()).ShouldBe(["black-sea-navigation-2025", "energy-moratorium-2025", "french-british-truce-proposal-2025", "full-ceasefire-template", "holiday-ceasefires-2025", "istanbul-exchanges-2025", "ua-partial-air-sea-truce-2025"]);
        var incidents = doc.RootElement.GetProperty("incidents").GetInt32();
        incidents.ShouldBeGreaterThan(0);
        foreach (var column in columns)
        {
            var ua = column.GetProperty("summary").GetProperty("UA");
            ua.EnumerateObject().Sum(p => p.Value.GetInt32()).ShouldBe(incidents);
            if (column.GetProperty("agreement").GetProperty("id").GetString() is "holiday-ceasefires-2025" or "istanbul-exchanges-2025" or "black-sea-navigation-2025")
            {
                ua.GetProperty("out-of-scope").GetInt32().ShouldBe(incidents, "Russia's holiday ceasefires bound Russia alone; the Istanbul deal prohibits nothing; the Black Sea deal covers the sea and ports");
            }
            else
            {
                ua.GetProperty("violation").GetInt32().ShouldBe(incidents, "every 2024 strike in the compilation hit a refinery, which every other set of terms prohibits");
            }
        }

        table.ExitCode.ShouldBe(0, table.ToString());
        table.Stdout.ShouldContain("each as if in force");
        table.Stdout.ShouldContain("energy-moratorium-2025");
        table.Stdout.ShouldNotContain("ua-partial-air-sea-truce-2025");
    }

    [Fact]
    public async Task Serve_answers_health_the_api_and_the_page_over_http()
    {
        await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "t.db");
        var port = FreePort();
        using var server = Trucewatch.Start(Dir, "serve", "--db", "t.db", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await WaitForHealthAsync(http);
            health.ShouldContain("\"reports\":67");

            var api = await http.GetStringAsync("/api/assessments?agreement=energy-moratorium-2025", TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(api);
            json.RootElement.GetProperty("summary").GetProperty("UA").GetProperty("outside-window").GetInt32().ShouldBe(67);

            var page = await http.GetStringAsync("/", TestContext.Current.CancellationToken);
            page.ShouldContain("TruceWatch");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                return await http.GetStringAsync("/health", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException("trucewatch serve did not answer /health within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
