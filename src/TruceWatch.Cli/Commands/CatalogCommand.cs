using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Storage;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch catalog unknown</c>: the weapon names stored reports carry that the weapon catalog does not know, most frequent first.</summary>
internal static class CatalogCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var unknown = new Command("unknown", "List weapon names in the store the catalog does not know (add them to Ingest/Catalog/weapons.csv).") { db };
        unknown.SetAction((parse, cancellationToken) => UnknownAsync(parse.GetValue(db)!, cancellationToken));
        return new Command("catalog", "The weapon catalog: what it is missing.") { unknown };
    }

    private static async Task<int> UnknownAsync(string db, CancellationToken cancellationToken)
    {
        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, (int Reports, string? Means)>(StringComparer.Ordinal);
        await foreach (var stored in store.ReportsAsync(ReportQuery.All, cancellationToken).ConfigureAwait(false))
        {
            if (stored.Report.Weapon is { Length: > 0 } weapon && WeaponCatalog.Bundled.InferMeans(weapon) is null)
            {
                counts[weapon] = (counts.GetValueOrDefault(weapon).Reports + 1, stored.Report.Means?.Value);
            }
        }

        var table = new Table().AddColumns("weapon as reported", "reports", "means stored");
        foreach (var (weapon, (reports, means)) in counts.OrderByDescending(kv => kv.Value.Reports).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(weapon), reports.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(means ?? "unknown"));
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"{counts.Count} weapon name(s) the catalog does not know, in {counts.Values.Sum(c => c.Reports):N0} report(s)");
        return 0;
    }
}
