using System.Globalization;
using DuckDB.NET.Data;
using TruceWatch.Bench.Measure;
using TruceWatch.Bench.Pipeline;
using TruceWatch.Core.Agreements;
using TruceWatch.Ingest.Canonical;

namespace TruceWatch.Bench.Sql;

/// <summary>
/// DuckDB (in process, in memory, every core) doing what an analyst would: <c>read_csv</c> of the same file with every column as text,
/// then the classification of <see cref="TermsSql"/>. Timed as load + query, and as one query straight over <c>read_csv</c>.
/// </summary>
public static class DuckDbEngine
{
    public static async Task<(List<StageResult> Stages, Counts Counts)> RunAsync(string file, IReadOnlyList<Agreement> agreements, CancellationToken cancellationToken)
    {
        // The dialect and columns are given rather than sniffed: every column is text, as in the canonical format.
        var columns = string.Join(", ", CanonicalColumns.All.Select(c => $"'{c}': 'VARCHAR'"));
        var readCsv = $"read_csv('{file.Replace("'", "''", StringComparison.Ordinal)}', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {{{columns}}})";
        var stages = new List<StageResult>();

        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The one-query form first, on a cold connection: what an analyst's first run costs.
        var (direct, counts) = await Meter.RunAsync("duckdb", "end to end: one query over read_csv", async () =>
        {
            var result = await QueryAsync(connection, TermsSql.Query(agreements, readCsv, Dialect.DuckDb), cancellationToken).ConfigureAwait(false);
            return (result, 0L);
        }).ConfigureAwait(false);

        var (load, rows) = await Meter.RunAsync("duckdb", "load: read_csv → table", async () =>
        {
            await ExecuteAsync(connection, $"CREATE TABLE r AS SELECT * FROM {readCsv}", cancellationToken).ConfigureAwait(false);
            var n = await ScalarAsync(connection, "SELECT count(*) FROM r", cancellationToken).ConfigureAwait(false);
            return (n, n);
        }).ConfigureAwait(false);
        stages.Add(load);

        var (query, _) = await Meter.RunAsync("duckdb", "classify + aggregate (table)", async () =>
            (await QueryAsync(connection, TermsSql.Query(agreements, "r", Dialect.DuckDb), cancellationToken).ConfigureAwait(false), rows)).ConfigureAwait(false);
        stages.Add(query);
        stages.Add(direct with { Rows = rows });
        await ExecuteAsync(connection, "DROP TABLE r", cancellationToken).ConfigureAwait(false);
        return (stages, counts);
    }

    private static async Task<Counts> QueryAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        var counts = new Counts();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.AddGroup(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture));
        }

        return counts;
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
