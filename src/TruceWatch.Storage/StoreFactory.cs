using Npgsql;
using TruceWatch.Storage.Postgres;
using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Storage;

/// <summary>
/// Opens the store a location names: a <c>postgres://</c> / <c>postgresql://</c> URI or a <c>Host=…</c> connection string means
/// PostgreSQL; anything else is a SQLite file path.
/// </summary>
public static class StoreFactory
{
    /// <summary>Opens (creating if needed) and migrates the store.</summary>
    /// <exception cref="ArgumentException">A PostgreSQL location that cannot be read; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The PostgreSQL server cannot be reached or refuses us; the message names host, port and database.</exception>
    public static async Task<IReportStore> OpenAsync(string location, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (!PostgresLocation.IsPostgres(location))
        {
            var sqlite = new SqliteReportStore(location, time);
            await sqlite.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return sqlite;
        }

        var connectionString = PostgresLocation.ToConnectionString(location);
        var store = new PostgresReportStore(connectionString, time);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Cannot open the PostgreSQL store at {PostgresLocation.Describe(new NpgsqlConnectionStringBuilder(connectionString))}: {e.Message}", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
