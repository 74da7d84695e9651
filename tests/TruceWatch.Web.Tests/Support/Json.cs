using System.Net;
using System.Text.Json;

namespace TruceWatch.Web.Tests.Support;

/// <summary>Reading API answers as plain JSON, so the tests check the wire format rather than our own records.</summary>
internal static class Json
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, $"GET {url} answered: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The object's property names in order.</summary>
    public static string[] Keys(this JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    /// <summary>The incidents of an assessment document, by their single report key.</summary>
    public static Dictionary<string, JsonElement> IncidentsByReport(this JsonElement document) =>
        document.GetProperty("incidents").EnumerateArray().ToDictionary(i => i.GetProperty("reports")[0].GetString()!);

    /// <summary>The summary as party → verdict → count.</summary>
    public static Dictionary<string, Dictionary<string, int>> Summary(this JsonElement document) =>
        document.GetProperty("summary").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetInt32()));
}
