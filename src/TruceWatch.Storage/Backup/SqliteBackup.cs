using Microsoft.Data.Sqlite;
using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Storage.Backup;

/// <summary>Backup and restore of a SQLite store through SQLite's online backup API: a consistent copy even while others write.</summary>
internal static class SqliteBackup
{
    public static async Task<BackupResult> BackupAsync(string path, string destination, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"{path}: no such store");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        try
        {
            await using (var source = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken).ConfigureAwait(false))
            await using (var target = await OpenAsync(destination, SqliteOpenMode.ReadWriteCreate, cancellationToken).ConfigureAwait(false))
            {
                source.BackupDatabase(target);
                await using var single = target.CreateCommand();

                // One self-contained file: no write-ahead log beside it once it is closed.
                single.CommandText = "PRAGMA journal_mode=DELETE";
                await single.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return await CheckAsync(destination, destination, time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            File.Delete(destination);
            throw;
        }
    }

    public static async Task<BackupResult> RestoreAsync(string backup, string path, bool replace, TimeProvider time, CancellationToken cancellationToken)
    {
        await CheckAsync(backup, backup, time, cancellationToken).ConfigureAwait(false);
        if (File.Exists(path) && !replace && await HoldsAnythingAsync(path, cancellationToken).ConfigureAwait(false))
        {
            throw new BackupException($"{path} already holds data; restore into a new file, or pass --replace to overwrite it.");
        }

        await using (var source = await OpenAsync(backup, SqliteOpenMode.ReadOnly, cancellationToken).ConfigureAwait(false))
        await using (var target = await OpenAsync(path, SqliteOpenMode.ReadWriteCreate, cancellationToken).ConfigureAwait(false))
        {
            // The backup API replaces every page of the target inside its own lock: readers see the old store or the restored one.
            source.BackupDatabase(target);
            await using var wal = target.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        await using var store = await StoreFactory.OpenAsync(path, time, cancellationToken).ConfigureAwait(false);
        return await BackupFiles.CheckAsync(store, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the store in a file without migrating or otherwise changing it.</summary>
    private static async Task<BackupResult> CheckAsync(string file, string describe, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(file, "ledger", cancellationToken).ConfigureAwait(false))
        {
            throw new BackupException($"{describe} is a SQLite file but not a TruceWatch store (it has no ledger).");
        }

        await using var store = new SqliteReportStore(file, time);
        return await BackupFiles.CheckAsync(store, describe, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> HoldsAnythingAsync(string path, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(path, "imports", cancellationToken).ConfigureAwait(false))
        {
            return new FileInfo(path).Length > 0;
        }

        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM ledger)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    private static async Task<bool> HasTableAsync(string path, string table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name)";
        command.Parameters.AddWithValue("$name", table);
        try
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)
        {
            // SQLITE_NOTADB: the file is not a database at all.
            return false;
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
