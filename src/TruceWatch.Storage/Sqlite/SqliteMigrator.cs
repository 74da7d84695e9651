using System.Reflection;
using Microsoft.Data.Sqlite;

namespace TruceWatch.Storage.Sqlite;

/// <summary>Applies the numbered SQL scripts under <c>Migrations/Sqlite</c> in order, each once, inside one write-locked transaction.</summary>
internal static class SqliteMigrator
{
    private const string Prefix = "TruceWatch.Storage.Migrations.Sqlite.";

    public static async Task MigrateAsync(SqliteConnection connection, string appliedAt, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock first, so two processes starting at once apply each migration exactly once.
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var query = connection.CreateCommand())
            {
                query.CommandText = "SELECT version FROM schema_migrations";
                await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            foreach (var (version, name, sql) in Scripts())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$t", appliedAt);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The embedded scripts as (version, name, text), by version.</summary>
    public static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[Prefix.Length..^4];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(name.AsSpan(0, underscore), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Item1);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
