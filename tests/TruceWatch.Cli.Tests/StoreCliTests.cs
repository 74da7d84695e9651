using Npgsql;
using Shouldly;
using Xunit;

namespace TruceWatch.Cli.Tests;

/// <summary><c>trucewatch backup</c>, <c>restore</c> and <c>copy</c>, run as a user would.</summary>
public sealed class StoreCliTests : CliTest
{

    [Fact]
    public async Task A_backup_restored_into_a_new_file_holds_the_same_reports_and_ledger()
    {
        (await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "live.db")).ExitCode.ShouldBe(0);
        var before = await Run("verify", "--db", "live.db");

        var backup = await Run("backup", "--db", "live.db", "--out", "backups/live.backup");
        var again = await Run("backup", "--db", "live.db", "--out", "backups/live.backup");
        var restore = await Run("restore", "backups/live.backup", "--db", "restored.db");
        var after = await Run("verify", "--db", "restored.db");
        var assessLive = await Run("assess", "--db", "live.db", "--agreement", "energy-moratorium-2025", "--format", "json");
        var assessRestored = await Run("assess", "--db", "restored.db", "--agreement", "energy-moratorium-2025", "--format", "json");

        backup.ExitCode.ShouldBe(0, backup.ToString());
        backup.Stdout.ShouldContain("67 reports, ledger of 3 entries verified");
        again.ExitCode.ShouldBe(1);
        again.Stderr.ShouldContain("already exists");
        restore.ExitCode.ShouldBe(0, restore.ToString());
        restore.Stdout.ShouldContain("67 reports");
        after.Stdout.ShouldBe(before.Stdout);
        assessRestored.ExitCode.ShouldBe(0, assessRestored.ToString());
        assessRestored.Stdout.ShouldBe(assessLive.Stdout);
    }

    [Fact]
    public async Task Show_report_prints_the_provenance_and_the_ledger_entry_that_records_it()
    {
        (await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "p.db")).ExitCode.ShouldBe(0);

        var shown = await Run("show", "report", "5", "--db", "p.db");
        var missing = await Run("show", "report", "999", "--db", "p.db");

        shown.ExitCode.ShouldBe(0, shown.ToString());
        shown.Stdout.ShouldStartWith("report 5: ");
        shown.Stdout.ShouldContain("imported:    import 1 of reports.csv as canonical");
        shown.Stdout.ShouldContain(", line 6");
        shown.Stdout.ShouldContain("ledger:      entry 2 (import:1:lines:2-68)");
        missing.ExitCode.ShouldBe(1);
        missing.Stderr.ShouldContain("no report has id 999");
    }

    [Fact]
    public async Task Catalog_unknown_lists_the_weapon_names_the_catalog_lacks_most_frequent_first()
    {
        var file = Path.Combine(Dir, "weapons.csv");
        await File.WriteAllTextAsync(file, "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
            "s,1,,2025-03-20,,RU,air,,Shahed-136,,,,,,,,,,,,\n" +
            "s,2,,2025-03-20,,RU,air,,Zircon-K,,,,,,,,,,,,\n" +
            "s,3,,2025-03-21,,RU,air,missile,Zircon-K,,,,,,,,,,,,\n" +
            "s,4,,2025-03-21,,RU,air,,Lancet-5,,,,,,,,,,,,\n", TestContext.Current.CancellationToken);
        (await Run("import", file, "--db", "w.db")).ExitCode.ShouldBe(0);

        var unknown = await Run("catalog", "unknown", "--db", "w.db");

        unknown.ExitCode.ShouldBe(0, unknown.ToString());
        unknown.Stdout.ShouldContain("2 weapon name(s) the catalog does not know, in 3 report(s)");
        unknown.Stdout.IndexOf("Zircon-K", StringComparison.Ordinal).ShouldBeLessThan(unknown.Stdout.IndexOf("Lancet-5", StringComparison.Ordinal));
        unknown.Stdout.ShouldNotContain("Shahed-136");
    }

    [Fact]
    public async Task Retry_imports_quarantined_rows_that_pass_todays_rules_and_marks_them_corrected()
    {
        var file = Path.Combine(Dir, "night.csv");
        await File.WriteAllTextAsync(file, "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
            "s,1,,2025-03-20,,RU,air,,Shahed-136,,,,,,,,,,,,\n" +
            "s,2,,2025-02-30,,RU,air,,,,,,,,,,,,,,\n", TestContext.Current.CancellationToken);
        (await Run("import", file, "--db", "r.db")).ExitCode.ShouldBe(0);

        // A row an older rule rejected (say, before the catalog knew its weapon) that today's rules accept.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Dir, "r.db")};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO quarantine (import_id, format, file_name, line, reason, payload, payload_sha256) " +
                "VALUES (1, 'canonical', 'night.csv', 9, 'line 9: weapon ''Shahed-136'' is not in the catalog', 's,9,,2025-03-21,,RU,air,,Shahed-136,,,,,,,,,,,,', 'x')";
            insert.ExecuteNonQuery();
        }

        var retry = await Run("quarantine", "retry", "--db", "r.db", "--by", "analyst-1");
        var corrected = await Run("quarantine", "list", "--db", "r.db", "--status", "corrected");
        var again = await Run("quarantine", "retry", "--db", "r.db");
        var verify = await Run("verify", "--db", "r.db");

        retry.ExitCode.ShouldBe(0, retry.ToString());
        retry.Stdout.ShouldContain("Retried 2 open row(s): 1 now pass and were imported, 1 still fail");
        corrected.Stdout.ShouldContain("analyst-1: accepted on retry as report s:9");
        again.Stdout.ShouldContain("Retried 1 open row(s): 0 now pass and were imported, 1 still fail");
        verify.ExitCode.ShouldBe(0, verify.ToString());
    }

    [Fact]
    public async Task A_restore_over_a_store_with_data_needs_replace()
    {
        (await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "live.db")).ExitCode.ShouldBe(0);
        (await Run("backup", "--db", "live.db", "--out", "live.backup")).ExitCode.ShouldBe(0);

        var refused = await Run("restore", "live.backup", "--db", "live.db");
        var replaced = await Run("restore", "live.backup", "--db", "live.db", "--replace");
        var notABackup = await Run("restore", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "x.db");

        refused.ExitCode.ShouldBe(1);
        refused.Stderr.ShouldContain("already holds data");
        replaced.ExitCode.ShouldBe(0, replaced.ToString());
        notABackup.ExitCode.ShouldBe(1);
        notABackup.Stderr.ShouldContain("neither a SQLite backup nor a pg_dump");
    }

    [Fact]
    public async Task A_SQLite_store_copied_to_PostgreSQL_verifies_to_the_same_head()
    {
        var server = Environment.GetEnvironmentVariable("TRUCEWATCH_TEST_PG");
        if (string.IsNullOrEmpty(server))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", "TRUCEWATCH_TEST_PG is not set; ./test starts a PostgreSQL for this.");
            Assert.Fail("TRUCEWATCH_TEST_PG is not set and CI=true: the copy to PostgreSQL must be tested.");
        }

        var name = "tw_cli_copy_" + Guid.NewGuid().ToString("N")[..12];
        await Execute(server, $"CREATE DATABASE {name}");
        try
        {
            var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            (await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "live.db")).ExitCode.ShouldBe(0);
            var source = await Run("verify", "--db", "live.db");

            var copy = await Run("copy", "--from", "live.db", "--to", target);
            var copied = await Run("verify", "--db", target);
            var twice = await Run("copy", "--from", "live.db", "--to", target);

            copy.ExitCode.ShouldBe(0, copy.ToString());
            copy.Stdout.ShouldContain("1 imports, 67 reports, 0 quarantined rows, 3 ledger entries");
            copied.Stdout.ShouldBe(source.Stdout);
            twice.ExitCode.ShouldBe(1);
            twice.Stderr.ShouldContain("already holds data");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task A_quarantined_row_is_decided_once_and_a_second_decision_on_the_old_version_is_a_conflict()
    {
        var bad = Path.Combine(Dir, "night.csv");
        await File.WriteAllTextAsync(bad, "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
            "s,0,,2025-03-20,,RU,,,,,,,,,,,,,,,\ns,1,,2025-02-30,,RU,,,,,,,,,,,,,,,\n", TestContext.Current.CancellationToken);
        (await Run("import", bad, "--db", "q.db")).ExitCode.ShouldBe(0);

        var open = await Run("quarantine", "list", "--db", "q.db", "--status", "open");
        var decide = await Run("quarantine", "decide", "1", "--db", "q.db", "--version", "1", "--status", "dismissed", "--by", "analyst-1", "--note", "no such date");
        var stale = await Run("quarantine", "decide", "1", "--db", "q.db", "--version", "1", "--status", "corrected", "--by", "analyst-2", "--note", "fixed");
        var noNote = await Run("quarantine", "decide", "1", "--db", "q.db", "--version", "2", "--status", "dismissed");
        var dismissed = await Run("quarantine", "list", "--db", "q.db", "--status", "dismissed");
        var ledger = await Run("export", "--ledger", "--db", "q.db");

        open.ExitCode.ShouldBe(0, open.ToString());
        open.Stdout.ShouldContain("1 row(s) open");
        open.Stdout.ShouldContain("2025-02-30");
        decide.ExitCode.ShouldBe(0, decide.ToString());
        decide.Stdout.ShouldContain("Row 1 is now dismissed (version 2), by analyst-1");
        stale.ExitCode.ShouldBe(3);
        stale.Stderr.ShouldContain("it is at version 2, dismissed by analyst-1 (no such date). Nothing was changed");
        noNote.ExitCode.ShouldBe(1);
        noNote.Stderr.ShouldContain("give a note");
        dismissed.Stdout.ShouldContain("analyst-1: no such date");
        ledger.Stdout.ShouldContain("\"kind\":\"quarantine.decision\",\"subject\":\"quarantine:1\"");
    }

    [Fact]
    public async Task Judge_stores_the_verdicts_assess_computes_and_a_second_run_has_nothing_left_to_do()
    {
        (await Run("import", Repo.Data("missile-attacks-ukraine", "missile_attacks_daily.csv"), "--db", "j.db")).ExitCode.ShouldBe(0);
        (await Run("import", Repo.Data("ua-strikes-on-russian-energy", "reports.csv"), "--db", "j.db")).ExitCode.ShouldBe(0);

        var judge = await Run("judge", "--db", "j.db", "--agreement", "energy-moratorium-2025", "--workers", "2");
        var again = await Run("judge", "--db", "j.db", "--agreement", "energy-moratorium-2025");
        var work = await Run("work", "--db", "j.db");
        var assess = await Run("assess", "--db", "j.db", "--agreement", "energy-moratorium-2025", "--format", "json");
        var verify = await Run("verify", "--db", "j.db");

        judge.ExitCode.ShouldBe(0, judge.ToString());
        judge.Stderr.ShouldContain("Queued 4 job(s)");
        judge.Stdout.ShouldContain("Ran 4 job(s): 3,652 verdicts stored");
        using var document = System.Text.Json.JsonDocument.Parse(assess.Stdout);
        var computed = document.RootElement.GetProperty("summary").EnumerateObject()
            .SelectMany(party => party.Value.EnumerateObject())
            .GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.Sum(v => v.Value.GetInt32()));
        var row = judge.Stdout.Split('\n').Single(l => l.Contains("energy-moratorium-2025 v1", StringComparison.Ordinal));
        var stored = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..].Select(n => int.Parse(n, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        stored.ShouldBe(new[] { "violation", "indeterminate", "permitted", "out-of-scope", "outside-window" }.Select(v => computed.GetValueOrDefault(v)));
        again.Stderr.ShouldContain("Queued 0 job(s)");
        again.Stdout.ShouldContain("Ran 0 job(s)");
        work.ExitCode.ShouldBe(0, work.ToString());
        verify.Stdout.ShouldStartWith("ledger intact: 14 entries", Case.Sensitive, "2 imports of 3 and 6 entries, 1 terms entry, 4 assessments entries");
    }

    [Fact]
    public async Task ACLED_and_GeoJSON_files_are_recognised_imported_and_their_bad_rows_quarantined()
    {
        var tests = Path.Combine(Repo.Root, "tests", "TruceWatch.Ingest.Tests");

        var acled = await Run("import", Path.Combine(tests, "Acled", "acled-ukraine-sample.csv"), "--db", "f.db");
        var geojson = await Run("import", Path.Combine(tests, "GeoJson", "strikes.geojson"), "--db", "f.db");
        var again = await Run("import", Path.Combine(tests, "GeoJson", "strikes.geojson"), "--db", "f.db", "--format", "geojson");
        var quarantine = await Run("quarantine", "list", "--db", "f.db", "--limit", "20");
        var unknown = await Run("import", Path.Combine(tests, "GeoJson", "strikes.geojson"), "--db", "f.db", "--format", "kml");

        acled.ExitCode.ShouldBe(0, acled.ToString());
        acled.Stdout.ShouldContain("as acled into f.db: 8 new, 0 already present, 3 quarantined");
        geojson.ExitCode.ShouldBe(0, geojson.ToString());
        geojson.Stdout.ShouldContain("as geojson into f.db: 2 new, 0 already present, 4 quarantined");
        again.Stdout.ShouldContain("0 new, 2 already present, 4 quarantined");
        quarantine.Stdout.ShouldContain("7 row(s)");
        quarantine.Stdout.ShouldContain("not a remote strike");
        quarantine.Stdout.ShouldContain("a report is placed at a Point");
        unknown.ExitCode.ShouldBe(1);
        unknown.Stderr.ShouldContain("unknown format 'kml' (known: auto, canonical, missile-attacks-daily, acled, cir-events, jsonl, geojson");
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
