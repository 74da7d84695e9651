using System.Data.Common;
using Shouldly;
using Xunit;
using FsCheck;
using FsCheck.Fluent;
using TruceWatch.Core.Ledger;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage.Tests;

/// <summary>
/// The storage suite: every backend must pass it. Each backend subclasses it with a way to open a fresh, empty store
/// (<see cref="SqliteStoreTests"/> here, <see cref="PostgresStoreTests"/> against the server <c>TRUCEWATCH_TEST_PG</c> names).
/// </summary>
public abstract partial class StoreSuite
{
    protected const string Header = CanonicalColumns.Header;

    /// <summary>A fresh, migrated, empty store.</summary>
    protected abstract Task<IReportStore> OpenFreshAsync();

    /// <summary>The same store opened again (a second process, or a restart).</summary>
    protected abstract Task<IReportStore> ReopenAsync();

    /// <summary>Runs SQL on the store's database directly, as anyone with access to it could.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Where a fresh, empty store of this backend could be (nothing is created there yet, or only an empty database).</summary>
    protected abstract Task<string> FreshLocationAsync();

    /// <summary>The location of the store <see cref="OpenFreshAsync"/> last opened.</summary>
    protected abstract string Location { get; }

    /// <summary>A folder for backup files, removed after the test.</summary>
    protected string Scratch { get; } = Directory.CreateTempSubdirectory("trucewatch-backup-").FullName;

    /// <summary>Removes <see cref="Scratch"/>; each backend's dispose calls it.</summary>
    protected void DeleteScratch()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; it is in the temp folder.
        }
    }

    /// <summary>What an attacker with access to the database does first: switch off the triggers that keep the ledger append-only.</summary>
    protected abstract Task DisableLedgerTriggersAsync();

    protected static IEnumerable<ImportItem> Items(string csv) =>
        new CanonicalCsvFormat(WeaponCatalog.Bundled).Read(new StringReader(csv)).ToList();

    protected static Task<ImportSummary> Import(IReportStore store, string csv, string file = "test.csv") =>
        store.ImportAsync(new ImportRequest(file, "canonical"), Items(csv), cancellationToken: TestContext.Current.CancellationToken);

    protected static async Task<List<StoredReport>> All(IReportStore store, ReportQuery? query = null)
    {
        var list = new List<StoredReport>();
        await foreach (var r in store.ReportsAsync(query ?? ReportQuery.All, TestContext.Current.CancellationToken))
        {
            list.Add(r);
        }

        return list;
    }

    protected static async Task<List<LedgerEvent>> Ledger(IReportStore store)
    {
        var list = new List<LedgerEvent>();
        await foreach (var e in store.LedgerAsync(TestContext.Current.CancellationToken))
        {
            list.Add(e);
        }

        return list;
    }

    protected static Task<LedgerVerification> Verify(IReportStore store) => store.VerifyLedgerAsync(TestContext.Current.CancellationToken);

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
            var ledger = await Ledger(fresh);
            (await Verify(fresh)).Verified.ShouldBe(ledger.Count);
            ReportsNamed(ledger).Count.ShouldBe(once.Count);
            ReportsNamed(ledger).Select(r => r.Key).ToHashSet().SetEquals(once.Select(k => k.ToString())).ShouldBeTrue();
            ledger.Count(e => e.Kind == "import").ShouldBe(batch.Count * 2);
        }
    }

    [Fact]
    public async Task Two_importers_of_the_same_file_at_once_store_it_exactly_once()
    {
        const int rows = 100_000;
        var csv = Generated(rows);
        await using var first = await OpenFreshAsync();
        await using var second = await ReopenAsync();

        // Task.Run: an import may run synchronously up to its first real wait, which would serialise the two.
        var results = await Task.WhenAll(Task.Run(() => Import(first, csv)), Task.Run(() => Import(second, csv)));

        (results[0].Accepted + results[1].Accepted).ShouldBe(rows);
        (results[0].Duplicates + results[1].Duplicates).ShouldBe(rows);
        (await first.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(rows);
        (await All(second)).Select(r => r.Report.Key).Distinct().Count().ShouldBe(rows);
        (await Verify(first)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_reopened_store_keeps_every_field_and_its_quarantine_and_a_rerun_adds_only_what_is_missing()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv"));
        var full = string.Join("\n", lines) + "\ns,bad,,2025-02-30,,RU,,,,,,,,,,,,,,,\n";
        var half = string.Join("\n", lines.Take(34)) + "\n";
        List<StoredReport> before;
        await using (var store = await OpenFreshAsync())
        {
            await Import(store, half);
            await Import(store, full);
            before = await All(store);
        }

        await using var again = await ReopenAsync();
        var after = await All(again);
        var rerun = await Import(again, full);

        after.Count.ShouldBe(67);
        after.Select(r => r.Id).ShouldBe(before.Select(r => r.Id));
        for (var i = 0; i < after.Count; i++)
        {
            AssertSame(after[i].Report, before[i].Report);
        }

        (await again.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Line.ShouldBe(69);
        rerun.Accepted.ShouldBe(0);
        rerun.Duplicates.ShouldBe(67);
        (await again.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(67);
    }

    [Fact]
    public async Task A_run_stopped_after_a_batch_is_completed_by_running_the_whole_file_again()
    {
        await using var store = await OpenFreshAsync();
        var all = Items(Generated(30_000)).ToList();

        // A crash after the first commit leaves exactly the first batch stored.
        await store.ImportAsync(new ImportRequest("big.csv", "canonical"), all.Take(25_000), cancellationToken: TestContext.Current.CancellationToken);
        var rerun = await store.ImportAsync(new ImportRequest("big.csv", "canonical"), all, cancellationToken: TestContext.Current.CancellationToken);

        rerun.Accepted.ShouldBe(5_000);
        rerun.Duplicates.ShouldBe(25_000);
        (await store.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(30_000);
    }

    [Fact]
    public async Task Progress_is_reported_after_every_committed_batch_and_at_the_end()
    {
        await using var store = await OpenFreshAsync();
        var csv = Generated(50_000) + "gen,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\ns,bad,,2025-13-01,,RU,,,,,,,,,,,,,,,\n";
        var progress = new Recorder();

        var summary = await store.ImportAsync(new ImportRequest("big.csv", "canonical"), Items(csv), progress, TestContext.Current.CancellationToken);

        progress.Reports.ShouldBe(
        [
            new ImportProgress(25_000, 25_000, 0, 0),
            new ImportProgress(50_000, 50_000, 0, 0),
            new ImportProgress(50_002, 50_000, 1, 1),
        ]);
        (summary.Accepted, summary.Duplicates, summary.Quarantined).ShouldBe((50_000L, 1L, 1L));
    }

    [Fact]
    public async Task A_key_repeated_within_one_file_is_a_duplicate_and_its_first_row_is_kept()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\n" +
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,first\n" +
            "s,2,,2025-03-20,,RU,,,,,,,,,,,,,,,\n" +
            "s,1,,2025-03-21,,UA,,,,,,,,,,,,,,,second\n";

        var summary = await Import(store, csv);
        var stored = await All(store);

        (summary.Accepted, summary.Duplicates).ShouldBe((2L, 1L));
        stored.Select(r => r.Report.Key.SourceRecordId).ShouldBe(["1", "2"]);
        stored[0].Report.Description.ShouldBe("first");
        stored[0].Id.ShouldBeLessThan(stored[1].Id);
    }

    [Fact]
    public async Task Times_finer_than_a_microsecond_read_back_and_bound_queries_exactly()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\n" +
            "s,fine,2025-03-20T04:00:00.1234567Z,2025-03-20T03:10:00.0000001+02:00,2025-03-20T03:10:05.9999999+02:00,RU,,,,,,,,,,,,,,,\n" +
            "s,day,,2025-03-29,,RU,,,,,,,,,,,,,,,\n";
        var parsed = Items(csv).Cast<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();
        await Import(store, csv);

        var stored = await All(store);
        var day = parsed[1].Time.Latest!.Value;
        var fineStart = parsed[0].Time.Start!.Value;

        AssertSame(stored[0].Report, parsed[0]);
        AssertSame(stored[1].Report, parsed[1]);
        day.Ticks.ShouldNotBe(day.Ticks / 10 * 10, "the test needs a latest moment between microseconds");
        (await All(store, new ReportQuery(day, null))).Select(r => r.Report.Key.SourceRecordId).ShouldBe(["day"]);
        (await All(store, new ReportQuery(day.AddTicks(1), null))).ShouldBeEmpty();
        (await All(store, new ReportQuery(null, fineStart))).ShouldBeEmpty();
        (await All(store, new ReportQuery(null, fineStart.AddTicks(1)))).Select(r => r.Report.Key.SourceRecordId).ShouldBe(["fine"]);
    }

    [Fact]
    public async Task Each_import_appends_its_start_its_new_reports_and_quarantined_rows_and_its_end_to_a_chain_that_verifies()
    {
        await using var store = await OpenFreshAsync();
        var real = File.ReadAllText(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv"));
        var night = Header + "\n" +
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n" +
            "s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\n" +
            "s,3,,2025-03-22,,UA,,,,,,,,,,,,,,,\n";

        var first = await Import(store, real, "reports.csv");
        var second = await Import(store, night, "night.csv");
        var ledger = await Ledger(store);
        var verification = await Verify(store);

        ledger.Select(e => e.Kind).ShouldBe([
            "import", "reports", "import.finished",
            "import", "reports", "quarantine", "reports", "import.finished"]);
        ledger.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, ledger.Count).Select(i => (long)i));
        verification.IsIntact.ShouldBeTrue(verification.Reason);
        verification.Verified.ShouldBe(ledger.Count);
        verification.HeadHash.ShouldBe(ledger[^1].Hash);

        ledger[0].Subject.ShouldBe($"import:{first.ImportId}");
        ledger[0].Payload.ShouldBe("{\"file\":\"reports.csv\",\"format\":\"canonical\"}");
        var reports = await All(store);
        var rows = real.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        ledger[1].Subject.ShouldBe($"import:{first.ImportId}:lines:2-68");
        var named = ReportsNamed([ledger[1]]);
        named.Select(r => r.Line).ShouldBe(Enumerable.Range(2, 67).Select(i => (long)i));
        named.Select(r => r.Key).Order().ShouldBe(reports.Where(r => r.Id <= 67).Select(r => r.Report.Key.ToString()).Order());
        named.ShouldAllBe(r => r.PayloadSha256 == Sha256(rows[r.Line - 1]));
        ledger[1].Payload.ShouldStartWith($"{{\"import\":{first.ImportId},\"reports\":[{{\"key\":\"{named[0].Key}\",\"line\":2,\"payload_sha256\":\"{Sha256(rows[1])}\"}},");
        ledger[2].Payload.ShouldBe("{\"rows\":67,\"accepted\":67,\"duplicates\":0,\"quarantined\":0}");
        ledger[4].Subject.ShouldBe($"import:{second.ImportId}:lines:2-2");
        ledger[6].Subject.ShouldBe($"import:{second.ImportId}:lines:4-4");
        ReportsNamed([ledger[6]]).Single().Key.ShouldBe("s:3");
        var quarantined = ledger.Single(e => e.Kind == "quarantine");
        quarantined.Subject.ShouldBe($"import:{second.ImportId}:line:3");
        quarantined.Payload.ShouldContain("2025-02-30");
        quarantined.Payload.ShouldContain(Sha256("s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,"));
        ledger[^1].Payload.ShouldBe("{\"rows\":3,\"accepted\":2,\"duplicates\":0,\"quarantined\":1}");
    }

    [Fact]
    public async Task A_reimport_appends_only_its_start_and_its_end()
    {
        await using var store = await OpenFreshAsync();
        var csv = string.Join("\n", File.ReadAllLines(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv"))) +
            "\ns,bad,,2025-02-30,,RU,,,,,,,,,,,,,,,\n";
        await Import(store, csv);
        var before = (await Ledger(store)).Count;

        var again = await Import(store, csv);
        var after = await Ledger(store);

        before.ShouldBe(1 + 1 + 1 + 1);
        after.Skip(before).Select(e => (e.Kind, e.Subject)).ShouldBe([("import", $"import:{again.ImportId}"), ("import.finished", $"import:{again.ImportId}")]);
        (await Verify(store)).Verified.ShouldBe(before + 2);
    }

    [Theory]
    [InlineData("UPDATE ledger SET payload = 'x' WHERE sequence = 2")]
    [InlineData("DELETE FROM ledger WHERE sequence = 2")]
    [InlineData("DELETE FROM ledger")]
    public async Task The_schema_refuses_to_change_or_delete_ledger_entries(string sql)
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Header + "\ns,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n");

        var error = await Should.ThrowAsync<DbException>(() => ExecuteSqlAsync(sql));

        error.Message.ShouldContain("append-only");
        (await Verify(store)).Verified.ShouldBe(3);
    }

    [Fact]
    public async Task A_long_import_names_every_stored_report_once_in_entries_of_at_most_a_thousand_in_file_order()
    {
        await using var store = await OpenFreshAsync();
        var rows = Generated(2_500).Split('\n');
        rows[1001] = "s,bad,,2025-02-30,,RU,,,,,,,,,,,,,,,";
        var result = await Import(store, string.Join('\n', rows));

        var ledger = await Ledger(store);

        ledger.Select(e => e.Kind).ShouldBe(["import", "reports", "quarantine", "reports", "reports", "import.finished"]);
        ledger.Where(e => e.Kind == "reports").Select(e => e.Subject).ShouldBe(
            new[] { "2-1001", "1003-2002", "2003-2501" }.Select(lines => $"import:{result.ImportId}:lines:{lines}"));
        var named = ReportsNamed(ledger);
        named.Count.ShouldBe(2_499);
        named.Select(r => r.Line).ShouldBe(Enumerable.Range(2, 2_500).Where(l => l != 1002).Select(l => (long)l));
        (await Verify(store)).IsIntact.ShouldBeTrue();
    }

    public static TheoryData<string, string[], long> Tampering => new()
    {
        { "payload changed", ["UPDATE ledger SET payload = '{\"import\":1,\"line\":5,\"payload_sha256\":\"0\"}' WHERE sequence = 5"], 5 },
        { "subject changed", ["UPDATE ledger SET subject = 's:99' WHERE sequence = 5"], 5 },
        { "time changed", ["UPDATE ledger SET at_text = '2020-01-01T00:00:00.0000000Z' WHERE sequence = 5"], 5 },
        { "time unreadable", ["UPDATE ledger SET at_text = 'yesterday' WHERE sequence = 5"], 5 },
        { "entry deleted", ["DELETE FROM ledger WHERE sequence = 5"], 6 },
        { "entries swapped", ["UPDATE ledger SET sequence = -1 WHERE sequence = 5", "UPDATE ledger SET sequence = 5 WHERE sequence = 8", "UPDATE ledger SET sequence = 8 WHERE sequence = -1"], 5 },
        { "entry rehashed", ["UPDATE ledger SET payload = 'x', hash = 'f' || substr(hash, 2) WHERE sequence = 5"], 5 },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Tampering_with_the_ledger_behind_the_triggers_is_found_at_the_first_entry_affected(string what, string[] edits, long brokenAt)
    {
        await using var store = await OpenFreshAsync();
        // Four imports with a quarantined row each: import, reports, quarantine, reports, import.finished, i.e. 20 entries.
        for (var i = 0; i < 4; i++)
        {
            await Import(store, Generated(4, from: i * 4).Replace($"gen,{(i * 4) + 1},", $"gen,{(i * 4) + 1},,bad-time,", StringComparison.Ordinal));
        }

        (await Verify(store)).Verified.ShouldBe(20);

        await DisableLedgerTriggersAsync();
        foreach (var sql in edits)
        {
            await ExecuteSqlAsync(sql);
        }

        var result = await Verify(store);

        result.IsIntact.ShouldBeFalse(what);
        result.BrokenAt.ShouldBe(brokenAt, what);
        result.Verified.ShouldBe(4, what);
        result.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Two_importers_at_once_append_to_one_chain_that_verifies()
    {
        const int rows = 30_000;
        var csv = Generated(rows);
        await using var first = await OpenFreshAsync();
        await using var second = await ReopenAsync();

        var results = await Task.WhenAll(Task.Run(() => Import(first, csv, "a.csv")), Task.Run(() => Import(second, csv, "b.csv")));
        var ledger = await Ledger(first);
        var verification = await Verify(second);

        verification.IsIntact.ShouldBeTrue(verification.Reason);
        verification.Verified.ShouldBe(ledger.Count);
        ReportsNamed(ledger).Select(r => r.Key).Order().ShouldBe(Enumerable.Range(0, rows).Select(i => $"gen:{i}").Order());
        ledger.Where(e => e.Kind == "import").Select(e => e.Subject).Order().ShouldBe(results.Select(r => $"import:{r.ImportId}").Order());
        ledger.Count(e => e.Kind == "import.finished").ShouldBe(2);
        ledger[^1].Kind.ShouldBe("import.finished");
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_store_answers_every_query_as_the_store_did_when_it_was_taken()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, File.ReadAllText(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv")), "reports.csv");
        await Import(store, Header + "\ns,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\ns,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\n", "night.csv");
        var reports = await All(store);
        var window = await All(store, new ReportQuery(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)));
        var quarantine = await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken);
        var ledger = await Ledger(store);
        var file = Path.Combine(Scratch, "store.backup");

        var backup = await Backup.StoreBackup.BackupAsync(Location, file, TimeProvider.System, TestContext.Current.CancellationToken);
        await Import(store, Generated(5), "after.csv");
        var target = await FreshLocationAsync();
        var restored = await Backup.StoreBackup.RestoreAsync(file, target, replace: false, TimeProvider.System, TestContext.Current.CancellationToken);
        await using var copy = await StoreFactory.OpenAsync(target, TimeProvider.System, TestContext.Current.CancellationToken);

        backup.Reports.ShouldBe(68);
        backup.LedgerEntries.ShouldBe(ledger.Count);
        restored.LedgerHead.ShouldBe(ledger[^1].Hash);
        var again = await All(copy);
        again.Select(r => r.Id).ShouldBe(reports.Select(r => r.Id));
        for (var i = 0; i < reports.Count; i++)
        {
            AssertSame(again[i].Report, reports[i].Report);
        }

        (await All(copy, new ReportQuery(new DateTimeOffset(2025, 3, 18, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero))))
            .Select(r => r.Id).ShouldBe(window.Select(r => r.Id));
        (await copy.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldBe(quarantine);
        (await Ledger(copy)).ShouldBe(ledger);
        (await Verify(copy)).IsIntact.ShouldBeTrue();

        // The restored store goes on: the next import continues its ids and its chain.
        var next = await Import(copy, Generated(3), "next.csv");
        next.Accepted.ShouldBe(3);
        (await Verify(copy)).Verified.ShouldBe(ledger.Count + 3);
    }

    [Fact]
    public async Task A_restore_refuses_a_store_that_holds_data_unless_told_to_replace_it_and_a_backup_never_overwrites_a_file()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(4));
        var file = Path.Combine(Scratch, "one.backup");
        await Backup.StoreBackup.BackupAsync(Location, file, TimeProvider.System, TestContext.Current.CancellationToken);
        await Import(store, Generated(2, from: 100));

        var overwrite = await Should.ThrowAsync<Backup.BackupException>(() =>
            Backup.StoreBackup.BackupAsync(Location, file, TimeProvider.System, TestContext.Current.CancellationToken));
        var refused = await Should.ThrowAsync<Backup.BackupException>(() =>
            Backup.StoreBackup.RestoreAsync(file, Location, replace: false, TimeProvider.System, TestContext.Current.CancellationToken));
        (await store.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(6);
        var replaced = await Backup.StoreBackup.RestoreAsync(file, Location, replace: true, TimeProvider.System, TestContext.Current.CancellationToken);

        overwrite.Message.ShouldContain("already exists");
        refused.Message.ShouldContain("already holds");
        refused.Message.ShouldContain("--replace");
        replaced.Reports.ShouldBe(4);
        await using var reopened = await ReopenAsync();
        (await reopened.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(4);
        (await Verify(reopened)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_that_is_no_backup_is_refused_with_what_it_is()
    {
        var file = Path.Combine(Scratch, "notes.txt");
        await File.WriteAllTextAsync(file, "not a backup", TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<Backup.BackupException>(() =>
            Backup.StoreBackup.RestoreAsync(file, Path.Combine(Scratch, "x.db"), replace: false, TimeProvider.System, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("neither a SQLite backup nor a pg_dump");
    }

    [Fact]
    public async Task A_decision_on_a_quarantined_row_lands_at_the_version_it_names_and_goes_to_the_ledger()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Header + "\ns,1,,2025-02-30,,RU,,,,,,,,,,,,,,,\ns,2,,2025-02-31,,RU,,,,,,,,,,,,,,,\n");
        var row = (await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).First();
        var entries = (await Ledger(store)).Count;

        var result = await store.DecideQuarantineAsync(row.Id, 1, new(QuarantineStatus.Dismissed, "analyst-1", "the source's typo; the strike is in row 7"), TestContext.Current.CancellationToken);

        var updated = result.ShouldBeOfType<EditResult<QuarantineEntry>.Updated>().Value;
        updated.Version.ShouldBe(2);
        updated.Status.ShouldBe(QuarantineStatus.Dismissed);
        updated.DecidedBy.ShouldBe("analyst-1");
        updated.DecidedAt.ShouldNotBeNull();
        (await store.QuarantinedRowAsync(row.Id, TestContext.Current.CancellationToken)).ShouldBe(updated);
        (await store.QuarantineAsync(QuarantineStatus.Open, cancellationToken: TestContext.Current.CancellationToken)).Count.ShouldBe(1);
        (await store.QuarantineAsync(QuarantineStatus.Dismissed, cancellationToken: TestContext.Current.CancellationToken)).ShouldBe([updated]);
        var ledger = await Ledger(store);
        ledger.Count.ShouldBe(entries + 1);
        ledger[^1].Kind.ShouldBe("quarantine.decision");
        ledger[^1].Subject.ShouldBe($"quarantine:{row.Id}");
        ledger[^1].Payload.ShouldBe("{\"version\":2,\"status\":\"dismissed\",\"by\":\"analyst-1\",\"note\":\"the source's typo; the strike is in row 7\"}");
        (await Verify(store)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_stale_decision_gets_a_conflict_with_the_row_as_it_now_is_and_changes_nothing()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Header + "\ns,1,,2025-02-30,,RU,,,,,,,,,,,,,,,\n");
        var row = (await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).Single();
        await store.DecideQuarantineAsync(row.Id, 1, new(QuarantineStatus.Dismissed, "a", "not a report"), TestContext.Current.CancellationToken);
        var entries = (await Ledger(store)).Count;

        var stale = await store.DecideQuarantineAsync(row.Id, 1, new(QuarantineStatus.Corrected, "b", "fixed upstream"), TestContext.Current.CancellationToken);
        var missing = await store.DecideQuarantineAsync(row.Id + 1000, 1, new(QuarantineStatus.Dismissed, "b", "x"), TestContext.Current.CancellationToken);

        var conflict = stale.ShouldBeOfType<EditResult<QuarantineEntry>.Conflict>();
        conflict.ExpectedVersion.ShouldBe(1);
        conflict.Current.Version.ShouldBe(2);
        conflict.Current.Status.ShouldBe(QuarantineStatus.Dismissed);
        conflict.Current.DecidedBy.ShouldBe("a");
        missing.ShouldBeOfType<EditResult<QuarantineEntry>.NotFound>().Id.ShouldBe(row.Id + 1000);
        (await store.QuarantinedRowAsync(row.Id, TestContext.Current.CancellationToken))!.Status.ShouldBe(QuarantineStatus.Dismissed);
        (await Ledger(store)).Count.ShouldBe(entries);
    }

    [Fact]
    public async Task Of_two_reviewers_deciding_the_same_version_at_once_exactly_one_lands()
    {
        await using var store = await OpenFreshAsync();
        await using var other = await ReopenAsync();
        await Import(store, Header + "\ns,1,,2025-02-30,,RU,,,,,,,,,,,,,,,\n");
        var row = (await store.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).Single();

        var results = await Task.WhenAll(
            Task.Run(() => store.DecideQuarantineAsync(row.Id, 1, new(QuarantineStatus.Dismissed, "a", "junk"), TestContext.Current.CancellationToken)),
            Task.Run(() => other.DecideQuarantineAsync(row.Id, 1, new(QuarantineStatus.Corrected, "b", "fixed"), TestContext.Current.CancellationToken)));

        results.Count(r => r is EditResult<QuarantineEntry>.Updated).ShouldBe(1);
        results.Count(r => r is EditResult<QuarantineEntry>.Conflict).ShouldBe(1);
        var final = await store.QuarantinedRowAsync(row.Id, TestContext.Current.CancellationToken);
        final!.Version.ShouldBe(2);
        (await Ledger(store)).Count(e => e.Kind == "quarantine.decision").ShouldBe(1);
        (await Verify(store)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_report_comes_back_with_its_import_line_and_verbatim_row()
    {
        await using var store = await OpenFreshAsync();
        var csv = Header + "\ns,1,,2025-03-20,,RU,,,,,,,UA,UA-63,\"Kharkiv, ТЕЦ-5\",49.99,36.23,energy.grid,,,\n";
        var summary = await Import(store, csv, "night.csv");
        var id = (await All(store)).Single().Id;

        var p = (await store.ReportAsync(id, TestContext.Current.CancellationToken))!;

        p.Stored.Report.Key.ShouldBe(new ReportKey("s", "1"));
        p.ImportId.ShouldBe(summary.ImportId);
        p.FileName.ShouldBe("night.csv");
        p.Format.ShouldBe("canonical");
        p.Line.ShouldBe(2);
        p.Payload.ShouldBe("s,1,,2025-03-20,,RU,,,,,,,UA,UA-63,\"Kharkiv, ТЕЦ-5\",49.99,36.23,energy.grid,,,");
        p.PayloadSha256.ShouldBe(Sha256(p.Payload));
        (await store.ReportAsync(id + 1000, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    /// <summary>A canonical file of <paramref name="rows"/> distinct reports, with points, targets and counts.</summary>
    protected static string Generated(int rows, int from = 0)
    {
        var text = new System.Text.StringBuilder(Header).Append('\n');
        for (var i = from; i < from + rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"gen,{i},,2025-03-{1 + (i % 28):00}T{i % 24:00}:{i % 60:00}:00+02:00,,RU,air,missile.cruise,Kh-101,{i % 7},{i % 5},0,UA,UA-63,Kharkiv,{45 + (i % 500) / 100.0},{30 + (i % 900) / 100.0},energy.grid.substation,,{i % 3},row {i}\n");
        }

        return text.ToString();
    }

    /// <summary>Every report the <c>reports</c> entries of <paramref name="ledger"/> name, in ledger order.</summary>
    private static List<(string Key, long Line, string PayloadSha256)> ReportsNamed(IEnumerable<LedgerEvent> ledger)
    {
        var named = new List<(string, long, string)>();
        foreach (var e in ledger.Where(e => e.Kind == "reports"))
        {
            using var payload = System.Text.Json.JsonDocument.Parse(e.Payload);
            foreach (var r in payload.RootElement.GetProperty("reports").EnumerateArray())
            {
                named.Add((r.GetProperty("key").GetString()!, r.GetProperty("line").GetInt64(), r.GetProperty("payload_sha256").GetString()!));
            }
        }

        return named;
    }

    private sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value) => Reports.Add(value);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    protected static void AssertSame(Report actual, Report expected)
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

    protected override string Location => _path;

    protected override Task<string> FreshLocationAsync() => Task.FromResult(Path.Combine(_dir, $"{Guid.NewGuid():N}.db"));

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override Task DisableLedgerTriggersAsync() => ExecuteSqlAsync("DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete;");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteScratch();
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
