using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Storage.Backup;

/// <summary>
/// Backup and restore of a PostgreSQL store with <c>pg_dump</c> (custom format, one consistent snapshot) and <c>pg_restore</c>,
/// found on the PATH or under <c>/usr/lib/postgresql/*/bin</c>, newest first. The connection is passed in PG* environment variables,
/// so the password never appears in a process list.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<BackupResult> BackupAsync(string connectionString, string destination, TimeProvider time, CancellationToken cancellationToken)
    {
        // The ledger is verified first: a backup of a store whose record is already broken would only preserve the damage unnoticed.
        BackupResult checkedSource;
        await using (var store = await StoreFactory.OpenAsync(connectionString, time, cancellationToken).ConfigureAwait(false))
        {
            checkedSource = await BackupFiles.CheckAsync(store, Describe(connectionString), cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        try
        {
            await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.GetFullPath(destination)], cancellationToken)
                .ConfigureAwait(false);
            await RunAsync("pg_restore", null, ["--list", Path.GetFullPath(destination)], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(destination);
            throw;
        }

        // pg_dump takes its own snapshot, so entries appended after the check are in the archive too; the result names what was verified.
        return checkedSource with { Location = destination };
    }

    public static async Task<BackupResult> RestoreAsync(string backup, string connectionString, bool replace, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!replace && await HoldsAnythingAsync(connectionString, cancellationToken).ConfigureAwait(false))
        {
            throw new BackupException($"{Describe(connectionString)} already holds tables; restore into an empty database, or pass --replace to overwrite it.");
        }

        string[] arguments = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres"];
        if (replace)
        {
            arguments = ["--clean", "--if-exists", .. arguments];
        }

        await RunAsync("pg_restore", connectionString, [.. arguments, Path.GetFullPath(backup)], cancellationToken).ConfigureAwait(false);
        NpgsqlConnection.ClearAllPools();
        await using var store = await StoreFactory.OpenAsync(connectionString, time, cancellationToken).ConfigureAwait(false);
        return await BackupFiles.CheckAsync(store, Describe(connectionString), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the database has any table of its own (PostGIS's are not counted).</summary>
    private static async Task<bool> HoldsAnythingAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'spatial_ref_sys')", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task RunAsync(string tool, string? connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (connectionString is not null)
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            info.Environment["PGHOST"] = b.Host;
            info.Environment["PGPORT"] = b.Port.ToString(CultureInfo.InvariantCulture);
            info.Environment["PGDATABASE"] = b.Database ?? b.Username ?? "postgres";
            if (b.Username is { } user)
            {
                info.Environment["PGUSER"] = user;
            }

            if (b.Password is { } password)
            {
                info.Environment["PGPASSWORD"] = password;
            }

            if (b.SslMode != SslMode.Prefer)
            {
                info.Environment["PGSSLMODE"] = b.SslMode switch
                {
                    SslMode.VerifyCA => "verify-ca",
                    SslMode.VerifyFull => "verify-full",
                    var mode => mode.ToString().ToLowerInvariant(),
                };
            }
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new BackupException($"{tool} could not be started ({e.Message}); install the PostgreSQL client tools (apt-get install postgresql-client-15).", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}");
            }
        }
    }

    /// <summary>The tool on the PATH, else the newest under /usr/lib/postgresql/*/bin (Debian keeps client tools there per major version).</summary>
    private static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string Debian = "/usr/lib/postgresql";
        var versions = Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian).Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1)).Where(d => d.Version >= 0)
            : [];
        return versions.OrderByDescending(d => d.Version).Select(d => Path.Combine(d.Dir, "bin", tool)).FirstOrDefault(File.Exists) ?? tool;
    }

    private static string Describe(string connectionString) => PostgresLocation.Describe(new NpgsqlConnectionStringBuilder(connectionString));
}
