using Npgsql;
using Xunit;

namespace TruceWatch.Storage.Tests;

/// <summary>The PostgreSQL server the tests run against, named by <c>TRUCEWATCH_TEST_PG</c>, and throwaway databases on it.</summary>
internal static class PostgresServer
{
    public const string Variable = "TRUCEWATCH_TEST_PG";

    /// <summary>The server's connection string. Without one the test is skipped, or fails under CI (<c>CI=true</c>), where it must run.</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            const string how = "set it to a server's connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres (./test starts a throwaway server)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{Variable} is not set, and CI=true: the PostgreSQL storage suite must run in CI; {how}.");
            }

            Assert.Skip($"{Variable} is not set, so the PostgreSQL storage suite is skipped; {how}.");
            return "";
        }
    }

    /// <summary>Creates a database copied from <paramref name="template"/> (an empty one by default) and returns its connection string.</summary>
    public static async Task<NpgsqlConnectionStringBuilder> CreateDatabaseAsync(string name, string template = "template1", string? owner = null)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"" + (owner is null ? "" : $" OWNER \"{owner}\""));
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name };
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>Runs one statement on the server's own database (the one <c>TRUCEWATCH_TEST_PG</c> names).</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A one-value query on the database <paramref name="connectionString"/> names.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A fresh name for a throwaway database or role.</summary>
    public static string NewName() => $"tw_test_{Guid.NewGuid():N}";
}
