using Shouldly;
using Xunit;
using FsCheck;
using FsCheck.Fluent;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Storage.Tests;

/// <summary>
/// The storage suite: every backend must pass it. Each backend subclasses it with a way to open a fresh, empty store
/// (SQLite here; PostgreSQL joins with its backend).
/// </summary>
public abstract class StoreSuite
{
    protected const string Header = CanonicalColumns.Header;

    /// <summary>A fresh, migrated, empty store.</summary>
    protected abstract Task<IReportStore> OpenFreshAsync();

    /// <summary>The same store opened again (a second process, or a restart).</summary>
    protected abstract Task<IReportStore> ReopenAsync();

    private static IEnumerable<ImportItem> Items(string csv) =>
        new CanonicalCsvFormat(WeaponCatalog.Bundled).Read(new StringReader(csv)).ToList();

    private static Task<ImportSummary> Import(IReportStore store, string csv, string file = "test.csv") =>
        store.ImportAsync(new ImportRequest(file, "canonical"), Items(csv), cancellationToken: TestContext.Current.CancellationToken);

    private static async Task<List<StoredReport>> All(IReportStore store, ReportQuery? query = null)
    {
        var list = new List<StoredReport>();
        await foreach (var r in store.ReportsAsync(query ?? ReportQuery.All, TestContext.Current.CancellationToken))
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_the_second_time()
    {
        await using var store = await OpenFreshAsync();
        var csv = File.ReadAllText(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv"));

        var first = await Import(store, csv);
        var second = await Import(store, csv);

        first.Accepted.ShouldBe(67);
        second.Accepted.ShouldBe(0);
        second.Duplicates.ShouldBe(67);
        (await store.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(67);
    }

    [Fact]
    public async Task A_stored_report_reads_back_with_every_field_and_unknowns_kept_unknown()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\n" +
            "ua-airforce,a1,2025-03-20T09:00:00+02:00,2025-03-20T03:10:00+02:00,2025-03-20T03:40:00+02:00,RU,air,missile.cruise,Kh-101,6,5,0,UA,UA-63,Kharkiv,49.99,36.23,energy.grid.substation;civilian.residential,0,3,Substation hit\n" +
            "media,a2,,2025-03-21,,,,,Shahed-136,,,,,,,,,,,,\n";
        var parsed = Items(csv).Cast<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();

        await Import(store, csv);
        var stored = await All(store);

        stored.Count.ShouldBe(2);
        AssertSame(stored[0].Report, parsed[0]);
        AssertSame(stored[1].Report, parsed[1]);
        stored[0].Report.Counts.Hits.ShouldBe(0);
        stored[1].Report.Counts.Hits.ShouldBeNull();
        stored[1].Report.Perpetrator.ShouldBeNull();
        stored[1].Report.MeansInferred.ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_rows_are_quarantined_once_with_line_and_reason_and_good_rows_go_in()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\n" +
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n" +
            "s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\n" +
            "s,3,,2025-03-22,,UA,,,,,,,,,,,,,,,\n";

        var first = await Import(store, csv, "night.csv");
        var second = await Import(store, csv, "night.csv");
        var quarantine = await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken);

        first.Accepted.ShouldBe(2);
        first.Quarantined.ShouldBe(1);
        second.Accepted.ShouldBe(0);
        var entry = quarantine.ShouldHaveSingleItem();
        entry.Line.ShouldBe(3);
        entry.FileName.ShouldBe("night.csv");
        entry.Reason.ShouldContain("2025-02-30");
        entry.Payload.ShouldBe("s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,");
    }

    [Fact]
    public async Task Reports_are_selected_by_the_period_their_possible_time_overlaps()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\n" +
            "s,before,,2025-03-16T12:00:00+02:00,,RU,,,,,,,,,,,,,,,\n" +
            "s,day,,2025-03-17,,RU,,,,,,,,,,,,,,,\n" +
            "s,inside,,2025-03-18T12:00:00+02:00,,RU,,,,,,,,,,,,,,,\n" +
            "s,after,,2025-03-20T12:00:00+02:00,,RU,,,,,,,,,,,,,,,\n" +
            "s,unknown,,,,RU,,,,,,,,,,,,,,,\n";
        await Import(store, csv);

        var from = new DateTimeOffset(2025, 3, 17, 18, 0, 0, TimeSpan.FromHours(2));
        var to = new DateTimeOffset(2025, 3, 19, 0, 0, 0, TimeSpan.FromHours(2));
        var selected = await All(store, new ReportQuery(from, to));
        var all = await All(store);

        selected.Select(r => r.Report.Key.SourceRecordId).ShouldBe(["day", "inside"]);
        all.Select(r => r.Report.Key.SourceRecordId).ShouldBe(["before", "day", "inside", "after", "unknown"]);
    }

    [Fact]
    public async Task Migrations_apply_once_and_a_reopened_store_keeps_its_reports()
    {
        await using (var store = await OpenFreshAsync())
        {
            await Import(store, Header + "\ns,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n");
        }

        await using var again = await ReopenAsync();
        await again.MigrateAsync(TestContext.Current.CancellationToken);

        (await again.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Import_is_idempotent_for_any_sequence_of_rows_and_repeats()
    {
        var rows = Gen.Elements(
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,",
            "s,2,,2025-03-21T01:00:00+02:00,,UA,air,missile,,1,,,,,,,,energy,,,",
            "t,1,,2025-03-20,,RU,,,Kalibr,,,,,,,,,,,,",
            "s,,,2025-03-22,,RU,,,,,,,,,,,,,,,",
            "s,bad,,2025-13-01,,RU,,,,,,,,,,,,,,,",
            "s,3,,,,,,,,,,,,,,,,civilian.residential,,,");
        var files = Gen.NonEmptyListOf(Gen.ListOf(rows)).Select(f => f.Select(r => Header + "\n" + string.Join("\n", r) + "\n").ToList());

        await using var store = await OpenFreshAsync();
        var cases = files.Sample(12, 8);
        foreach (var batch in cases)
        {
            await using var fresh = await OpenFreshAsync();
            foreach (var csv in batch)
            {
                await Import(fresh, csv);
            }

            var once = (await All(fresh)).Select(r => r.Report.Key).ToHashSet();
            foreach (var csv in batch)
            {
                await Import(fresh, csv);
            }

            var twice = (await All(fresh)).Select(r => r.Report.Key).ToList();
            twice.Count.ShouldBe(once.Count);
            twice.ToHashSet().SetEquals(once).ShouldBeTrue();
            var expected = batch.SelectMany(Items).OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Key).ToHashSet();
            once.SetEquals(expected).ShouldBeTrue();
        }
    }

    private static void AssertSame(Report actual, Report expected)
    {
        actual.Key.ShouldBe(expected.Key);
        actual.ReportedAt.ShouldBe(expected.ReportedAt);
        actual.Time.Start.ShouldBe(expected.Time.Start);
        actual.Time.End.ShouldBe(expected.Time.End);
        actual.Time.Precision.ShouldBe(expected.Time.Precision);
        actual.Time.Latest.ShouldBe(expected.Time.Latest);
        actual.Perpetrator.ShouldBe(expected.Perpetrator);
        actual.Domain.ShouldBe(expected.Domain);
        actual.Means.ShouldBe(expected.Means);
        actual.MeansInferred.ShouldBe(expected.MeansInferred);
        actual.Weapon.ShouldBe(expected.Weapon);
        actual.Counts.ShouldBe(expected.Counts);
        actual.Place.ShouldBe(expected.Place);
        actual.Targets.ShouldBe(expected.Targets);
        actual.Harm.ShouldBe(expected.Harm);
        actual.Description.ShouldBe(expected.Description);
    }
}

/// <summary>The storage suite on a SQLite file in a temporary folder.</summary>
public sealed class SqliteStoreTests : StoreSuite, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trucewatch-store-").FullName;
    private string _path = "";

    protected override async Task<IReportStore> OpenFreshAsync()
    {
        _path = Path.Combine(_dir, $"{Guid.NewGuid():N}.db");
        return await StoreFactory.OpenAsync(_path, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    protected override Task<IReportStore> ReopenAsync() => StoreFactory.OpenAsync(_path, TimeProvider.System, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_postgres_connection_string_is_refused_with_a_clear_message_until_that_backend_exists()
    {
        var error = await Should.ThrowAsync<NotSupportedException>(() => StoreFactory.OpenAsync("Host=127.0.0.1;Database=x", TimeProvider.System, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("PostgreSQL");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the OS to clean; it is in the temp folder.
        }
    }
}
