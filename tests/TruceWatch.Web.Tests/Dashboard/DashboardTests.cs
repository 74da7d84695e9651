using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Dashboard;

public sealed class DashboardTests(DashboardFixture app) : IClassFixture<DashboardFixture>, IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    private static readonly string[] Verdicts = ["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"];
    private const int Page = 200;

    [Fact]
    public async Task The_obligations_table_shows_each_duty_with_the_status_the_api_gives()
    {
        var page = await OpenAsync();
        var api = await app.Api.GetJsonAsync("/api/obligations");
        await page.Locator("#obligation-rows tr").First.WaitForAsync();

        var rows = page.Locator("#obligation-rows tr");
        (await rows.CountAsync()).ShouldBe(api.GetProperty("obligations").GetArrayLength());
        foreach (var o in api.GetProperty("obligations").EnumerateArray())
        {
            var row = page.Locator($"#obligation-rows tr[data-obligation='{o.Str("agreement")}/{o.Str("obligation")}']");
            (await row.Locator(".badge").InnerTextAsync()).ShouldBe(o.Str("status"));
            (await row.Locator("td").Nth(4).InnerTextAsync()).ShouldBe(o.Str("detail"));
        }

        (await page.Locator("#obligation-rows tr[data-obligation='istanbul-exchanges-2025/istanbul-1000-for-1000'] .badge").InnerTextAsync()).ShouldBe("met");
        await ScreenshotAsync(page, "obligations.png");
    }

    [Fact]
    public async Task Every_agreement_gets_a_card_whose_scorecard_equals_the_api_summary()
    {
        var page = await OpenAsync();
        var agreements = await app.Api.GetJsonAsync("/api/agreements");
        var ids = agreements.GetProperty("agreements").EnumerateArray().Select(a => a.Str("id")).ToList();
        ids.Count.ShouldBe(Directory.GetFiles(Repo.Agreements, "*.yaml").Length);

        (await page.Locator("article.card").CountAsync()).ShouldBe(ids.Count);
        foreach (var id in ids)
        {
            var card = page.Locator($"article.card[data-agreement='{id}']");
            (await card.CountAsync()).ShouldBe(1, $"card for {id}");
            var summary = (await app.Api.GetJsonAsync($"/api/assessments?agreement={id}&limit=0")).Summary();
            summary.Values.Sum(c => c.Values.Sum()).ShouldBeGreaterThan(0, $"the real data should give {id} some incidents");

            var terms = agreements.GetProperty("agreements").EnumerateArray().Single(a => a.Str("id") == id);
            (await card.Locator("h2").InnerTextAsync()).ShouldBe(terms.Str("title"));
            var windows = terms.GetProperty("windows").EnumerateArray().Select(w => w.GetString()!).ToList();
            var meta = await card.Locator(".meta").InnerTextAsync();
            if (windows.Count > 1)
            {
                windows.ForEach(w => meta.ShouldContain(w));
            }
            else if (windows.Count == 0)
            {
                meta.ShouldContain("no window");
            }
            else
            {
                meta.ShouldContain($"{terms.Str("window_start")} → {terms.Str("window_end")}");
            }
            (await card.Locator("table.scorecard tbody tr[data-party]").CountAsync()).ShouldBe(summary.Count);
            foreach (var (party, counts) in summary)
            {
                var row = card.Locator($"table.scorecard tr[data-party='{party}']");
                foreach (var verdict in Verdicts)
                {
                    var shown = await row.Locator($"td[data-verdict='{verdict}']").InnerTextAsync();
                    ParseCount(shown).ShouldBe(counts[verdict], $"{id} {party} {verdict}");
                }
            }
        }
    }

    [Fact]
    public async Task The_first_agreements_incidents_are_listed_with_a_badge_matching_each_verdict()
    {
        var page = await OpenAsync();
        var first = await page.Locator("article.card").First.GetAttributeAsync("data-agreement");
        var expected = await app.Api.GetJsonAsync($"/api/assessments?agreement={first}&order=verdict&limit={Page}");

        var rows = page.Locator("#incident-rows tr[data-incident]");
        (await rows.CountAsync()).ShouldBe(expected.GetProperty("incidents").GetArrayLength());
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        var shown = await page.EvalOnSelectorAllAsync<string[][]>("#incident-rows tr[data-incident]",
            "rows => rows.map(r => [r.dataset.incident, r.dataset.verdict, r.querySelector('.badge').textContent, r.querySelector('.badge').className, r.cells[1].textContent.replaceAll('\u00a0', ' ')])");
        var api = expected.GetProperty("incidents").EnumerateArray().ToList();
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i][0].ShouldBe(api[i].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture));
            shown[i][1].ShouldBe(api[i].Str("verdict"));
            shown[i][2].ShouldBe(shown[i][1]);
            shown[i][3].ShouldBe($"badge {shown[i][1]}");
            shown[i][4].ShouldBe(ExpectedWhen(api[i]), $"occurred of incident {shown[i][0]}");
        }

        var total = expected.Summary().Values.Sum(c => c.Values.Sum());
        (await page.Locator("#incident-more").InnerTextAsync()).ShouldStartWith($"{Math.Min(Page, total):N0} of {total:N0} incidents shown.");
    }

    [Theory]
    [InlineData("indeterminate")]
    [InlineData("violation")]
    [InlineData("outside-window")]
    public async Task The_verdict_filter_shows_only_incidents_with_that_verdict(string verdict)
    {
        var page = await OpenAsync();
        var first = await page.Locator("article.card").First.GetAttributeAsync("data-agreement");
        var expected = await app.Api.GetJsonAsync($"/api/assessments?agreement={first}&verdict={verdict}&order=verdict&limit={Page}");
        var total = expected.Summary().Values.Sum(c => c[verdict]);

        await page.SelectOptionAsync("#verdict-filter", verdict);
        var shownText = $"{Math.Min(Page, total):N0} of {total:N0} incidents shown.";
        await WaitForAsync(page,
            "([v, text, n]) => document.querySelector('#incident-more').textContent.startsWith(text) && document.querySelectorAll('#incident-rows tr[data-incident]').length === n && [...document.querySelectorAll('#incident-rows tr[data-incident]')].every(r => r.dataset.verdict === v)",
            new object[] { verdict, shownText, expected.GetProperty("incidents").GetArrayLength() });

        var verdicts = await page.EvalOnSelectorAllAsync<string[]>("#incident-rows tr[data-incident]", "rows => rows.map(r => r.dataset.verdict)");
        verdicts.Length.ShouldBe(expected.GetProperty("incidents").GetArrayLength());
        verdicts.ShouldAllBe(v => v == verdict);
        (await page.Locator("#incident-more").InnerTextAsync()).ShouldStartWith(shownText);

        await page.SelectOptionAsync("#verdict-filter", "");
        var all = (await app.Api.GetJsonAsync($"/api/assessments?agreement={first}&limit=0")).Summary().Values.Sum(c => c.Values.Sum());
        await WaitForAsync(page,
            "([text, n]) => document.querySelector('#incident-more').textContent.startsWith(text) && document.querySelectorAll('#incident-rows tr[data-incident]').length === n",
            new object[] { $"{Math.Min(Page, all):N0} of {all:N0} incidents shown.", Math.Min(Page, all) });
    }

    [Fact]
    public async Task Show_more_appends_the_next_page_of_incidents()
    {
        var page = await OpenAsync();
        var first = await page.Locator("article.card").First.GetAttributeAsync("data-agreement");
        var expected = await app.Api.GetJsonAsync($"/api/assessments?agreement={first}&order=verdict&limit={2 * Page}");
        var total = expected.Summary().Values.Sum(c => c.Values.Sum());
        total.ShouldBeGreaterThan(2 * Page, "the real data should fill more than two pages");

        await page.Locator("#incident-more button").ClickAsync();
        await WaitForAsync(page, "n => document.querySelectorAll('#incident-rows tr[data-incident]').length === n", 2 * Page);

        var ids = await page.EvalOnSelectorAllAsync<string[]>("#incident-rows tr[data-incident]", "rows => rows.map(r => r.dataset.incident)");
        ids.ShouldBe([.. expected.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture))]);
        (await page.Locator("#incident-more").InnerTextAsync()).ShouldStartWith($"{2 * Page:N0} of {total:N0} incidents shown.");
    }

    [Fact]
    public async Task Clicking_an_incident_shows_its_trace_and_clicking_again_hides_it()
    {
        var page = await OpenAsync();
        var first = await page.Locator("article.card").First.GetAttributeAsync("data-agreement");
        var row = page.Locator("#incident-rows tr[data-incident]").First;
        var id = long.Parse((await row.GetAttributeAsync("data-incident"))!, CultureInfo.InvariantCulture);
        var incident = (await app.Api.GetJsonAsync($"/api/assessments?agreement={first}&order=verdict&limit={Page}"))
            .GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);

        await row.ClickAsync();
        var trace = page.Locator("#incident-rows tr[data-incident] + tr.trace");
        await trace.WaitForAsync();
        (await page.Locator("#incident-rows tr.trace").CountAsync()).ShouldBe(1);
        var text = await trace.InnerTextAsync();
        text.ShouldContain($"window {incident.GetProperty("trace").GetProperty("window").Str("expected")}: ");
        foreach (var clause in incident.GetProperty("trace").GetProperty("clauses").EnumerateArray())
        {
            text.ShouldContain($"clause {clause.Str("id")}: {clause.Str("outcome")}");
        }

        text.ShouldContain($"reports: {incident.GetProperty("reports")[0].GetString()}");
        await ScreenshotAsync(page, "dashboard-trace.png");

        await row.ClickAsync();
        (await page.Locator("#incident-rows tr.trace").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Choosing_another_agreement_lists_its_incidents()
    {
        var page = await OpenAsync();
        var second = page.Locator("article.card").Nth(1);
        var id = await second.GetAttributeAsync("data-agreement");
        var expected = await app.Api.GetJsonAsync($"/api/assessments?agreement={id}&order=verdict&limit={Page}");

        await second.Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("t => document.querySelector('#incidents-title').textContent === `Incidents under ${t}`", expected.GetProperty("agreement").Str("title"));
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#incident-rows tr[data-incident]').length === n", expected.GetProperty("incidents").GetArrayLength());

        var ids = await page.EvalOnSelectorAllAsync<string[]>("#incident-rows tr[data-incident]", "rows => rows.map(r => r.dataset.incident)");
        ids.ShouldBe([.. expected.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture))]);
        (await second.Locator("button.active").CountAsync()).ShouldBe(1);
        (await page.Locator("article.card button.active").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_page_loads_nothing_from_any_host_but_its_own_and_reports_no_error()
    {
        var browser = app.RequireBrowser();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"response {response.Status}: {response.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };

        await LoadAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        requests.ShouldNotBeEmpty();
        requests.Where(u => new Uri(u).Host != "127.0.0.1").ShouldBeEmpty();
        requests.ShouldContain(u => u.Contains("/api/agreements", StringComparison.Ordinal));
        problems.ShouldBeEmpty();
        (await page.Locator("#error").IsHiddenAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_footer_credits_the_data_sources_and_says_verdicts_are_not_findings_of_fact()
    {
        var page = await OpenAsync();

        var footer = await page.Locator("footer").InnerTextAsync();
        footer.ShouldContain("Ukrainian Air Force");
        footer.ShouldContain("Massive Missile Attacks on Ukraine");
        footer.ShouldContain("Petro Ivaniuk");
        footer.ShouldContain("DeepStateMap");
        footer.ShouldContain("Natural Earth");
        footer.ShouldContain("Ukrainian attacks on Russian infrastructure");
        footer.ShouldContain("not a finding of fact");
        (await page.Locator("footer").IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_dashboard_fits_a_laptop_screen_without_sideways_scrolling()
    {
        var page = await OpenAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        var path = await ScreenshotAsync(page, "dashboard.png");
        File.Copy(path, "/tmp/trucewatch-dashboard.png", overwrite: true);
        new FileInfo(path).Length.ShouldBeGreaterThan(10_000);
    }

    private async Task<IPage> OpenAsync()
    {
        var browser = app.RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await LoadAsync(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    private async Task LoadAsync(IPage page)
    {
        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator("article.card").First.WaitForAsync();
        await page.Locator("#incident-rows tr[data-incident]").First.WaitForAsync();
    }

    /// <summary>Waits for a condition in the page; on timeout fails with what the page shows instead.</summary>
    private static async Task WaitForAsync(IPage page, string expression, object? arg = null)
    {
        try
        {
            await page.WaitForFunctionAsync(expression, arg, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                "() => `more: '${document.querySelector('#incident-more').textContent}', rows: ${document.querySelectorAll('#incident-rows tr[data-incident]').length}, error: '${document.querySelector('#error').textContent}'`");
            Assert.Fail($"The page never satisfied {expression} ({arg}); it shows {state}.");
        }
    }

    private async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(app.ScreenshotDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    /// <summary>What the occurred cell should say: a Kyiv day for day precision, else the clock time with its offset (a range within one day as 23:00–23:59).</summary>
    private static string ExpectedWhen(JsonElement incident)
    {
        if (incident.GetProperty("occurred") is not { ValueKind: JsonValueKind.Object } occurred)
        {
            return "unknown";
        }

        var start = DateTimeOffset.Parse(occurred.Str("start"), CultureInfo.InvariantCulture);
        DateTimeOffset? end = occurred.GetProperty("end").ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(occurred.Str("end"), CultureInfo.InvariantCulture) : null;
        if (occurred.Str("precision") == "day")
        {
            var first = KyivDay(start);
            var last = end is { } e ? KyivDay(e.AddSeconds(-1)) : first;
            return (string.CompareOrdinal(last, first) > 0 ? $"{first} → {last}" : first) + " (Kyiv day)";
        }

        var text = $"{start:yyyy-MM-dd HH:mm}";
        if (end is not { } to || to == start)
        {
            return $"{text} {Zone(start)}";
        }

        return to.Date == start.Date && to.Offset == start.Offset
            ? $"{text}–{to:HH:mm} {Zone(start)}"
            : $"{text} {Zone(start)} → {to:yyyy-MM-dd HH:mm} {Zone(to)}";
    }

    private static string Zone(DateTimeOffset value) => value.Offset == TimeSpan.Zero ? "UTC" : value.ToString("zzz", CultureInfo.InvariantCulture);

    private static string KyivDay(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int ParseCount(string text) => int.Parse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
}
