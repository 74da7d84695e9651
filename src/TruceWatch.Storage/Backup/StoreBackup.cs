using TruceWatch.Storage.Postgres;

namespace TruceWatch.Storage.Backup;

/// <summary>
/// Backup and restore of a whole store, on the store's own backend: the SQLite online backup API (a consistent copy while others keep
/// writing) or <c>pg_dump</c>'s custom format. A backup is checked after it is written and before it is restored: its ledger must verify.
/// </summary>
public static class StoreBackup
{
    /// <summary>Writes a backup of the store at <paramref name="location"/> to <paramref name="destination"/>, which must not exist.</summary>
    /// <exception cref="BackupException">The backup cannot be made; the message says why.</exception>
    public static Task<BackupResult> BackupAsync(string location, string destination, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (File.Exists(destination) || Directory.Exists(destination))
        {
            throw new BackupException($"{destination} already exists; a backup never overwrites a file.");
        }

        return PostgresLocation.IsPostgres(location)
            ? PostgresBackup.BackupAsync(PostgresLocation.ToConnectionString(location), destination, time, cancellationToken)
            : SqliteBackup.BackupAsync(location, destination, time, cancellationToken);
    }

    /// <summary>
    /// Restores <paramref name="backup"/> into the store at <paramref name="location"/>. A store that already holds anything is replaced
    /// only when <paramref name="replace"/> is set.
    /// </summary>
    /// <exception cref="BackupException">The file is no backup of this backend, its ledger is broken, or the target is not empty.</exception>
    public static Task<BackupResult> RestoreAsync(string backup, string location, bool replace, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backup))
        {
            throw new BackupException($"{backup}: no such file");
        }

        var kind = BackupFiles.KindOf(backup);
        var postgres = PostgresLocation.IsPostgres(location);
        return (kind, postgres) switch
        {
            (BackupKind.Sqlite, false) => SqliteBackup.RestoreAsync(backup, location, replace, time, cancellationToken),
            (BackupKind.PgDump, true) => PostgresBackup.RestoreAsync(backup, PostgresLocation.ToConnectionString(location), replace, time, cancellationToken),
            (BackupKind.Sqlite, true) => throw new BackupException(
                $"{backup} is a SQLite backup and the target is PostgreSQL: restore it into a SQLite file, then `trucewatch copy --from FILE --to DB`."),
            (BackupKind.PgDump, false) => throw new BackupException($"{backup} is a pg_dump backup; restore it into a PostgreSQL store (--db postgres://…)."),
            _ => throw new BackupException($"{backup} is neither a SQLite backup nor a pg_dump custom-format archive."),
        };
    }
}

/// <summary>What a backup or restore produced: where, how many reports, and the ledger it carries (verified).</summary>
public sealed record BackupResult(string Location, long Reports, long LedgerEntries, string LedgerHead);

/// <summary>A backup or restore that cannot be done, with the reason for the user.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BackupException()
    {
    }
}
