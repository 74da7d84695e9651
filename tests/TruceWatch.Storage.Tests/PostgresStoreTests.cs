using Npgsql;
using Shouldly;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage.Postgres;
using TruceWatch.Storage.Judging;
using TruceWatch.Storage.Transfer;
using Xunit;

namespace TruceWatch.Storage.Tests;

/// <summary>
/// The storage suite on PostgreSQL (the server <c>TRUCEWATCH_TEST_PG</c> names), each store in a database of its own that is dropped
/// afterwards, so tests run in parallel; plus what only PostgreSQL has: the advisory-locked migration, PostGIS, the URI form.
/// </summary>
public sealed class PostgresStoreTests(PostgresTemplate template) : StoreSuite, IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private readonly List<string> _roles = [];
    private string _connectionString = "";

    protected override async Task<IReportStore> OpenFreshAsync()
    {
        _connectionString = (await FreshDatabaseAsync(await template.NameAsync())).ConnectionString;
        return await StoreFactory.OpenAsync(_connectionString, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    protected override Task<IReportStore> ReopenAsync() => StoreFactory.OpenAsync(_connectionString, TimeProvider.System, TestContext.Current.CancellationToken);

    protected override string Location => _connectionString;

    protected override async Task<string> FreshLocationAsync() => (await FreshDatabaseAsync()).ConnectionString;

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    protected override Task DisableLedgerTriggersAsync() => ExecuteSqlAsync("ALTER TABLE ledger DISABLE TRIGGER ALL");

    [Fact]
    public async Task The_schema_refuses_to_truncate_the_ledger()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Header + "\ns,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n");

        var error = await Should.ThrowAsync<PostgresException>(() => ExecuteSqlAsync("TRUNCATE ledger"));

        error.MessageText.ShouldContain("append-only");
        (await Verify(store)).Verified.ShouldBe(3);
    }

    [Fact]
    public async Task Nodes_migrating_a_fresh_database_at_once_apply_each_migration_exactly_once()
    {
        var database = await FreshDatabaseAsync();
        var nodes = Enumerable.Range(0, 8).Select(_ => new PostgresReportStore(database.ConnectionString, TimeProvider.System)).ToList();
        try
        {
            using var start = new Barrier(nodes.Count);
            await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                await node.MigrateAsync(TestContext.Current.CancellationToken);
            })));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }

        var applied = await PostgresServer.ScalarAsync<int[]>(database.ConnectionString, "SELECT array_agg(version ORDER BY version) FROM schema_migrations");
        var postgis = await PostgresServer.ScalarAsync<bool>(database.ConnectionString, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis')");
        var geom = await PostgresServer.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'reports' AND column_name = 'geom'");

        applied.ShouldBe(PostgresMigrator.Scripts().Select(s => s.Version));
        geom.ShouldBe(postgis ? 1 : 0);
    }

    [Fact]
    public async Task With_PostGIS_each_report_with_a_point_gets_a_geography_point()
    {
        await using var store = await OpenFreshAsync();
        if (!await PostgresServer.ScalarAsync<bool>(_connectionString, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis')"))
        {
            Assert.Skip("PostGIS is not installed on the test server (postgresql-15-postgis-3).");
        }

        await Import(store, Header + "\n" +
            "s,point,,2025-03-20,,RU,,,,,,,UA,UA-63,Kharkiv,49.99,36.23,,,,\n" +
            "s,none,,2025-03-20,,RU,,,,,,,UA,UA-63,Kharkiv,,,,,,\n");

        var points = await PostgresServer.ScalarAsync<string>(_connectionString,
            "SELECT string_agg(source_record_id || '=' || coalesce(ST_AsText(geom), 'null'), ' ' ORDER BY id) FROM reports");
        var index = await PostgresServer.ScalarAsync<string>(_connectionString, "SELECT indexdef FROM pg_indexes WHERE indexname = 'reports_by_geom'");

        points.ShouldBe("point=POINT(36.23 49.99) none=null");
        index.ShouldContain("USING gist (geom)");
    }

    [Fact]
    public async Task Without_the_privilege_to_install_PostGIS_the_store_still_migrates_and_imports()
    {
        var role = PostgresServer.NewName();
        var password = Guid.NewGuid().ToString("N");
        _ = PostgresServer.ConnectionString;
        await PostgresServer.ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN NOSUPERUSER PASSWORD '{password}'");
        _roles.Add(role);
        var database = await FreshDatabaseAsync(owner: role);
        database.Username = role;
        database.Password = password;

        await using var store = await StoreFactory.OpenAsync(database.ConnectionString, TimeProvider.System, TestContext.Current.CancellationToken);
        var summary = await Import(store, Header + "\ns,point,,2025-03-20,,RU,,,,,,,UA,UA-63,Kharkiv,49.99,36.23,,,,\ns,bad,,2025-02-30,,RU,,,,,,,,,,,,,,,\n");
        var geom = await PostgresServer.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'reports' AND column_name = 'geom'");

        (summary.Accepted, summary.Quarantined).ShouldBe((1L, 1L));
        (await All(store)).ShouldHaveSingleItem().Report.Place.Point.ShouldNotBeNull();
        geom.ShouldBe(0);
    }

    [Fact]
    public async Task A_postgres_uri_opens_the_store()
    {
        var database = await FreshDatabaseAsync();
        var credentials = Uri.EscapeDataString(database.Username ?? "postgres") + (database.Password is { } p ? ":" + Uri.EscapeDataString(p) : "");
        var uri = $"postgresql://{credentials}@{database.Host}:{database.Port}/{database.Database}?application_name=trucewatch-test";

        await using (var store = await StoreFactory.OpenAsync(uri, TimeProvider.System, TestContext.Current.CancellationToken))
        {
            store.ShouldBeOfType<PostgresReportStore>();
            await Import(store, Header + "\ns,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n");
        }

        await using var again = await StoreFactory.OpenAsync(database.ConnectionString, TimeProvider.System, TestContext.Current.CancellationToken);
        (await again.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_reported_with_host_port_and_name()
    {
        var missing = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = PostgresServer.NewName() };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => StoreFactory.OpenAsync(missing.ConnectionString, TimeProvider.System, TestContext.Current.CancellationToken));

        error.Message.ShouldContain($"{missing.Host}:{missing.Port}/{missing.Database}");
        error.Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task A_SQLite_store_copied_into_PostgreSQL_keeps_every_report_row_and_ledger_entry_and_goes_on_from_there()
    {
        var sqlitePath = Path.Combine(Scratch, "source.db");
        List<StoredReport> reports;
        List<LedgerEvent> ledger;
        IReadOnlyList<QuarantineEntry> quarantine;
        var assessments = new List<StoredAssessment>();
        await using (var sqlite = await StoreFactory.OpenAsync(sqlitePath, TimeProvider.System, TestContext.Current.CancellationToken))
        {
            await Import(sqlite, File.ReadAllText(Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv")), "reports.csv");
            await Import(sqlite, Header + "\ns,1,,2025-03-20,,RU,,,,,,,UA,UA-63,Kharkiv,49.99,36.23,energy.grid;civilian.residential,,,\"Харків, \"\"ТЕЦ-5\"\"\"\ns,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\n", "ніч.csv");
            await Import(sqlite, Generated(2_500), "generated.csv");
            var worker = new JudgingWorker(sqlite, BundledTerms(), "w");
            await worker.QueueAsync(TestContext.Current.CancellationToken);
            await worker.DrainAsync(cancellationToken: TestContext.Current.CancellationToken);
            await foreach (var a in sqlite.AssessmentsAsync("energy-moratorium-2025", TestContext.Current.CancellationToken))
            {
                assessments.Add(a);
            }

            reports = await All(sqlite);
            ledger = await Ledger(sqlite);
            quarantine = await sqlite.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        var target = (await FreshDatabaseAsync()).ConnectionString;
        var result = await StoreCopy.CopyAsync(sqlitePath, target, TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);
        await using var copy = await StoreFactory.OpenAsync(target, TimeProvider.System, TestContext.Current.CancellationToken);

        result.Copied.Reports.ShouldBe(reports.Count);
        result.Copied.Imports.ShouldBe(3);
        result.Copied.LedgerEntries.ShouldBe(ledger.Count);
        result.LedgerHead.ShouldBe(ledger[^1].Hash);
        var copied = await All(copy);
        copied.Select(r => r.Id).ShouldBe(reports.Select(r => r.Id));
        for (var i = 0; i < reports.Count; i++)
        {
            AssertSame(copied[i].Report, reports[i].Report);
        }

        (await copy.QuarantineAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldBe(quarantine);
        (await Ledger(copy)).ShouldBe(ledger);
        var copiedAssessments = new List<StoredAssessment>();
        await foreach (var a in copy.AssessmentsAsync("energy-moratorium-2025", TestContext.Current.CancellationToken))
        {
            copiedAssessments.Add(a);
        }

        assessments.Count.ShouldBe(reports.Count);
        copiedAssessments.ShouldBe(assessments);
        (await copy.JudgingJobsAsync(TestContext.Current.CancellationToken)).Done.ShouldBe(BundledTerms().Count * 3);
        var payloads = await PostgresServer.ScalarAsync<long>(target, "SELECT count(*) FROM reports WHERE payload_sha256 = encode(sha256(convert_to(payload, 'UTF8')), 'hex')");
        payloads.ShouldBe(reports.Count);

        var next = await Import(copy, Generated(3, from: 10_000), "next.csv");
        next.ImportId.ShouldBe(4);
        (await All(copy)).Max(r => r.Id).ShouldBe(reports.Max(r => r.Id) + 3);
        (await Verify(copy)).Verified.ShouldBe(ledger.Count + 3);
    }

    [Fact]
    public async Task A_copy_into_a_store_that_holds_data_is_refused_and_changes_nothing()
    {
        await using var store = await OpenFreshAsync();
        await Import(store, Generated(2));
        var sqlitePath = Path.Combine(Scratch, "source.db");
        await using (var sqlite = await StoreFactory.OpenAsync(sqlitePath, TimeProvider.System, TestContext.Current.CancellationToken))
        {
            await Import(sqlite, Generated(5, from: 50));
        }

        var error = await Should.ThrowAsync<StoreCopyException>(() => StoreCopy.CopyAsync(sqlitePath, Location, TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("already holds data");
        (await store.CountReportsAsync(TestContext.Current.CancellationToken)).ShouldBe(2);
        (await Verify(store)).Verified.ShouldBe(3);
    }

    public async ValueTask DisposeAsync()
    {
        DeleteScratch();
        foreach (var database in _databases)
        {
            await PostgresServer.DropDatabaseAsync(database);
        }

        foreach (var role in _roles)
        {
            await PostgresServer.ExecuteAsync($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    /// <summary>A new database copied from <paramref name="template"/>: by default an empty one, without PostGIS.</summary>
    private async Task<NpgsqlConnectionStringBuilder> FreshDatabaseAsync(string template = "template1", string? owner = null)
    {
        var name = PostgresServer.NewName();
        var database = await PostgresServer.CreateDatabaseAsync(name, template, owner);
        _databases.Add(name);
        return database;
    }
}
