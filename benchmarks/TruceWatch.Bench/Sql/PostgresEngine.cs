using System.Globalization;
using Npgsql;
using TruceWatch.Bench.Measure;
using TruceWatch.Bench.Pipeline;
using TruceWatch.Core.Agreements;
using TruceWatch.Ingest.Canonical;

namespace TruceWatch.Bench.Sql;

/// <summary>
/// PostgreSQL doing the same work: <c>COPY … FROM STDIN (FORMAT csv)</c> of the file into an unlogged table of text columns, then the
/// classification of <see cref="TermsSql"/>. Runs in a scratch database made for the run and dropped after it.
/// </summary>
public static class PostgresEngine
{
    public static async Task<(List<StageResult> Stages, Counts Counts)> RunAsync(
        string server, string file, IReadOnlyList<Agreement> agreements, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = $"bench_tw_{Environment.ProcessId}_{time.GetUtcNow().ToUnixTimeMilliseconds()}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE {name}", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var scratch = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false, CommandTimeout = 0 };
            await using var connection = new NpgsqlConnection(scratch.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var columns = string.Join(", ", CanonicalColumns.All.Select(c => $"{c} text"));
            await ExecuteAsync(connection, $"CREATE UNLOGGED TABLE r ({columns})", cancellationToken).ConfigureAwait(false);

            var stages = new List<StageResult>();
            var (copy, rows) = await Meter.RunAsync("postgres", "load: COPY csv → table", async () =>
            {
                await using (var import = await connection.BeginTextImportAsync("COPY r FROM STDIN (FORMAT csv, HEADER true)", cancellationToken).ConfigureAwait(false))
                {
                    using var reader = new StreamReader(file, new System.Text.UTF8Encoding(false), false, 1 << 16);
                    var buffer = new char[1 << 16];
                    int n;
                    while ((n = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await import.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    }
                }

                var count = await ScalarAsync(connection, "SELECT count(*) FROM r", cancellationToken).ConfigureAwait(false);
                return (count, count);
            }).ConfigureAwait(false);
            stages.Add(copy);

            var (query, counts) = await Meter.RunAsync("postgres", "classify + aggregate (table)", async () =>
            {
                var result = new Counts();
                await using var command = new NpgsqlCommand(TermsSql.Query(agreements, "r", Dialect.Postgres), connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.AddGroup(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4));
                }

                return (result, rows);
            }).ConfigureAwait(false);
            stages.Add(query);
            stages.Add(new StageResult("postgres", "end to end: COPY + query", rows, copy.Wall + query.Wall, copy.Cpu + query.Cpu,
                Math.Max(copy.PeakWorkingSet, query.PeakWorkingSet), Math.Max(copy.PeakGcHeap, query.PeakGcHeap), copy.Allocated + query.Allocated));
            return (stages, counts);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
