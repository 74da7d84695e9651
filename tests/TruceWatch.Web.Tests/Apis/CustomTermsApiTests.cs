using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

/// <summary>The API over an agreements folder of our own: one terms file with a live exception, one that does not parse.</summary>
public sealed class CustomTermsApiTests : IAsyncLifetime
{
    private const string AirStrikesExceptOnMilitary = """
        id: no-air-strikes-except-military
        version: 2
        title: No air strikes except on military targets
        status: proposed
        parties: [UA, RU]
        window: { start: 2025-03-05T00:00:00+02:00, duration: P30D }
        clauses:
          - id: no-air-strikes
            binds: all
            prohibits: { domain: [air] }
            except:
              - target: [military]
        """;

    private readonly TempFolder _folder = new();
    private ApiFactory? _factory;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var agreements = Directory.CreateDirectory(_folder.File("agreements")).FullName;
        await File.WriteAllTextAsync(Path.Combine(agreements, "air.yaml"), AirStrikesExceptOnMilitary, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(agreements, "broken.yaml"), "id: broken\nclauses: [\n", TestContext.Current.CancellationToken);
        var db = _folder.File("precise.db");
        await TestStore.ImportTextAsync(db, "precise.csv", "canonical", PreciseReports.Csv, TestContext.Current.CancellationToken);
        _factory = new ApiFactory(db, agreements);
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task A_terms_file_that_does_not_parse_is_listed_as_invalid_with_its_errors()
    {
        var list = await _client.GetJsonAsync("/api/agreements");

        list.GetProperty("agreements").EnumerateArray().Select(a => a.Str("id")).ShouldBe(["no-air-strikes-except-military"]);
        var invalid = list.GetProperty("invalid").EnumerateArray().ShouldHaveSingleItem();
        invalid.Keys().ShouldBe(["file", "errors"]);
        invalid.Str("file").ShouldBe("broken.yaml");
        invalid.GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_strike_on_an_airbase_is_permitted_where_the_terms_except_military_targets()
    {
        var document = await _client.GetJsonAsync("/api/assessments?agreement=no-air-strikes-except-military");

        var airbase = document.IncidentsByReport()[PreciseReports.Airbase];
        airbase.Str("verdict").ShouldBe("permitted");
        airbase.GetProperty("trace").Str("reason").ShouldBe("permitted: excepted under no-air-strikes");
        document.GetProperty("agreement").GetProperty("version").GetInt32().ShouldBe(2);
        document.Summary()["RU"]["permitted"].ShouldBe(1);
        document.IncidentsByReport()[PreciseReports.Substation].Str("verdict").ShouldBe("violation");
        var exception = airbase.GetProperty("trace").GetProperty("clauses")[0].GetProperty("exceptions")[0];
        exception.Keys().ShouldBe(["index", "value", "conditions"]);
        exception.Str("value").ShouldBe("true");
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _folder.Dispose();
    }
}
