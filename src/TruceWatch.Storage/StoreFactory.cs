using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Storage;

/// <summary>Opens the store a connection string or path names: a file path means SQLite.</summary>
public static class StoreFactory
{
    /// <summary>Opens (creating if needed) and migrates the store.</summary>
    public static async Task<IReportStore> OpenAsync(string location, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || location.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("PostgreSQL stores are not available in this version; give a SQLite file path.");
        }

        var store = new SqliteReportStore(location, time);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }
}
